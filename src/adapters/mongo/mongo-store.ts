import mongoose, { type Connection } from 'mongoose';
import { AppError } from '../../domain/errors.js';
import { accountNameKey } from '../../domain/model/accounts.js';
import { COLLECTION_NAMES, type CollectionName, type RecordOf } from '../../domain/records.js';
import { silentLogger, type Logger } from '../../ports/logger.js';
import type { DealBalance, KeyAccountState, PublishedTotal, Store } from '../../ports/store.js';
import { fromDocument } from './documents.js';
import { mapMongoError } from './errors.js';
import { presentFilter } from './indexes.js';
import { buildModels, type MongoModels } from './models.js';
import { MongoCollection, type MongoContext } from './mongo-collection.js';
import { mongoDelivery } from './mongo-delivery.js';
import { mongoBatch } from './mongo-batch.js';
import { ACTUALS_PIPELINES, dealBalancesPipeline, keyAccountsPipeline, mergeActuals, publishedTotalsPipeline, searchAccountsPipeline } from './pipelines.js';

export interface MongoStoreOptions {
  /** A MongoDB connection string (mongodb:// or mongodb+srv://). */
  uri: string;
  /** Database name, when the URI does not name one (tests use a fresh one per run). */
  dbName?: string;
  logger?: Logger;
  /** How long to look for a server before a call fails with UNAVAILABLE. */
  serverSelectionTimeoutMS?: number;
  /** How long a call may wait on a silent socket before the driver gives it up. Default 30 s. */
  socketTimeoutMS?: number;
}

/** The URI without its password, for messages and logs. */
const redact = (uri: string): string => uri.replace(/\/\/[^@/]*@/, '//***@');

/** Transactions need a replica set or a sharded cluster; a standalone server has neither. */
async function supportsTransactions(conn: Connection): Promise<boolean> {
  const hello = (await conn.db!.admin().command({ hello: 1 })) as { setName?: string; msg?: string };
  return typeof hello.setName === 'string' || hello.msg === 'isdbgrid';
}

/** Creates the collections (transactions cannot create them on older servers) and their indexes. */
async function prepareCollections(models: MongoModels): Promise<void> {
  await Promise.all(
    COLLECTION_NAMES.map(async (c) => {
      await models[c].createCollection();
      await models[c].createIndexes();
    }),
  );
}

/**
 * Opens the MongoDB store on its own mongoose connection (never the global one), creates the
 * collections and indexes, and finds out whether insertMany can use transactions.
 */
export async function openMongoStore(options: MongoStoreOptions): Promise<Store> {
  const logger = (options.logger ?? silentLogger).child({ store: 'mongo' });
  const conn = mongoose.createConnection(options.uri, {
    ...(options.dbName ? { dbName: options.dbName } : {}),
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? 10_000,
    socketTimeoutMS: options.socketTimeoutMS ?? 30_000,
    // Notice a lost server within seconds, and find it again as soon as it is back.
    heartbeatFrequencyMS: 2_000,
    autoIndex: false,
    autoCreate: false,
    bufferCommands: false,
  });
  let models: MongoModels;
  let transactions: boolean;
  try {
    await conn.asPromise();
    models = buildModels(conn);
    await prepareCollections(models);
    transactions = await supportsTransactions(conn);
  } catch (e) {
    await conn.close().catch(() => undefined);
    // A malformed URI or rejected credentials will not fix themselves: that is the setting's fault.
    const { name, code } = e as { name?: string; code?: number };
    if (name === 'MongoParseError' || name === 'MongoAPIError' || code === 18) {
      throw new AppError('CONFIG', `MongoDB at ${redact(options.uri)} refused the connection settings: ${(e as Error).message}`, { cause: e });
    }
    throw new AppError('UNAVAILABLE', `cannot open MongoDB at ${redact(options.uri)}: ${(e as Error).message}`, {
      params: { uri: redact(options.uri) },
      cause: e,
    });
  }
  logger.info({ db: conn.name, transactions }, transactions ? 'MongoDB store open (batches in transactions)' : 'MongoDB store open (standalone: batches undone on failure)');
  return buildStore({ conn, models, transactions, logger });
}

