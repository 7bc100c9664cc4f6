import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { databasePath, openSqliteStore } from '../../src/adapters/embedded/sqlite-store.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.resolve(here, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-crash-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** How many committed writes to wait for before killing the writer: enough to span several WAL frames. */
const KILL_AFTER = 400;

/** Runs crash-writer.ts, SIGKILLs it once it has reported KILL_AFTER commits, returns what it reported. */
function runAndKill(): Promise<{ committed: string[]; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'crash-writer.ts'), dataDir], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const committed: string[] = [];
    let buffered = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('committed ')) committed.push(line.slice('committed '.length));
      if (committed.length >= KILL_AFTER && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    // Lines that arrive after the kill was sent were committed too, so wait for the pipe to close.
    // A partial last line (an id cut by the kill) was never fully reported and is left out.
    child.on('close', (_code, signal) => resolve({ committed, signal, stderr }));
  });
}

describe('embedded store crash safety', () => {
  it('keeps every reported commit and a consistent file when the writer is SIGKILLed mid-write', async () => {
    const { committed, signal, stderr } = await runAndKill();
    expect(stderr).toBe('');
    expect(signal).toBe('SIGKILL');
    expect(committed.length).toBeGreaterThanOrEqual(KILL_AFTER);

    const raw = new Database(databasePath(dataDir));
    try {
      expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      raw.close();
    }

    const store = openSqliteStore({ dataDir });
    try {
      const stored = new Set((await store.intel.find({ id: { in: committed } })).map((r) => r.id));
      expect(committed.filter((id) => !stored.has(id))).toEqual([]);
      // Batches are all or nothing even when the kill lands inside one.
      const batches = new Map<string, number>();
      for (const r of await store.intel.find({ repId: 'writer' })) {
        const m = /^(b\d+)-\d+$/.exec(r.id);
        if (m) batches.set(m[1]!, (batches.get(m[1]!) ?? 0) + 1);
      }
      expect([...batches.values()].every((n) => n === 20)).toBe(true);
    } finally {
      await store.close();
    }
  });
});
