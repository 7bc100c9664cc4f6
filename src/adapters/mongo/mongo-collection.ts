import mongoose, { type ClientSession, type Connection } from 'mongoose';
import { AppError } from '../../domain/errors.js';
import { COLLECTIONS, type CollectionName, type RecordInput, type RecordOf, validateRecord } from '../../domain/records.js';
import type { Logger } from '../../ports/logger.js';
import type { Collection, FindOptions, Inserted, Where } from '../../ports/store.js';
import { fromDocument, type MongoDoc, toDocument, toFilter, toSort } from './documents.js';
import { duplicateKey, mapMongoError } from './errors.js';
import { presentFilter } from './indexes.js';
import type { MongoModels } from './models.js';
import { assertUnreferenced, checkReferences } from './references.js';

export interface MongoContext {
  conn: Connection;
  models: MongoModels;
  /** True on a replica set or sharded cluster: insertMany runs in a transaction. */
  transactions: boolean;
  logger: Logger;
}

type Rec = Record<string, unknown>;

/** A requestId lookup that the partial unique index on requestId can serve. */
const byRequest = (requestId: string): Rec => ({ requestId: { $eq: requestId, ...presentFilter('requestId').requestId } });

/**
 * One collection on MongoDB. Every write is parsed by the domain's zod schema first, then its
 * references are checked, then mongoose validates and writes; unique indexes decide conflicts.
 */
export class MongoCollection<N extends CollectionName> implements Collection<N> {
  private readonly hasRequestId: boolean;

  constructor(
    private readonly ctx: MongoContext,
    private readonly name: N,
  ) {
    this.hasRequestId = ctx.models[name].schema.path('requestId') !== undefined;
  }

  private get model() {
    return this.ctx.models[this.name];
  }

