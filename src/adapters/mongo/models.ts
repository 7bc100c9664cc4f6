import type { Connection, Model } from 'mongoose';
import { COLLECTION_NAMES, type CollectionName } from '../../domain/records.js';
import type { MongoDoc } from './documents.js';
import { buildSchema } from './schemas.js';

export type MongoModels = { readonly [N in CollectionName]: Model<MongoDoc> };

/** One model per registry collection on this connection, named and stored under the collection's name. */
export function buildModels(conn: Connection): MongoModels {
  return Object.fromEntries(COLLECTION_NAMES.map((c) => [c, conn.model<MongoDoc>(c, buildSchema(c), c)])) as unknown as MongoModels;
}
