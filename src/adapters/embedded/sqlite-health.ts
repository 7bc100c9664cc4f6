import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from '../../domain/errors.js';
import type { WriteGuard } from './write-guard.js';
import { quickCheckInWorker, type QuickCheckResult } from './quick-check-worker.js';

export interface HealthOptions {
  /** How often the probe runs SQLite's quick_check (a full read of the file): default every 10 minutes. */
  integrityEveryMs?: number;
  /** How long the probe's write waits for another connection's lock: default 250 ms (it blocks the bot meanwhile). */
  probeBusyMs?: number;
  /** Free space the disk must keep for writes to count as possible: default 1 MiB. */
  minFreeBytes?: number;
  /** Milliseconds now (for the integrity schedule). */
  now?: () => number;
  /** Called when a background integrity check has finished (tests wait on it). */
  onIntegrityChecked?: (result: QuickCheckResult) => void;
}

/** Room (pages) one submission needs at most: a record, its index entries and a few page splits. */
const MIN_HEADROOM_PAGES = 16;

const unavailable = (message: string, cause?: unknown): AppError => new AppError('UNAVAILABLE', message, cause === undefined ? {} : { cause });

/**
 * SQLite's quick_check on the store's own connection, at start-up before anything is written (it
 * reads every page: ~0.4 s per 100 MB, measured). Damage throws UNAVAILABLE and stops every write.
 */
export function assertIntact(db: Database.Database, guard: WriteGuard): void {
  let result: string;
  try {
    result = String(db.pragma('quick_check', { simple: true }));
  } catch (e) {
    result = (e as Error).message;
  }
  if (result !== 'ok') guard.damaged(`quick_check: ${result}`);
}

/**
 * The readiness probe of the embedded store: proves that a write can succeed now, rather than that
 * a SELECT can. In order: the file is still the one opened and no damage was seen (WriteGuard); the
 * disk and the file's size cap leave room; and a one-row write in an IMMEDIATE transaction commits
 * (a held lock, a read-only file or a failing disk stop it here): ~0.6 ms, measured. Every
 * `integrityEveryMs` it also starts quick_check in a worker thread; damage it finds stops every
 * later write and fails the next probe.
 */
export function prepareHealth(db: Database.Database, file: string, guard: WriteGuard, opts: HealthOptions = {}): { check: () => void; touch: () => void } {
  const integrityEveryMs = opts.integrityEveryMs ?? 10 * 60_000;
  const probeBusyMs = opts.probeBusyMs ?? 250;
  const minFreeBytes = opts.minFreeBytes ?? 1024 * 1024;
  const now = opts.now ?? Date.now;
  db.exec(`CREATE TABLE IF NOT EXISTS store_health (id INTEGER PRIMARY KEY CHECK (id = 1), checked_at TEXT NOT NULL)`);
  const upsert = db.prepare(`INSERT INTO store_health (id, checked_at) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET checked_at = excluded.checked_at`);
  /** One committed write: what a read-only file, a held lock or a failing disk refuses. */
  const touch = (): void => {
    db.transaction(() => upsert.run(new Date(now()).toISOString())).immediate();
  };
  // The file was checked when it was opened (assertIntact).
  let lastIntegrity = now();
  const pragma = (name: string): number => db.pragma(name, { simple: true }) as number;

  /** The periodic check runs in a worker: it reads the whole file, which must not block requests. */
  let checking = false;
  const integrityInBackground = (): void => {
    if (checking) return;
    checking = true;
    lastIntegrity = now();
    void quickCheckInWorker(file).then((result) => {
      checking = false;
      if ('report' in result ? result.report !== 'ok' : /^SQLITE_(CORRUPT|NOTADB)/.test(result.code)) {
        guard.markDamaged(`quick_check: ${'report' in result ? result.report : result.error}`);
      }
      opts.onIntegrityChecked?.(result);
    });
  };
  const check = (): void => {
    guard.assertWritable();
    const disk = fs.statfsSync(path.dirname(file));
    if (disk.bavail * disk.bsize < minFreeBytes) {
      throw unavailable(`the disk holding ${file} is full (${disk.bavail * disk.bsize} bytes free); free some space`);
    }
    const headroom = pragma('max_page_count') - pragma('page_count') + pragma('freelist_count');
    if (headroom < MIN_HEADROOM_PAGES) throw unavailable(`the embedded database ${file} has reached its size limit; free some space`);
    if (now() - lastIntegrity >= integrityEveryMs) integrityInBackground();
    const busy = pragma('busy_timeout');
    db.pragma(`busy_timeout = ${Math.min(busy, probeBusyMs)}`);
    try {
      touch();
    } finally {
      db.pragma(`busy_timeout = ${busy}`);
    }
  };
  return { check, touch };
}
