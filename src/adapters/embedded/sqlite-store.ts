import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../domain/errors.js';
import { COLLECTION_NAMES, type CollectionName, type RecordOf } from '../../domain/records.js';
import { accountNameKey } from '../../domain/model/accounts.js';
import type { ActualsQuery, DealBalance, KeyAccountState, PublishedTotal, Store } from '../../ports/store.js';
import { MIGRATIONS, migrate, tableName } from './schema.js';
import { SqliteCollection } from './sqlite-collection.js';
import { prepareActuals } from './sqlite-actuals.js';
import { prepareDelivery } from './sqlite-delivery.js';
import { sqliteBatch } from './sqlite-batch.js';
import { walSyncer } from './wal-sync.js';
import { assertIntact, prepareHealth, type HealthOptions } from './sqlite-health.js';
import { assertNotLost, writeMarker } from './open-marker.js';
import { createPrivateFile, ensurePrivateDir, makePrivate } from './private-files.js';
import { WriteGuard } from './write-guard.js';

export interface SqliteStoreOptions {
  /** Folder for the database file (created if missing). */
  dataDir: string;
  /** File name inside dataDir. */
  fileName?: string;
  /**
   * How long a write waits for a lock held by another connection (a backup, a second process)
   * before failing with UNAVAILABLE. better-sqlite3 blocks the event loop meanwhile, so this stays
   * well under the platforms' 3-second ack. Default 1,000 ms.
   */
  busyTimeoutMs?: number;
  /**
   * Start on a new, empty database even though one existed here before (its file is missing).
   * Without it, a missing file next to the marker of an earlier one refuses to open.
   */
  init?: boolean;
  /** A cap on the file's size (SQLite's max_page_count): a write beyond it fails as on a full disk. */
  maxBytes?: number;
  /** The readiness probe's schedule and limits. */
  health?: HealthOptions;
}

export const DEFAULT_DB_FILE = 'appraisal.db';

/** The path of the embedded database in a data folder. */
export const databasePath = (dataDir: string, fileName = DEFAULT_DB_FILE): string => path.resolve(dataDir, fileName);

const SCHEMA_VERSION = Math.max(0, ...MIGRATIONS.map((m) => m.version));

/** Every record in the file (for the marker): one COUNT per table, a few ms on a large file. */
const countRecords = (db: Database.Database): number =>
  COLLECTION_NAMES.reduce((n, c) => n + (db.prepare(`SELECT COUNT(*) AS n FROM "${tableName(c)}"`).get() as { n: number }).n, 0);

/**
 * Opens the embedded store: one SQLite file in WAL mode with `synchronous = FULL`, so every
 * committed write is on disk before the call returns, and a process killed mid-write leaves the
 * last committed state readable. The file is private (0600) in a folder created 0700. It refuses
 * to open when the file is missing but was in use before (see open-marker.ts), when quick_check
 * finds damaged pages, and when a first write cannot commit (a read-only file, a full disk), rather
 * than start and answer every submission with an error.
 */
export function openSqliteStore(options: SqliteStoreOptions): Store {
  ensurePrivateDir(options.dataDir);
  const file = databasePath(options.dataDir, options.fileName);
  assertNotLost(file, options.init ?? false);
  let db: Database.Database | undefined;
  try {
    if (!fs.existsSync(file)) createPrivateFile(file);
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 1000))}`);
    // 64 MB page cache: bulk imports update several scattered indexes (measured ~20% faster loads).
    db.pragma('cache_size = -65536');
    if (options.maxBytes !== undefined) {
      db.pragma(`max_page_count = ${Math.max(1, Math.floor(options.maxBytes / (db.pragma('page_size', { simple: true }) as number)))}`);
    }
    // A damaged file is refused before anything (a migration) is written into it.
    const guard = new WriteGuard(file);
    assertIntact(db, guard);
    migrate(db);
    const health = prepareHealth(db, file, guard, options.health);
    // One write must commit: a read-only file or a full disk stops start-up here, with the fix.
    health.touch();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) makePrivate(f);
    writeMarker(file, { schemaVersion: SCHEMA_VERSION, records: countRecords(db), openedAt: new Date().toISOString() });
    return buildStore(db, file, guard, health.check);
  } catch (e) {
    if (db?.open) db.close();
    if (e instanceof AppError) throw e;
    const code = (e as { code?: string }).code ?? '';
    const fix = code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EROFS'
      ? ` — the file or its folder is read-only: give the bot's user write access to ${path.dirname(file)} and its files`
      : code === 'SQLITE_FULL' || code === 'ENOSPC'
        ? ' — the disk is full: free some space'
        : '';
    throw new AppError('UNAVAILABLE', `cannot open the embedded database at ${file}: ${(e as Error).message}${fix}`, {
      params: { file },
      cause: e,
    });
  }
}