function buildStore(ctx: MongoContext): Store {
  const { conn, models } = ctx;
  const collections = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, new MongoCollection(ctx, c)])) as unknown as {
    readonly [N in CollectionName]: MongoCollection<N>;
  };
  const guard = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (e) {
      throw mapMongoError(e, what, conn.readyState === mongoose.ConnectionStates.connected);
    }
  };
  const aggregate = <T>(c: CollectionName, pipeline: mongoose.PipelineStage[]): Promise<T[]> => models[c].aggregate<T>(pipeline).exec();
  const delivery = mongoDelivery(models);

  return {
    ...(collections as unknown as Pick<Store, CollectionName>),
    kind: 'mongo',
    // Each pipeline runs in the database and returns one small document per rep. They run side by
    // side, so unlike the embedded store's single read transaction they are not one snapshot: a
    // write landing mid-way can show up in one figure and not another.
    periodActuals: (q) =>
      guard('actuals', async () =>
        mergeActuals(
          await Promise.all(
            ACTUALS_PIPELINES.flatMap((p) => {
              const pipeline = p.build(q);
              return pipeline ? [aggregate<Record<string, unknown>>(p.collection, pipeline)] : [];
            }),
          ),
        ),
      ),
    searchAccounts: (text, limit) =>
      guard('accounts', async () => {
        if (limit <= 0) return [];
        const docs = await aggregate<Record<string, unknown>>('accounts', searchAccountsPipeline(accountNameKey(text), Math.floor(limit)));
        return docs.map((d) => fromDocument<RecordOf<'accounts'>>(d));
      }),
    keyAccounts: (q) => guard('accounts', () => aggregate<KeyAccountState>('accounts', keyAccountsPipeline(q))),
    dealBalances: (dealIds) =>
      guard('deals', async () => {
        if (dealIds.length === 0) return new Map();
        const rows = await aggregate<DealBalance>('deals', dealBalancesPipeline(dealIds));
        return new Map(rows.map((r) => [r.dealId, r]));
      }),
    publishedTotals: (q) =>
      guard('results', async () => (q.periodKeys.length === 0 ? [] : aggregate<PublishedTotal>('results', publishedTotalsPipeline(q)))),
    personByIdentity: (identity) =>
      guard('people', async () => {
        // Repeating the partial filter lets the planner use the unique identities index.
        const doc = await models.people.findOne({ identities: { $eq: identity, ...presentFilter('identities').identities } }).lean<Record<string, unknown>>();
        return doc ? fromDocument<RecordOf<'people'>>(doc) : null;
      }),
    acquireLease: (input) => guard('leases', () => delivery.acquireLease(input)),
    releaseLease: (id, owner) => guard('leases', () => delivery.releaseLease(id, owner)),
    claimDeliveries: (input) => guard('outbox', () => delivery.claimDeliveries(input)),
    writeBatch: (writes) => guard('batch', () => mongoBatch(ctx, collections, writes)),
    ping: () =>
      guard('ping', async () => {
        if (conn.readyState !== mongoose.ConnectionStates.connected || !conn.db) {
          throw new AppError('UNAVAILABLE', 'the MongoDB connection is closed');
        }
        await conn.db.admin().ping();
      }),
    // A ping proves a server answers, not that a primary takes writes: write one small document.
    checkWritable: () =>
      guard('health', async () => {
        if (conn.readyState !== mongoose.ConnectionStates.connected || !conn.db) {
          throw new AppError('UNAVAILABLE', 'the MongoDB connection is closed');
        }
        await conn.db.collection<{ _id: string; checkedAt: Date }>('store_health').updateOne({ _id: 'probe' }, { $set: { checkedAt: new Date() } }, { upsert: true });
      }),
    // Closing twice is harmless, as with the embedded store.
    close: async () => {
      if (conn.readyState !== mongoose.ConnectionStates.disconnected) await conn.close();
    },
  };
}
