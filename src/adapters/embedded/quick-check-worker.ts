import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** better-sqlite3's entry file, for the worker to load by absolute path (it has no module context). */
const SQLITE_MODULE = createRequire(import.meta.url).resolve('better-sqlite3');

/** The worker: its own read-only connection runs quick_check and reports the result or the failure's code. */
const WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.module);
try {
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  try { parentPort.postMessage({ report: String(db.pragma('quick_check', { simple: true })) }); } finally { db.close(); }
} catch (e) {
  parentPort.postMessage({ error: String(e && e.message), code: String((e && e.code) || '') });
}`;

export type QuickCheckResult = { report: string } | { error: string; code: string };

/**
 * SQLite's quick_check on a file, in a worker thread: it reads every page (measured ~0.4 s per
 * 100 MB), which on the bot's own connection would block every request meanwhile.
 */
export function quickCheckInWorker(file: string): Promise<QuickCheckResult> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { file, module: SQLITE_MODULE } });
    worker.once('message', (m: QuickCheckResult) => resolve(m));
    worker.once('error', (e) => resolve({ error: e.message, code: 'WORKER' }));
    worker.once('exit', () => resolve({ error: 'the integrity check stopped', code: 'WORKER' }));
  });
}
