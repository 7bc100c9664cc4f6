import type { SortOrder } from 'mongoose';
import { COLLECTIONS, type CollectionName } from '../../domain/records.js';
import type { FieldFilter, FindOptions, Where } from '../../ports/store.js';
import { presentFilter } from './indexes.js';

/** A stored document: the record with its id as `_id`. */
export type MongoDoc = { _id: string } & Record<string, unknown>;

/** Domain record → document: the id becomes `_id` (there is no separate `id` field). */
export function toDocument(record: Record<string, unknown>): MongoDoc {
  const { id, ...rest } = record;
  return { _id: id as string, ...rest };
}

/** Document → domain record, exactly the validated shape: `_id` back to `id`, `__v` dropped. */
export function fromDocument<T>(doc: Record<string, unknown>): T {
  const { _id, __v: _v, ...rest } = doc;
  return { id: _id, ...rest } as T;
}

/** The database field behind a record field. */
const dbField = (field: string): string => (field === 'id' ? '_id' : field);

/** As in the embedded store, only the id, the requestId and the registry's indexed fields can be queried. */
function queryable(collection: CollectionName, field: string): string {
  if (field !== 'id' && field !== 'requestId' && !(COLLECTIONS[collection].indexed as readonly string[]).includes(field)) {
    throw new Error(`${collection}.${field} is not a queryable field`);
  }
  return dbField(field);
}

/** One field's condition in MongoDB's query language. */
function condition(f: FieldFilter): unknown {
  if (typeof f !== 'object') return f;
  if ('in' in f) return { $in: [...f.in] };
  const range: Record<string, string | number> = {};
  if (f.gte !== undefined) range.$gte = f.gte;
  if (f.lte !== undefined) range.$lte = f.lte;
  return range;
}

/** The port's Where → a MongoDB filter. */
export function toFilter(collection: CollectionName, where: Where = {}): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  for (const [field, f] of Object.entries(where) as [string, FieldFilter][]) {
    const path = queryable(collection, field);
    const cond = condition(f);
    // requestId's unique index is partial: the planner uses it only if the query repeats its filter.
    filter[path] = path === 'requestId' ? { ...(typeof f === 'object' ? (cond as object) : { $eq: cond }), ...presentFilter('requestId').requestId } : cond;
  }
  return filter;
}

/** The sort, with ties broken by id ascending, as the embedded store does. */
export function toSort(collection: CollectionName, sort: FindOptions['sort']): Record<string, SortOrder> {
  if (!sort) return {};
  const path = queryable(collection, sort.field);
  const dir: SortOrder = sort.dir === 'desc' ? -1 : 1;
  return path === '_id' ? { _id: dir } : { [path]: dir, _id: 1 };
}