function buildStore(db: Database.Database, file: string, writeGuard: WriteGuard, checkHealth: () => void): Store {
  const existsStmts = new Map(
    COLLECTION_NAMES.map((c) => [c, db.prepare(`SELECT 1 FROM "${tableName(c)}" WHERE id = ?`)] as const),
  );
  const exists = (coll: CollectionName, id: string): boolean => existsStmts.get(coll)!.get(id) !== undefined;
  const collections = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, new SqliteCollection(db, c, exists, writeGuard)])) as unknown as {
    readonly [N in CollectionName]: SqliteCollection<N>;
  };
  const batch = sqliteBatch(db, collections, writeGuard, walSyncer(`${file}-wal`));
  const actuals = prepareActuals(db);
  const delivery = prepareDelivery(db);
  const search = db.prepare(
    `SELECT doc FROM accounts WHERE name_key LIKE ? ESCAPE '\\'
     ORDER BY (name_key = ?) DESC, (name_key LIKE ? ESCAPE '\\') DESC, name_key LIMIT ?`,
  );
  const balances = db.prepare(
    `SELECT d.id AS dealId, d.amount_base AS amountBase, COALESCE((SELECT SUM(p.amount_base) FROM payments p WHERE p.deal_id = d.id), 0) AS paidBase
     FROM deals d WHERE d.id IN (SELECT value FROM json_each(?))`,
  );
  // The latest version per period and rep: SQLite takes the bare columns from the row with
  // MAX(version). Named index: the planner prefers the unique (period, rep, version) one, which
  // would read every result's row; this one holds the figures (migration 7).
  const publishedSql = (reps: boolean) =>
    db.prepare(
      `SELECT period_key AS periodKey, rep_id AS repId, MAX(version) AS version,
         scorecard_total AS total, scorecard_grade AS grade, scorecard_no_data AS noData
       FROM results INDEXED BY results__figures
       WHERE period_key IN (SELECT value FROM json_each(?))${reps ? ' AND rep_id IN (SELECT value FROM json_each(?))' : ''}
       GROUP BY period_key, rep_id`,
    );
  const published = { all: publishedSql(false), reps: publishedSql(true) };
  const keyAccountsSql = (owners: boolean) =>
    db.prepare(
      `SELECT acc.id AS accountId, json_extract(acc.doc, '$.name') AS name, acc.owner_id AS ownerId, acc.tier AS tier,
         (SELECT MAX(x.date) FROM activities x WHERE x.account_id = acc.id AND x.date <= ?) AS lastActivity
       FROM accounts acc
       WHERE acc.owner_id IS NOT NULL AND acc.tier IN (SELECT value FROM json_each(?))${owners ? ' AND acc.owner_id IN (SELECT value FROM json_each(?))' : ''}
       ORDER BY acc.owner_id, acc.id`,
    );
  const keyAccounts = { all: keyAccountsSql(false), owners: keyAccountsSql(true) };
  const byIdentity = db.prepare(
    `SELECT p.doc FROM people__identities i JOIN people p ON p.id = i.id WHERE i.value = ?`,
  );

  // Maps failures thrown at once and those of a returned promise (the delivery functions are async).
  const guard = <T>(what: string, fn: () => T | Promise<T>): Promise<T> => {
    try {
      return Promise.resolve<T>(fn()).catch((e: unknown) => Promise.reject(writeGuard.failed(e, what)));
    } catch (e) {
      return Promise.reject(writeGuard.failed(e, what));
    }
  };
  /** A write outside the collections: refused while the file cannot keep it. */
  const write = <T>(what: string, fn: () => Promise<T>): Promise<T> =>
    guard(what, () => {
      writeGuard.assertWritable();
      return fn();
    });
  const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

  return {
    ...(collections as unknown as Pick<Store, CollectionName>),
    kind: 'embedded',
    periodActuals: (q: ActualsQuery) => guard('actuals', () => actuals(q)),
    searchAccounts: (text, limit) =>
      guard('accounts', () => {
        const key = escapeLike(accountNameKey(text));
        const rows = search.all(`%${key}%`, accountNameKey(text), `${key}%`, limit) as { doc: string }[];
        return rows.map((r) => JSON.parse(r.doc) as RecordOf<'accounts'>);
      }),
    keyAccounts: (q) =>
      guard('accounts', () => {
        const args = [q.asOf, JSON.stringify(q.tiers), ...(q.ownerIds ? [JSON.stringify(q.ownerIds)] : [])];
        return (q.ownerIds ? keyAccounts.owners : keyAccounts.all).all(...args) as KeyAccountState[];
      }),
    dealBalances: (dealIds) =>
      guard('deals', () => {
        const rows = balances.all(JSON.stringify(dealIds)) as DealBalance[];
        return new Map(rows.map((r) => [r.dealId, r]));
      }),
    publishedTotals: (q) =>
      guard('results', () => {
        const args = [JSON.stringify(q.periodKeys), ...(q.repIds ? [JSON.stringify(q.repIds)] : [])];
        const rows = (q.repIds ? published.reps : published.all).all(...args) as (Omit<PublishedTotal, 'noData'> & { noData: number })[];
        return rows.map((r) => ({ ...r, noData: r.noData === 1 }));
      }),
    personByIdentity: (identity) =>
      guard('people', () => {
        const row = byIdentity.get(identity) as { doc: string } | undefined;
        return row ? (JSON.parse(row.doc) as RecordOf<'people'>) : null;
      }),
    // The delivery statements are synchronous underneath; guard maps their SQLite errors too.
    acquireLease: (input) => write('leases', () => delivery.acquireLease(input)),
    releaseLease: (id, owner) => write('leases', () => delivery.releaseLease(id, owner)),
    claimDeliveries: (input) => write('outbox', () => delivery.claimDeliveries(input)),
    writeBatch: (writes) => guard('batch', () => batch(writes)),
    // A file deleted or replaced under the open connection would take writes nobody sees again.
    ping: () =>
      guard('ping', () => {
        db.prepare('SELECT 1').get();
        if (!fs.existsSync(file)) throw new AppError('UNAVAILABLE', `the embedded database file ${file} is gone`);
      }),
    checkWritable: () => guard('health', checkHealth),
    close: async () => {
      if (db.open) db.close();
    },
  };
}
