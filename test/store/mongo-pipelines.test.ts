import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Aggregator } from 'mingo';
import type { PipelineStage } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/adapters/embedded/sqlite-store.js';
import { toDocument, fromDocument } from '../../src/adapters/mongo/documents.js';
import {
  accountsServedPipeline,
  ACTUALS_PIPELINES,
  coveragePipeline,
  dealBalancesPipeline,
  keyAccountsPipeline,
  mergeActuals,
  publishedTotalsPipeline,
  searchAccountsPipeline,
} from '../../src/adapters/mongo/pipelines.js';
import { accountNameKey } from '../../src/domain/model/accounts.js';
import { type CollectionName, validateRecord } from '../../src/domain/records.js';
import type { ActualsQuery, Store } from '../../src/ports/store.js';
import { byRep, EXPECTED, fixtureBatches, Q1, Q2, seedFixtures, YEAR } from './fixtures.js';

/**
 * The MongoDB store's pipelines, run through mingo (an in-memory implementation of MongoDB's
 * aggregation language) over the fixture documents, must give what the embedded store's SQL gives
 * on the same fixtures. This checks the pipelines' logic on every run without a MongoDB server;
 * the contract run against a real server (mongo.test.ts) checks the rest.
 */

type Doc = Record<string, unknown>;

/** The fixture records as the MongoDB store stores them: parsed by zod, id as `_id`. */
function fixtureDocuments(): Record<string, Doc[]> {
  const out: Record<string, Doc[]> = {};
  for (const b of fixtureBatches({ cycles: true })) {
    const docs = b.records.map((r) => toDocument(validateRecord(b.name, r) as Doc));
    out[b.name] = [...(out[b.name] ?? []), ...docs];
  }
  return out;
}

/** Runs a pipeline on a fresh copy of the documents, resolving $unionWith / $lookup by name. */
function run(collection: CollectionName, pipeline: PipelineStage[], extra: Partial<Record<CollectionName, Doc[]>> = {}): Doc[] {
  const docs = fixtureDocuments();
  for (const [name, more] of Object.entries(extra)) docs[name] = [...(docs[name] ?? []), ...more];
  const aggregator = new Aggregator(pipeline as unknown as Doc[], { collectionResolver: (name) => docs[name] ?? [] });
  return aggregator.run(docs[collection] ?? []);
}

/** What the MongoDB store's periodActuals does, with mingo in place of the server. */
const mingoActuals = (q: ActualsQuery) => mergeActuals(ACTUALS_PIPELINES.flatMap((p) => { const pipeline = p.build(q); return pipeline ? [run(p.collection, pipeline)] : []; }));

