import type { IndexOptions } from 'mongoose';
import { COLLECTIONS, type CollectionName } from '../../domain/records.js';

/**
 * The indexes of each collection, derived from the registry plus the compound indexes the
 * period-actuals pipelines need (the same shapes as the embedded store's covering indexes, so a
 * quarter's aggregation reads one index range per source instead of the collection).
 */

export interface IndexSpec {
  fields: Record<string, 1>;
  options: IndexOptions;
}

/**
 * Partial-index filters. A unique index counts a missing field (or an empty array) as a value, so
 * without them two records without a requestId, or two people without identities, would collide.
 * Queries that should use these indexes repeat the filter (see `presentFilter`), because the
 * planner only picks a partial index when the query implies its filter.
 */
export const presentFilter = (field: string): Record<string, { $type: 'string' }> => ({ [field]: { $type: 'string' } });

/** (date, rep, …) first: a period is a range on the date, grouped by rep. */
export const ACTUALS_INDEXES: Partial<Record<CollectionName, string[][]>> = {
  activities: [
    ['date', 'repId', 'accountId'],
    ['repId', 'date'],
    ['accountId', 'date'],
  ],
  deals: [
    ['signedDate', 'repId', 'accountId', 'amountBase', 'units', 'firstWin'],
    ['dueDate', 'repId', 'amountBase'],
    ['repId', 'signedDate'],
  ],
  payments: [
    ['dueDate', 'repId', 'receivedDate', 'amountBase'],
    ['dealId', 'amountBase'],
    ['repId', 'receivedDate'],
  ],
  feedback: [['date', 'repId', 'service', 'product']],
  peerReviews: [['periodKey', 'toId', 'collaboration']],
  intel: [['date', 'repId']],
};

const keys = (fields: readonly string[]): Record<string, 1> => Object.fromEntries(fields.map((f) => [f, 1 as const]));

export function indexesFor(collection: CollectionName, hasRequestId: boolean): IndexSpec[] {
  const spec = COLLECTIONS[collection];
  const out: IndexSpec[] = [];
  for (const u of spec.unique) out.push({ fields: keys(u), options: { unique: true } });
  if (hasRequestId) out.push({ fields: { requestId: 1 }, options: { unique: true, partialFilterExpression: presentFilter('requestId') } });
  // A multikey unique index: no identity may belong to two people.
  for (const arr of spec.uniqueArrays) out.push({ fields: { [arr]: 1 }, options: { unique: true, partialFilterExpression: presentFilter(arr) } });
  for (const compound of ACTUALS_INDEXES[collection] ?? []) out.push({ fields: keys(compound), options: {} });
  // Every queryable field, and every reference field (delete looks for records pointing at the one
  // it removes), gets an index unless an index above already starts with it.
  const leading = new Set(out.map((ix) => Object.keys(ix.fields)[0]));
  for (const field of new Set([...spec.indexed, ...Object.keys(spec.refs)])) {
    if (!leading.has(field)) out.push({ fields: { [field]: 1 }, options: {} });
  }
  return out;
}
