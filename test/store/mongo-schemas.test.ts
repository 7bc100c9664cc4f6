import mongoose from 'mongoose';
import type { z } from 'zod';
import { afterAll, describe, expect, it } from 'vitest';
import { fromDocument, toDocument } from '../../src/adapters/mongo/documents.js';
import { buildModels } from '../../src/adapters/mongo/models.js';
import { COLLECTION_NAMES, COLLECTIONS, type CollectionName, validateRecord } from '../../src/domain/records.js';
import { aDeal, aFeedback, aPerson } from '../helpers/builders.js';
import { activity, CREATED, cycleFixtures, fixtureBatches } from './fixtures.js';

/**
 * The mongoose schemas, checked without a server: models are compiled on a connection that never
 * connects, and documents are validated in memory. (`validate()`, not `validateSync()`, which
 * mongoose 9 deprecates; validation without async validators needs no connection either way.)
 */

const conn = mongoose.createConnection();
const models = buildModels(conn);
afterAll(() => conn.close());

type Doc = Record<string, unknown>;
const docOf = (name: CollectionName, record: unknown): Doc => toDocument(validateRecord(name, record) as Doc);
/** The paths mongoose's validation names, [] when the document is valid. */
const errorPaths = (name: CollectionName, doc: Doc): Promise<string[]> =>
  new models[name](doc).validate().then(
    () => [],
    (e: mongoose.Error.ValidationError) => Object.keys(e.errors),
  );

describe('mongoose schemas accept what zod accepts', () => {
  const samples = fixtureBatches({ cycles: true }).flatMap((b) => b.records.map((r) => [b.name, (r as { id: string }).id, r] as const));

  it('covers every collection', () => {
    expect(new Set(samples.map(([name]) => name))).toEqual(new Set(COLLECTION_NAMES));
  });

  it.each(samples)('%s %s validates and survives casting unchanged', async (name, _id, record) => {
    const doc = docOf(name, record);
    const model = new models[name](doc);
    await expect(model.validate()).resolves.toBeUndefined();
    // What mongoose would write is the record itself: no defaults added, no empty object dropped.
    expect(fromDocument(model.toObject({ flattenMaps: true }))).toEqual(validateRecord(name, record));
  });

  it('accepts empty strings zod allows in required text fields', async () => {
    expect(await errorPaths('activities', docOf('activities', activity('a', 'r', 'c', '2026-01-01', { purpose: '', outcome: '' })))).toEqual([]);
  });
});

describe('mongoose schemas refuse bad documents on their own', () => {
  const act = (): Doc => docOf('activities', activity('a', 'r', 'c', '2026-01-01'));

  it('refuses an out-of-range or fractional rating', async () => {
    const fb = docOf('feedback', aFeedback({ service: 5, product: 4 }));
    expect(await errorPaths('feedback', { ...fb, service: 6, product: 2.5 })).toEqual(expect.arrayContaining(['service', 'product']));
    expect(await errorPaths('feedback', { ...fb, service: 0 })).toEqual(['service']);
  });

  it('refuses a missing required field, and an empty one where zod wants text', async () => {
    const { accountId: _a, purpose: _p, ...rest } = act();
    expect(await errorPaths('activities', rest)).toEqual(expect.arrayContaining(['accountId', 'purpose']));
    expect(await errorPaths('intel', { _id: 'i', repId: 'r', date: '2026-01-01', topic: 't', text: '', createdAt: CREATED })).toEqual(['text']);
  });

  it('refuses a value outside an enum, at any depth', async () => {
    expect(await errorPaths('activities', { ...act(), kind: 'lunch' })).toEqual(['kind']);
    const result = docOf('results', cycleFixtures().results[0]!) as { scorecard: { indicators: Doc[] } } & Doc;
    result.scorecard.indicators[0]!.targetSource = 'boss';
    expect(await errorPaths('results', result)).toContain('scorecard.indicators.0.targetSource');
  });

  it('refuses malformed dates, identities, money and ids', async () => {
    expect(await errorPaths('activities', { ...act(), date: '1 Jan 2026' })).toEqual(['date']);
    const p = docOf('people', aPerson());
    expect(await errorPaths('people', { ...p, identities: ['U123'] })).toEqual(['identities.0']);
    expect(await errorPaths('people', { ...p, roles: [] })).toEqual(['roles']);
    const d = docOf('deals', aDeal());
    expect(await errorPaths('deals', { ...d, amountBase: 0, currency: 'yuan' })).toEqual(expect.arrayContaining(['amountBase', 'currency']));
    expect(await errorPaths('deals', { ...d, _id: 'x'.repeat(65) })).toEqual(['_id']);
  });
});

describe('mongoose schemas mirror the registry', () => {
  const topLevelPaths = (name: CollectionName): string[] =>
    Object.keys(models[name].schema.paths).filter((p) => !p.includes('.') && p !== '_id');

  it.each(COLLECTION_NAMES)('%s has exactly the zod schema’s fields, id as _id', (name) => {
    const shape = (COLLECTIONS[name].schema as unknown as z.ZodObject).shape;
    expect(topLevelPaths(name).sort()).toEqual(Object.keys(shape).filter((k) => k !== 'id').sort());
  });
});

describe('mongoose indexes', () => {
  const indexes = (name: CollectionName) => models[name].schema.indexes() as [Record<string, number>, Record<string, unknown>][];
  const find = (name: CollectionName, fields: string[]) =>
    indexes(name).find(([keys]) => JSON.stringify(Object.keys(keys)) === JSON.stringify(fields))?.[1];

  it.each(COLLECTION_NAMES)('%s: a unique index per unique key, and every indexed or reference field leads an index', (name) => {
    for (const key of COLLECTIONS[name].unique) expect(find(name, [...key]), key.join(',')).toMatchObject({ unique: true });
    const leading = new Set(indexes(name).map(([keys]) => Object.keys(keys)[0]));
    for (const field of [...COLLECTIONS[name].indexed, ...Object.keys(COLLECTIONS[name].refs)]) expect(leading, field).toContain(field);
  });

  it('a partial unique index on requestId wherever records carry one', () => {
    const withRequestId = COLLECTION_NAMES.filter((c) => models[c].schema.path('requestId'));
    expect(withRequestId.sort()).toEqual(['absences', 'activities', 'appeals', 'deals', 'feedback', 'intel', 'lateEntries', 'payments', 'peerReviews', 'selfReviews']);
    for (const c of withRequestId) {
      expect(find(c, ['requestId'])).toEqual({ unique: true, partialFilterExpression: { requestId: { $type: 'string' } } });
    }
  });

  it('a unique multikey index on people.identities that ignores people without identities', () => {
    expect(find('people', ['identities'])).toEqual({ unique: true, partialFilterExpression: { identities: { $type: 'string' } } });
  });

  it('the compound indexes the actuals pipelines read', () => {
    expect(find('activities', ['date', 'repId', 'accountId'])).toBeDefined();
    expect(find('deals', ['signedDate', 'repId', 'accountId', 'amountBase', 'units', 'firstWin'])).toBeDefined();
    expect(find('deals', ['dueDate', 'repId', 'amountBase'])).toBeDefined();
    expect(find('payments', ['dueDate', 'repId', 'receivedDate', 'amountBase'])).toBeDefined();
    expect(find('feedback', ['date', 'repId', 'service', 'product'])).toBeDefined();
    expect(find('peerReviews', ['periodKey', 'toId', 'collaboration'])).toBeDefined();
    expect(find('intel', ['date', 'repId'])).toBeDefined();
  });
});
