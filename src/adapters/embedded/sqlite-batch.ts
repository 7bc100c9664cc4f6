import type Database from 'better-sqlite3';
import type { CollectionName, RecordOf } from '../../domain/records.js';
import type { BatchResult, BatchWrite } from '../../ports/store.js';
import type { SqliteCollection } from './sqlite-collection.js';
import type { WriteGuard } from './write-guard.js';

type Stored = { collection: CollectionName; record: RecordOf<CollectionName> };

/** Thrown inside the transaction to roll a retried submission back; never leaves this file. */
class Replayed {
  constructor(readonly stored: Stored) {}
}

/**
 * The writes of one submission in one IMMEDIATE transaction: validated first (a bad record writes
 * nothing), then applied in order, so a visit can point at the account created just before it.
 */
export function sqliteBatch(
  db: Database.Database,
  collections: { readonly [N in CollectionName]: SqliteCollection<N> },
  guard: WriteGuard,
): (writes: readonly BatchWrite[]) => BatchResult {
  return (writes) => {
    const validated = writes.map((w) => (w.op === 'delete' ? w : { op: w.op, collection: w.collection, record: collections[w.collection].validate(w.record) }));
    guard.assertWritable();
    try {
      return db
        .transaction((): BatchResult => {
          // The records inserted or put, in order (a delete adds none).
          const records: RecordOf<CollectionName>[] = [];
          for (const w of validated) {
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
        })
        .immediate();
    } catch (e) {
      if (e instanceof Replayed) return { created: false, stored: e.stored };
      throw e;
    }
  };
}
