import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/adapters/log/pino-logger.js';
import { loadConfig } from '../../src/config/config.js';

describe('LOG_FILE', () => {
  it('sends the logs to the file (its folder created), not to the terminal the console uses', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'log-file-'));
    try {
      const file = path.join(dir, 'logs', 'console.log');
      createLogger({ level: 'info', format: 'json', file }).info({ job: 'digest' }, 'job ran');
      const line = JSON.parse(fs.readFileSync(file, 'utf8').trim()) as { msg: string; job: string };
      expect(line).toMatchObject({ msg: 'job ran', job: 'digest' });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is read from the environment, and absent by default', () => {
    expect(loadConfig({ LOG_FILE: 'var/bot.log' }).log.file).toBe('var/bot.log');
    expect(loadConfig({}).log.file).toBeUndefined();
  });
});
