import type Database from 'better-sqlite3';
import type { CollectionName, RecordOf } from '../../domain/records.js';
import type { BatchResult, BatchWrite } from '../../ports/store.js';
import type { SqliteCollection } from './sqlite-collection.js';
import type { WriteGuard } from './write-guard.js';

type Stored = { collection: CollectionName; record: RecordOf<CollectionName> };
type Validated = { op: 'delete'; collection: CollectionName; id: string } | { op: 'insert' | 'put'; collection: CollectionName; record: RecordOf<CollectionName> };

/** Thrown inside a submission's savepoint to roll a retried submission back; never leaves this file. */
class Replayed {
  constructor(readonly stored: Stored) {}
}

interface Pending {
  writes: Validated[];
  resolve(r: BatchResult): void;
  reject(e: unknown): void;
}

/**
 * Errors are rejected as SQLite raised them: the store's guard maps them to coded errors.
 *
 * The writes of one submission, all or nothing: validated first (a bad record writes nothing), then
 * applied in order, so a visit can point at the account created just before it.
 *
 * Group commit: the submissions that reach here in the same turn of the event loop share one
 * IMMEDIATE transaction, each inside its own savepoint (a failing or replayed submission rolls back
 * alone), and one commit for all. Why (issue 16, ack bench): the fsync of one commit per
 * submission blocked the event loop for 1–10 ms each, half of the loop's time per submission, and
 * at 300 submissions/s the loop never caught up. A lone submission waits only for the current turn
 * to end (setImmediate), not for a timer.
 *
 * Durable before settled, off the loop: the group commits with `synchronous = NORMAL` (the WAL
 * frames are written, not synced; the setting is the connection's FULL again right after), then
 * the WAL is synced on the thread pool (wal-sync.ts, what FULL would have done inside COMMIT), and
 * only then does any promise settle, so an acknowledged submission is on disk as before. Why
 * (issue 16, ack profile): the commit's fsync, 3 ms on this disk, was still the largest single
 * block of the event loop per group. A failed sync refuses the whole group (UNAVAILABLE): its rows
 * may be in the file, unacknowledged; a retry of the same request finds them and is answered as a
 * replay only after a sync of its own.
 */
export function sqliteBatch(
  db: Database.Database,
  collections: { readonly [N in CollectionName]: SqliteCollection<N> },
  guard: WriteGuard,
  syncWal: () => Promise<void>,
): (writes: readonly BatchWrite[]) => Promise<BatchResult> {
  const stmt = {
    begin: db.prepare('BEGIN IMMEDIATE'),
    commit: db.prepare('COMMIT'),
    rollback: db.prepare('ROLLBACK'),
    savepoint: db.prepare('SAVEPOINT submission'),
    release: db.prepare('RELEASE submission'),
    rollbackTo: db.prepare('ROLLBACK TO submission'),
  };
  let queue: Pending[] = [];
  // Not prepared statements: SQLite applies `PRAGMA synchronous` when it compiles one, so a prepared
  // one run again may do nothing (seen: NORMAL prepared, then FULL, then NORMAL run: still FULL).
  const unsynced = (): void => void db.exec('PRAGMA synchronous = NORMAL');
  const synced = (): void => void db.exec('PRAGMA synchronous = FULL');

  /** One submission's writes, in the open transaction. */
  function apply(writes: readonly Validated[]): BatchResult {
    const records: RecordOf<CollectionName>[] = [];
    for (const w of writes) {
      const coll = collections[w.collection] as SqliteCollection<CollectionName>;
      if (w.op === 'delete') {
        coll.deleteOne(w.id);
        continue;
      }
      if (w.op === 'put') {
        records.push(coll.putOne(w.record));
        continue;
      }
      const inserted = coll.insertOne(w.record);
      if (!inserted.created) throw new Replayed({ collection: w.collection, record: inserted.record });
      records.push(inserted.record);
    }
    return { created: true, records };
  }

  function flush(): void {
    const group = queue;
    queue = [];
    const outcomes: ({ ok: true; result: BatchResult } | { ok: false; error: unknown })[] = [];
    try {
      guard.assertWritable();
      unsynced();
    } catch (e) {
      for (const p of group) p.reject(e);
      return;
    }
    let failure: { error: unknown } | undefined;
    try {
      commitGroup(group, outcomes);
    } catch (e) {
      failure = { error: e };
    }
    try {
      synced();
    } catch (e) {
      // The connection's own writes must not go unsynced: a group that cannot restore FULL is not reported stored.
      failure ??= { error: e };
    }
    if (failure) {
      for (const p of group) p.reject(failure.error);
      return;
    }
    syncWal().then(
      () =>
        group.forEach((p, i) => {
          const o = outcomes[i]!;
          if (o.ok) p.resolve(o.result);
          else p.reject(o.error);
        }),
      (e: unknown) => {
        for (const p of group) p.reject(e);
      },
    );
  }

  /** The group in one transaction, a savepoint each; throws when the transaction as a whole failed (nothing of it stays). */
  function commitGroup(group: readonly Pending[], outcomes: ({ ok: true; result: BatchResult } | { ok: false; error: unknown })[]): void {
    stmt.begin.run();
    try {
      for (const p of group) {
        stmt.savepoint.run();
        try {
          outcomes.push({ ok: true, result: apply(p.writes) });
          stmt.release.run();
        } catch (e) {
          // A full disk or an I/O error can end the whole transaction: then nothing of the group stays.
          if (!db.inTransaction) throw e;
          stmt.rollbackTo.run();
          stmt.release.run();
          outcomes.push(e instanceof Replayed ? { ok: true, result: { created: false, stored: e.stored } } : { ok: false, error: e });
        }
      }
      stmt.commit.run();
    } catch (e) {
      try {
        if (db.inTransaction) stmt.rollback.run();
      } catch {
        // The rollback's own failure adds nothing: every submission of the group is refused with the cause.
      }
      throw e;
    }
  }

  return (writes) => {
    const validated = writes.map((w): Validated => (w.op === 'delete' ? w : { op: w.op, collection: w.collection, record: collections[w.collection].validate(w.record) }));
    guard.assertWritable();
    return new Promise<BatchResult>((resolve, reject) => {
      if (queue.push({ writes: validated, resolve, reject }) === 1) setImmediate(flush);
    });
  };
}
