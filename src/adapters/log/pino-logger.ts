import { pino, destination } from 'pino';
import type { Logger } from '../../ports/logger.js';

/**
 * Structured JSON logs (pino); `pretty` for a developer's terminal. Logs go to stderr so CLI output
 * stays clean, or to `file` (appended, its folder created) when one is given.
 */
export function createLogger(opts: { level: string; format: 'json' | 'pretty'; file?: string }): Logger {
  if (opts.file) return pino({ level: opts.level }, destination({ dest: opts.file, mkdir: true, sync: true }));
  if (opts.format === 'pretty') {
    return pino({
      level: opts.level,
      transport: { target: 'pino-pretty', options: { destination: 2, colorize: true, translateTime: 'SYS:HH:MM:ss' } },
    });
  }
  return pino({ level: opts.level }, destination(2));
}
