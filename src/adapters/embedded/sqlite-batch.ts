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
 * alone), and one commit — one fsync with `synchronous = FULL` — for all. Every promise settles
 * only after that commit returned, so an acknowledged submission is on disk as before. Why (issue
 * 16, ack bench): the fsync of one commit per submission blocked the event loop for 1–10 ms each,
 * half of the loop's time per submission, and at 300 submissions/s the loop never caught up. A
 * lone submission waits only for the current turn to end (setImmediate), not for a timer.
 */
export function sqliteBatch(
  db: Database.Database,
  collections: { readonly [N in CollectionName]: SqliteCollection<N> },
  guard: WriteGuard,
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
      stmt.begin.run();
    } catch (e) {
      for (const p of group) p.reject(e);
      return;
    }
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
      for (const p of group) p.reject(e);
      return;
    }
    group.forEach((p, i) => {
      const o = outcomes[i]!;
      if (o.ok) p.resolve(o.result);
      else p.reject(o.error);
    });
  }

  return (writes) => {
    const validated = writes.map((w): Validated => (w.op === 'delete' ? w : { op: w.op, collection: w.collection, record: collections[w.collection].validate(w.record) }));
    guard.assertWritable();
    return new Promise<BatchResult>((resolve, reject) => {
      if (queue.push({ writes: validated, resolve, reject }) === 1) setImmediate(flush);
    });
  };
}
