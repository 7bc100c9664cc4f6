import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../../src/adapters/embedded/sqlite-store.js';
import { smallOrg } from '../helpers/org.js';

const root = path.resolve(import.meta.dirname, '../..');

export interface BotProcess {
  port: number;
  /** Set when METRICS_PORT was given. */
  metricsPort: number | undefined;
  /** Resolves with the exit code (null when a signal ended it). */
  exited: Promise<number | null>;
  /** Whether the process has exited so far. */
  alive(): boolean;
  /** Everything the bot logged so far (JSON lines on stderr). */
  log(): string;
  /** Resolves once the log contains `text`; rejects if the process exits first. */
  logged(text: string): Promise<void>;
  kill(signal: NodeJS.Signals): void;
}

/** A data folder seeded with smallOrg, removed by the returned cleanup. */
export async function seededDataDir(): Promise<{ dir: string; cleanup: () => void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appraisal-edge-'));
  const seed = openSqliteStore({ dataDir: dir });
  await smallOrg(seed);
  await seed.close();
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Starts the real bot (`src/main.ts` through tsx) in a child process; resolves once it serves. */
export function startBot(env: Record<string, string>, cleanups: (() => unknown)[]): Promise<BotProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: root, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve((exitCode = code))));
  cleanups.push(() => void child.kill('SIGKILL'));
  let log = '';
  const waiters: { text: string; resolve: () => void; reject: (e: Error) => void }[] = [];
  void exited.then((code) => {
    for (const w of waiters.splice(0)) w.reject(new Error(`the bot exited (${code}) before logging "${w.text}":\n${log}`));
  });
  return new Promise((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      for (const w of waiters.splice(0)) (log.includes(w.text) ? w.resolve() : waiters.push(w));
      const m = /"port":(\d+)(?:,"metricsPort":(\d+))?[^\n]*"appraisal bot started"/.exec(log);
      if (m) {
        resolve({
          port: Number(m[1]),
          metricsPort: m[2] === undefined ? undefined : Number(m[2]),
          exited,
          alive: () => exitCode === undefined,
          log: () => log,
          logged: (text) =>
            log.includes(text)
              ? Promise.resolve()
              : exitCode !== undefined
                ? Promise.reject(new Error(`the bot exited (${exitCode}) before logging "${text}"`))
                : new Promise((r, j) => waiters.push({ text, resolve: r, reject: j })),
          kill: (s) => child.kill(s),
        });
      }
    });
    void exited.then((code) => reject(new Error(`the bot exited (${code}) before serving:\n${log}`)));
  });
}

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One HTTP request with full control of method, headers and body (fetch refuses some), on a fresh connection. */
export function rawRequest(url: string, o: { method: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: o.method, headers: o.headers ?? {}, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(o.body);
  });
}