let dir: string;
let embedded: Store;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-pipelines-'));
  embedded = openSqliteStore({ dataDir: dir });
  await seedFixtures(embedded, { cycles: true });
});
afterAll(async () => {
  await embedded.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('MongoDB actuals pipelines (run through mingo)', () => {
  const cases: [string, ActualsQuery, Record<string, unknown>][] = [
    ['a quarter', Q1, EXPECTED.Q1],
    ['the next quarter', Q2, EXPECTED.Q2],
    ['a year', YEAR, EXPECTED.YEAR],
  ];

  it.each(cases)('give the embedded store’s actuals for %s, which are the hand-computed ones', async (_label, q, expected) => {
    const fromMingo = byRep(mingoActuals(q));
    expect(fromMingo).toEqual(byRep(await embedded.periodActuals(q)));
    expect(fromMingo).toEqual(expected);
  });

  it('weight visits by tier and count key-account coverage as the embedded store does', async () => {
    const docs = fixtureDocuments();
    const owned: Record<string, [string, string?]> = { 'acc-1': ['rep-a'], 'acc-2': ['rep-a'], 'acc-3': ['rep-a'], 'acc-4': ['rep-c'], 'acc-5': ['rep-c'], 'acc-6': ['rep-a', 'X'] };
    for (const d of docs.accounts ?? []) {
      const o = owned[d._id as string];
      if (o) Object.assign(d, { ownerId: o[0], ...(o[1] ? { tier: o[1] } : {}) });
    }
    const runOn = (collection: CollectionName, pipeline: PipelineStage[]) =>
      new Aggregator(pipeline as unknown as Doc[], { collectionResolver: (name) => docs[name] ?? [] }).run(docs[collection] ?? []);
    const q = { ...Q1, tierWeights: { strategic: 2, A: 0.5 }, coverage: { asOf: '2026-04-01', cadenceDays: { strategic: 30, A: 45 } } };
    const fromMingo = byRep(mergeActuals(ACTUALS_PIPELINES.flatMap((p) => { const pipeline = p.build(q); return pipeline ? [runOn(p.collection, pipeline)] : []; })));
    for (const [id, [ownerId, tier]] of Object.entries(owned)) {
      const account = (await embedded.accounts.get(id))!;
      await embedded.accounts.put({ ...account, ownerId, ...(tier ? { tier } : {}) });
    }
    try {
      for (const kq of [{ asOf: '2026-03-31', tiers: ['strategic', 'A'] }, { asOf: '2026-12-31', tiers: ['A'], ownerIds: ['rep-c', 'rep-b'] }]) {
        expect(runOn('accounts', keyAccountsPipeline(kq))).toEqual(await embedded.keyAccounts(kq));
      }
      expect(fromMingo).toEqual(byRep(await embedded.periodActuals(q)));
      expect(fromMingo['rep-a']).toMatchObject({ weightedVisits: 3, keyAccountsOwned: 3, keyAccountsCovered: 2 });
    } finally {
      for (const id of Object.keys(owned)) {
        const { ownerId: _drop, ...account } = (await embedded.accounts.get(id))!;
        await embedded.accounts.put({ ...account, tier: id === 'acc-2' ? 'strategic' : 'A' });
      }
    }
  });

  it('count coverage at the cadence boundary as the domain rule says: 44 days old is on time, 45 is over', () => {
    // acc-1 (A, 45 days), owned by rep-a, was last visited on 15 February; acc-3 (A) first on 1 April.
    const docs = fixtureDocuments();
    for (const d of docs.accounts ?? []) if (d._id === 'acc-1' || d._id === 'acc-3') Object.assign(d, { ownerId: 'rep-a', tier: 'A' });
    const covered = (asOf: string) =>
      new Aggregator(coveragePipeline({ ...Q1, coverage: { asOf, cadenceDays: { A: 45 } } })! as unknown as Doc[], { collectionResolver: (name) => docs[name] ?? [] }).run(docs.accounts ?? []);
    expect(covered('2026-03-31')).toEqual([{ _id: 'rep-a', keyAccountsOwned: 2, keyAccountsCovered: 1 }]); // acc-1
    expect(covered('2026-04-01')).toEqual([{ _id: 'rep-a', keyAccountsOwned: 2, keyAccountsCovered: 1 }]); // acc-3 only
    expect(covered('2026-05-15')).toEqual([{ _id: 'rep-a', keyAccountsOwned: 2, keyAccountsCovered: 1 }]); // acc-3: 44 days
    expect(covered('2026-05-16')).toEqual([{ _id: 'rep-a', keyAccountsOwned: 2, keyAccountsCovered: 0 }]); // 45 days
  });

  it('honour a rep filter, peer reviews by their recipient', async () => {
    const q = { ...YEAR, repIds: ['rep-a', 'rep-c', 'nobody'] };
    const fromMingo = byRep(mingoActuals(q));
    expect(fromMingo).toEqual(byRep(await embedded.periodActuals(q)));
    expect(Object.keys(fromMingo)).toEqual(['rep-a', 'rep-c']);
    expect(mingoActuals({ ...Q1, repIds: [] }).size).toBe(0);
  });

  it('output one { _id: repId, figures } document per rep', () => {
    expect(run('activities', accountsServedPipeline(Q1))).toEqual(
      expect.arrayContaining([
        { _id: 'rep-a', accountsServed: 3 },
        { _id: 'rep-b', accountsServed: 1 },
      ]),
    );
    for (const p of ACTUALS_PIPELINES) {
      const pipeline = p.build(YEAR);
      if (!pipeline) continue;
      for (const row of run(p.collection, pipeline)) {
        expect(typeof row._id).toBe('string');
        for (const [k, v] of Object.entries(row)) if (k !== '_id') expect(typeof v).toBe('number');
      }
    }
  });
});

describe('MongoDB account search and deal balance pipelines (run through mingo)', () => {
  it.each(['acme', '  ACME  In', 'logistics', '100%', '%', 'delta_', '.*', 'zzz', ''])('search for "%s" matches the embedded store', async (text) => {
    const fromMingo = run('accounts', searchAccountsPipeline(accountNameKey(text), 5)).map((d) => fromDocument(d));
    expect(fromMingo).toEqual(await embedded.searchAccounts(text, 5));
  });

  it('deal balances match the embedded store', async () => {
    const ids = ['deal-1', 'deal-2', 'deal-4', 'deal-6', 'deal-404'];
    const fromMingo = new Map(run('deals', dealBalancesPipeline(ids)).map((r) => [r.dealId as string, r]));
    expect(Object.fromEntries(fromMingo)).toEqual(Object.fromEntries(await embedded.dealBalances(ids)));
    expect(fromMingo.get('deal-6')).toEqual({ dealId: 'deal-6', amountBase: 15000, paidBase: 0 });
  });

  it('published totals match the embedded store: the latest version, no-data results, periods and reps asked for', async () => {
    // An appeal's version 2 (stored before version 1's sibling, so the order of storage is no help), a rep without data, another period.
    const [v1] = await embedded.results.find({ id: 'res-1' });
    const more = [
      { ...v1!, id: 'res-b', repId: 'rep-b', scorecard: { ...v1!.scorecard, repId: 'rep-b', total: 0, grade: '', noData: true } },
      { ...v1!, id: 'res-0', version: 2, scorecard: { ...v1!.scorecard, total: 88.5, grade: 'D' }, reason: 'appeal accepted' },
      { ...v1!, id: 'res-q2', periodKey: '2026-Q2', scorecard: { ...v1!.scorecard, periodKey: '2026-Q2', total: 91.25 } },
    ];
    await embedded.results.insertMany(more);
    try {
      const extra = { results: more.map((r) => toDocument(validateRecord('results', r) as Doc)) };
      const byKey = (rows: Doc[]) => [...rows].sort((a, b) => `${a.periodKey}${a.repId}`.localeCompare(`${b.periodKey}${b.repId}`));
      for (const q of [{ periodKeys: ['2026-Q1'] }, { periodKeys: ['2026-Q1', '2026-Q2'], repIds: ['rep-a'] }, { periodKeys: ['2026-Q1'], repIds: ['rep-b'] }]) {
        expect(byKey(run('results', publishedTotalsPipeline(q), extra))).toEqual(byKey((await embedded.publishedTotals(q)) as unknown as Doc[]));
      }
      expect(byKey(run('results', publishedTotalsPipeline({ periodKeys: ['2026-Q1'] }), extra))).toEqual([
        { periodKey: '2026-Q1', repId: 'rep-a', version: 2, total: 88.5, grade: 'D', noData: false },
        { periodKey: '2026-Q1', repId: 'rep-b', version: 1, total: 0, grade: '', noData: true },
      ]);
    } finally {
      for (const r of more) await embedded.results.delete(r.id);
    }
  });
});
