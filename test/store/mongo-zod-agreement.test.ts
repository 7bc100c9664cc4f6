import mongoose from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';
import { toDocument } from '../../src/adapters/mongo/documents.js';
import { buildModels } from '../../src/adapters/mongo/models.js';
import { COLLECTIONS, type CollectionName, validateRecord } from '../../src/domain/records.js';
import { cycleFixtures } from './fixtures.js';

/**
 * Where the hand-written mongoose schemas disagreed with zod, the generated ones agree: a record
 * zod accepts is stored, and a document zod refuses (written past the domain, by a script or a
 * migration) is refused by the database too. Each case below was decided differently before the
 * schemas were generated from zod.
 */

const conn = mongoose.createConnection();
const models = buildModels(conn);
afterAll(() => conn.close());

type Doc = Record<string, unknown>;
const zodAccepts = (name: CollectionName, record: Doc): boolean => COLLECTIONS[name].schema.safeParse(record).success;
const mongoAccepts = (name: CollectionName, record: Doc): Promise<boolean> =>
  new models[name](toDocument(record)).validate().then(
    () => true,
    () => false,
  );

const c = cycleFixtures() as unknown as Record<string, Doc[]>;
/** The collection's first fixture as zod outputs it: complete, with its defaults filled in. */
const first = (name: CollectionName): Doc => validateRecord(name, c[name]![0]!) as Doc;
const template = first('templates') as Doc & { categories: { indicators: Doc[] }[] };
const zeroTarget = structuredClone(template);
zeroTarget.categories[0]!.indicators[0]!.defaultTarget = 0;

const CASES: [string, CollectionName, Doc, boolean][] = [
  ['a lease id of 100 characters (zod allows 200)', 'leases', { ...first('leases'), id: 'l'.repeat(100) }, true],
  ['a processed-event id of 100 characters (zod allows 200)', 'processedEvents', { ...first('processedEvents'), id: 'req:' + 'e'.repeat(96) }, true],
  ['a template with an empty list of account tiers', 'templates', { ...template, accountTiers: [] }, false],
  ['a template whose default target is 0', 'templates', zeroTarget, false],
  ['an outbox item tried 1.5 times', 'outbox', { ...first('outbox'), attempts: 1.5 }, false],
  ['an outbox item without a message', 'outbox', { ...first('outbox'), message: undefined }, false],
];

describe('the mongoose models agree with zod where the hand-written ones did not', () => {
  it.each(['leases', 'processedEvents', 'templates', 'outbox'] as const)('the unchanged %s fixture passes both', async (name) => {
    expect(zodAccepts(name, first(name))).toBe(true);
    expect(await mongoAccepts(name, first(name))).toBe(true);
  });

  it.each(CASES)('%s', async (_what, name, record, accepted) => {
    expect(zodAccepts(name, record)).toBe(accepted);
    expect(await mongoAccepts(name, record)).toBe(accepted);
  });
});
