import { AppError } from '../../domain/errors.js';
import { assertReferences, COLLECTIONS, COLLECTION_NAMES, referencesOf, type CollectionName } from '../../domain/records.js';
import { fromDocument } from './documents.js';
import type { MongoModels } from './models.js';

/**
 * Reference integrity, which MongoDB does not enforce: before a write, every id a record points at
 * must exist; before a delete, nothing may point at the record. Without a transaction a concurrent
 * delete can still slip between the check and the write; deletes are rare admin actions, and the
 * embedded store (with real foreign-key-style checks in one transaction) is the reference.
 */

/**
 * Checks the references of a batch with one query per target collection. A record may point at an
 * earlier record of the same batch (a manager just before the reps they manage), as in the embedded
 * store, which inserts the batch one record at a time.
 */
export async function checkReferences(
  models: MongoModels,
  collection: CollectionName,
  records: readonly Record<string, unknown>[],
): Promise<void> {
  const wanted = new Map<CollectionName, Set<string>>();
  for (const r of records) {
    for (const [, coll, id] of referencesOf(collection, r)) (wanted.get(coll) ?? wanted.set(coll, new Set()).get(coll)!).add(id);
  }
  const found = new Set<string>();
  await Promise.all(
    [...wanted].map(async ([coll, ids]) => {
      const docs = await models[coll]
        .find({ _id: { $in: [...ids] } }, { _id: 1 })
        .lean<{ _id: string }[]>();
      for (const d of docs) found.add(`${coll}\u0000${d._id}`);
    }),
  );
  const earlier = new Set<string>();
  for (const r of records) {
    assertReferences(collection, r, (coll, id) => found.has(`${coll}\u0000${id}`) || (coll === collection && earlier.has(id)));
    earlier.add(r.id as string);
  }
}

/** Throws CONFLICT when any record still points at `collection` `id` (a deal with payments …). */
export async function assertUnreferenced(models: MongoModels, collection: CollectionName, id: string): Promise<void> {
  const checks: Promise<{ other: CollectionName; field: string } | null>[] = [];
  for (const other of COLLECTION_NAMES) {
    for (const [field, target] of Object.entries(COLLECTIONS[other].refs)) {
      if (typeof target === 'string') {
        if (target !== collection) continue;
        checks.push(models[other].exists({ [field]: id }).then((hit) => (hit ? { other, field } : null)));
      } else {
        // The target depends on the record (targets.scopeId → team or person): a team and a
        // person may share an id, so only records that really point at this collection count.
        checks.push(
          models[other]
            .find({ [field]: id })
            .lean<Record<string, unknown>[]>()
            .then((docs) => (docs.some((d) => target(fromDocument(d)) === collection) ? { other, field } : null)),
        );
      }
    }
  }
  const hit = (await Promise.all(checks)).find((h) => h !== null);
  if (hit) {
    throw new AppError('CONFLICT', `${collection} ${id} is still referenced by ${hit.other}.${hit.field}`, {
      params: { collection, id, referencedBy: hit.other, field: hit.field },
    });
  }
}