  private async guard<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      const mapped = mapMongoError(e, this.name, this.ctx.conn.readyState === mongoose.ConnectionStates.connected);
      if (mapped instanceof AppError && mapped.code === 'UNAVAILABLE') this.ctx.logger.warn({ err: e, collection: this.name }, 'MongoDB unavailable');
      throw mapped;
    }
  }

  /** The embedded store refuses an array value listed twice in one record (a side-table key); so do we. */
  private assertDistinctArrays(record: Rec): void {
    for (const field of COLLECTIONS[this.name].uniqueArrays) {
      const values = (record[field] as string[] | undefined) ?? [];
      const twice = values.find((v, i) => values.indexOf(v) !== i);
      if (twice !== undefined) {
        throw new AppError('CONFLICT', `${field} ${twice} is listed twice`, {
          params: { collection: this.name, field, value: twice },
          issues: [{ path: field, message: `${twice} is listed twice` }],
        });
      }
    }
  }

  /** Parses a record for this collection (zod, then the distinct-array rule); writes nothing. */
  validate(input: unknown): RecordOf<N> {
    const record = validateRecord(this.name, input);
    this.assertDistinctArrays(record as Rec);
    return record;
  }

  private async storedByRequest(requestId: unknown): Promise<RecordOf<N> | null> {
    if (!this.hasRequestId || typeof requestId !== 'string') return null;
    const doc = await this.model.findOne(byRequest(requestId)).lean<Rec>();
    return doc ? fromDocument<RecordOf<N>>(doc) : null;
  }

  async insert(input: RecordInput<N>): Promise<Inserted<RecordOf<N>>> {
    const record = this.validate(input);
    const r = record as Rec;
    return this.guard(async () => {
      const prior = await this.storedByRequest(r.requestId);
      if (prior) return { record: prior, created: false };
      await checkReferences(this.ctx.models, this.name, [r]);
      try {
        await this.model.create(toDocument(r));
      } catch (e) {
        // Two replicas handling the same retried request: the loser answers with the winner's record.
        if (duplicateKey(e)?.fields.includes('requestId')) {
          const winner = await this.storedByRequest(r.requestId);
          if (winner) return { record: winner, created: false };
        }
        throw e;
      }
      return { record, created: true };
    });
  }

  async put(input: RecordInput<N>): Promise<RecordOf<N>> {
    const record = this.validate(input);
    const r = record as Rec;
    return this.guard(async () => {
      await checkReferences(this.ctx.models, this.name, [r]);
      // runValidators makes mongoose validate the whole replacement as a document.
      await this.model.replaceOne({ _id: r.id }, toDocument(r), { upsert: true, runValidators: true });
      return record;
    });
  }

  /**
   * All or nothing. Everything that can be checked is checked before the first write: zod, the
   * references, the ids and requestIds already stored. Then, on a replica set, one transaction;
   * on a standalone server (no transactions) an ordered insertMany, and on failure the records of
   * this batch that made it in are deleted again. Other readers can see such a batch for that
   * moment; seeding and imports, the callers of insertMany, accept that.
   */
  async insertMany(inputs: readonly RecordInput<N>[]): Promise<number> {
    const records = inputs.map((i) => this.validate(i) as Rec);
    return this.guard(async () => {
      const fresh = await this.withoutStoredRequests(records);
      if (fresh.length === 0) return 0;
      await checkReferences(this.ctx.models, this.name, fresh);
      const ids = fresh.map((r) => r.id as string);
      const taken = await this.model.find({ _id: { $in: ids } }, { _id: 1 }).lean<{ _id: string }[]>();
      if (taken.length > 0) {
        throw new AppError('CONFLICT', `a ${this.name} record with id ${taken[0]!._id} already exists`, {
          params: { collection: this.name, fields: ['id'], ids: taken.map((t) => t._id) },
          issues: [{ path: 'id', message: 'is already taken' }],
        });
      }
      const docs = fresh.map(toDocument);
      if (this.ctx.transactions) {
        await this.ctx.conn.transaction((session: ClientSession) => this.model.insertMany(docs, { session, ordered: true }));
      } else {
        await this.insertOrUndo(docs);
      }
      return fresh.length;
    });
  }

  /** Drops records whose requestId is already stored, or repeats an earlier one of the batch. */
  private async withoutStoredRequests(records: Rec[]): Promise<Rec[]> {
    if (!this.hasRequestId) return records;
    const requestIds = records.map((r) => r.requestId).filter((x): x is string => typeof x === 'string');
    if (requestIds.length === 0) return records;
    const stored = await this.model
      .find({ requestId: { $in: requestIds, ...presentFilter('requestId').requestId } }, { requestId: 1 })
      .lean<{ requestId: string }[]>();
    const seen = new Set(stored.map((d) => d.requestId));
    return records.filter((r) => {
      if (typeof r.requestId !== 'string') return true;
      if (seen.has(r.requestId)) return false;
      seen.add(r.requestId);
      return true;
    });
  }

  private async insertOrUndo(docs: MongoDoc[]): Promise<void> {
    try {
      await this.model.insertMany(docs, { ordered: true });
    } catch (e) {
      // mongoose validates every document before writing any: nothing to undo.
      if ((e as Error).name === 'ValidationError') throw e;
      // Ordered: the documents before the failing one were written. Without that index (a network
      // error), undo the whole batch: its ids were checked to be free before the insert.
      const failedAt = duplicateKey(e)?.index;
      const written = (failedAt === undefined ? docs : docs.slice(0, failedAt)).map((d) => d._id);
      if (written.length > 0) {
        await this.model.deleteMany({ _id: { $in: written } }).catch((undoError: unknown) => {
          this.ctx.logger.error({ err: undoError, collection: this.name, ids: written }, 'could not undo a failed insertMany');
        });
      }
      throw e;
    }
  }

  async get(id: string): Promise<RecordOf<N> | null> {
    return this.guard(async () => {
      const doc = await this.model.findById(id).lean<Rec>();
      return doc ? fromDocument<RecordOf<N>>(doc) : null;
    });
  }

  async find(where: Where = {}, options: FindOptions = {}): Promise<RecordOf<N>[]> {
    const filter = toFilter(this.name, where);
    const sort = toSort(this.name, options.sort);
    // MongoDB reads a limit of 0 as "no limit"; the port means none.
    const limit = options.limit === undefined ? undefined : Math.max(0, Math.floor(options.limit));
    if (limit === 0) return [];
    return this.guard(async () => {
      let query = this.model.find(filter).sort(sort);
      if (limit !== undefined) query = query.limit(limit);
      return (await query.lean<Rec[]>()).map((d) => fromDocument<RecordOf<N>>(d));
    });
  }

  async count(where: Where = {}): Promise<number> {
    const filter = toFilter(this.name, where);
    return this.guard(() => this.model.countDocuments(filter).exec());
  }

  async delete(id: string): Promise<boolean> {
    return this.guard(async () => {
      await assertUnreferenced(this.ctx.models, this.name, id);
      const res = await this.model.deleteOne({ _id: id });
      return res.deletedCount > 0;
    });
  }
}
