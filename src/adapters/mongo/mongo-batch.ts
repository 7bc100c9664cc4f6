import type { ClientSession } from 'mongoose';
import { assertReferences, referencesOf, type CollectionName, type RecordOf } from '../../domain/records.js';
import type { BatchResult, BatchWrite } from '../../ports/store.js';
import { fromDocument, toDocument, type MongoDoc } from './documents.js';
import { duplicateKey } from './errors.js';
import { presentFilter } from './indexes.js';
import { assertUnreferenced } from './references.js';
import type { MongoCollection, MongoContext } from './mongo-collection.js';

type Rec = Record<string, unknown>;
type Item = { op: 'insert' | 'put'; collection: CollectionName; record: Rec } | { op: 'delete'; collection: CollectionName; id: string };
type Write = Extract<Item, { op: 'insert' | 'put' }>;
const writesOf = (items: readonly Item[]): Write[] => items.filter((w): w is Write => w.op !== 'delete');
const idOf = (w: Item): string => (w.op === 'delete' ? w.id : (w.record.id as string));

const byRequest = (requestId: string): Rec => ({ requestId: { $eq: requestId, ...presentFilter('requestId').requestId } });

/** The record an insert of the batch carries the requestId of, when that request was stored already. */
async function storedRequest(ctx: MongoContext, items: readonly Item[]): Promise<BatchResult | null> {
  for (const w of writesOf(items)) {
    if (w.op !== 'insert' || typeof w.record.requestId !== 'string' || ctx.models[w.collection].schema.path('requestId') === undefined) continue;
    const doc = await ctx.models[w.collection].findOne(byRequest(w.record.requestId)).lean<Rec>();
    if (doc) return { created: false, stored: { collection: w.collection, record: fromDocument<RecordOf<CollectionName>>(doc) } };
  }
  return null;
}

/** Every reference must be stored already or be an earlier record of the batch (of any collection). */
async function checkBatchReferences(ctx: MongoContext, items: readonly Item[]): Promise<void> {
  const key = (c: CollectionName, id: string): string => `${c}\u0000${id}`;
  const earlier = new Set<string>();
  const wanted = new Map<CollectionName, Set<string>>();
  for (const w of writesOf(items)) {
    for (const [, coll, id] of referencesOf(w.collection, w.record)) (wanted.get(coll) ?? wanted.set(coll, new Set()).get(coll)!).add(id);
  }
  const found = new Set<string>();
  await Promise.all(
    [...wanted].map(async ([coll, ids]) => {
      const docs = await ctx.models[coll].find({ _id: { $in: [...ids] } }, { _id: 1 }).lean<{ _id: string }[]>();
      for (const d of docs) found.add(key(coll, d._id));
    }),
  );
  for (const w of writesOf(items)) {
    assertReferences(w.collection, w.record, (coll, id) => found.has(key(coll, id)) || earlier.has(key(coll, id)));
    earlier.add(key(w.collection, w.record.id as string));
  }
}

async function applyOne(ctx: MongoContext, w: Item, session?: ClientSession): Promise<void> {
  const model = ctx.models[w.collection];
  if (w.op === 'delete') {
    await assertUnreferenced(ctx.models, w.collection, w.id);
    await model.deleteOne({ _id: w.id }, session ? { session } : {});
    return;
  }
  const doc = toDocument(w.record);
  if (w.op === 'insert') await model.create([doc], session ? { session } : {});
  else await model.replaceOne({ _id: doc._id }, doc, { upsert: true, runValidators: true, ...(session ? { session } : {}) });
}

/**
 * A standalone server has no transactions: apply in order and, on a failure, undo what was applied
 * (delete the inserted records, put the replaced and deleted ones back). Other readers can see the batch for
 * that moment; the checks done first (validation, references, requests) make a failure rare.
 */
async function applyOrUndo(ctx: MongoContext, items: readonly Item[]): Promise<void> {
  const done: { w: Item; before: MongoDoc | null }[] = [];
  try {
    for (const w of items) {
      const before = w.op === 'insert' ? null : await ctx.models[w.collection].findById(idOf(w)).lean<MongoDoc>();
      await applyOne(ctx, w);
      done.push({ w, before });
    }
  } catch (e) {
    for (const { w, before } of done.reverse()) {
      const model = ctx.models[w.collection];
      const undo = before ? model.replaceOne({ _id: before._id }, before, { upsert: true }) : model.deleteOne({ _id: idOf(w) });
      await undo.catch((undoError: unknown) => ctx.logger.error({ err: undoError, collection: w.collection, id: idOf(w) }, 'could not undo a failed batch write'));
    }
    throw e;
  }
}

/**
 * The writes of one submission, all or nothing: checked first (zod, references, a request already
 * stored), then one transaction on a replica set or sharded cluster, or applied-or-undone on a
 * standalone server.
 */
export async function mongoBatch(
  ctx: MongoContext,
  collections: { readonly [N in CollectionName]: MongoCollection<N> },
  writes: readonly BatchWrite[],
): Promise<BatchResult> {
  const items: Item[] = writes.map((w) =>
    w.op === 'delete' ? w : { op: w.op, collection: w.collection, record: (collections[w.collection] as MongoCollection<CollectionName>).validate(w.record) as Rec },
  );
  const replay = await storedRequest(ctx, items);
  if (replay) return replay;
  await checkBatchReferences(ctx, items);
  try {
    if (ctx.transactions) {
      await ctx.conn.transaction(async (session: ClientSession) => {
        for (const w of items) await applyOne(ctx, w, session);
      });
    } else {
      await applyOrUndo(ctx, items);
    }
  } catch (e) {
    // Two replicas handling the same retried submission: the loser answers with the winner's record.
    if (duplicateKey(e)?.fields.includes('requestId')) {
      const winner = await storedRequest(ctx, items);
      if (winner) return winner;
    }
    throw e;
  }
  return { created: true, records: writesOf(items).map((w) => w.record as RecordOf<CollectionName>) };
}
