import { Schema } from 'mongoose';
import { COLLECTIONS, type CollectionName } from '../../domain/records.js';
import { indexesFor } from './indexes.js';
import { definitionOf, fieldOf } from './zod-to-mongoose.js';

/**
 * One mongoose schema per collection of the registry (domain/records.ts), its fields generated
 * from the collection's zod schema. What only Mongo needs is declared here: the record id is the
 * document's `_id` (a string; there is no `id` field in the database), the collection is named
 * after the registry entry, the indexes come from indexes.ts, and the options below. Records carry
 * their own `createdAt` / `updatedAt` as the domain writes them, so mongoose's timestamps stay off
 * (its default).
 */
const OPTIONS = {
  versionKey: false,
  id: false,
  // Only the fields of the zod schema are stored; anything else is dropped, as zod drops it.
  strict: true,
  // Empty objects are data here (an audit entry without details, a scorecard line without inputs).
  minimize: false,
  // The store creates collections and indexes itself when it opens, and never queues commands
  // while disconnected: a write either reaches the database or fails with UNAVAILABLE.
  autoIndex: false,
  autoCreate: false,
  bufferCommands: false,
} as const;

/** The collection's schema with its indexes. A new object on every call: models may not share one. */
export function buildSchema(collection: CollectionName): Schema {
  const zodSchema = COLLECTIONS[collection].schema;
  const idField = (zodSchema as unknown as { shape: { id: Parameters<typeof fieldOf>[0] } }).shape.id;
  const definition = definitionOf(zodSchema, ['id']);
  const schema = new Schema({ _id: fieldOf(idField, { key: '_id', element: false }), ...definition }, { collection, ...OPTIONS });
  for (const ix of indexesFor(collection, 'requestId' in definition)) schema.index(ix.fields, ix.options);
  return schema;
}
