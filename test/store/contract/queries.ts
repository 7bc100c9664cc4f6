import { beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/ports/store.js';
import { deal, seedFixtures } from '../fixtures.js';
import { expectAppError } from './harness.js';

const ids = (records: { id: string }[]): string[] => records.map((r) => r.id);

/** Reads: find, count, account search, deal balances, published totals, identities, ping. */
export function queriesContract(store: () => Store): void {
  describe('find and count', () => {
    beforeEach(async () => {
      await seedFixtures(store());
    });

    it('filters by equality, booleans included', async () => {
      expect(ids(await store().activities.find({ repId: 'rep-a' })).sort()).toEqual(['act-1', 'act-2', 'act-3', 'act-4']);
      expect(ids(await store().activities.find({ repId: 'rep-a', accountId: 'acc-1' })).sort()).toEqual(['act-1', 'act-2']);
      expect(ids(await store().people.find({ active: false }))).toEqual(['rep-old']);
      expect(await store().people.count({ active: true })).toBe(5);
      expect(await store().activities.find({ repId: 'nobody' })).toEqual([]);
    });

    it('filters by an inclusive range, open on either side', async () => {
      const q1 = await store().activities.find({ date: { gte: '2026-01-01', lte: '2026-03-31' } });
      expect(ids(q1).sort()).toEqual(['act-1', 'act-2', 'act-3', 'act-5']);
      expect(ids(await store().activities.find({ date: { gte: '2026-04-01' } })).sort()).toEqual(['act-4', 'act-6']);
      expect(ids(await store().activities.find({ date: { lte: '2025-12-31' } }))).toEqual(['act-7']);
      expect(ids(await store().templates.find())).toEqual([]);
    });

    it('filters by a list of values, on any indexed field or the id', async () => {
      expect(ids(await store().deals.find({ repId: { in: ['rep-b', 'rep-c'] } })).sort()).toEqual(['deal-3', 'deal-5', 'deal-6']);
      expect(ids(await store().deals.find({ id: { in: ['deal-2', 'deal-9'] } }))).toEqual(['deal-2']);
      expect(await store().deals.find({ repId: { in: [] } })).toEqual([]);
      expect(await store().deals.count({ repId: { in: ['rep-a'] }, signedDate: { gte: '2026-04-01' } })).toBe(1);
    });

    it('sorts either way, ties broken by id, and limits', async () => {
      const asc = await store().activities.find({ repId: 'rep-a' }, { sort: { field: 'date', dir: 'asc' } });
      expect(ids(asc)).toEqual(['act-1', 'act-2', 'act-3', 'act-4']);
      const desc = await store().activities.find({}, { sort: { field: 'date', dir: 'desc' }, limit: 3 });
      expect(ids(desc)).toEqual(['act-6', 'act-4', 'act-3']);
      // acc-1 has three activities and acc-2 two: within an account they come out in id order.
      const byAccount = await store().activities.find({ accountId: { in: ['acc-1', 'acc-2'] } }, { sort: { field: 'accountId', dir: 'asc' } });
      expect(ids(byAccount)).toEqual(['act-1', 'act-2', 'act-7', 'act-3', 'act-5']);
      expect(await store().activities.find({}, { limit: 0 })).toEqual([]);
      expect(await store().activities.find({}, { limit: 2 })).toHaveLength(2);
    });

    it('finds a record by its requestId', async () => {
      await store().deals.insert(deal('deal-r', 'rep-a', 'acc-1', { amountBase: 1, units: 1, signedDate: '2026-02-01', dueDate: '2026-02-01' }, { requestId: 'slack:t-9' }));
      expect(ids(await store().deals.find({ requestId: 'slack:t-9' }))).toEqual(['deal-r']);
      expect(await store().deals.count({ requestId: 'slack:t-404' })).toBe(0);
    });

    it('counts everything or what matches', async () => {
      expect(await store().activities.count()).toBe(7);
      expect(await store().deals.count({ dueDate: { gte: '2026-01-01', lte: '2026-03-31' } })).toBe(3);
      expect(await store().peerReviews.count({ periodKey: '2026-Q1' })).toBe(3);
    });

    it('refuses to filter on a field that is not indexed', async () => {
      await expect(store().activities.find({ purpose: 'quarterly review' })).rejects.toThrow(/purpose/);
      // amountBase is aggregated on, but the registry does not index it for queries.
      await expect(store().deals.count({ amountBase: 100000 })).rejects.toThrow(/amountBase/);
      await expect(store().deals.find({}, { sort: { field: 'amountBase', dir: 'asc' } })).rejects.toThrow(/amountBase/);
    });
  });

  describe('searchAccounts', () => {
    beforeEach(async () => {
      await seedFixtures(store());
    });

    it('matches anywhere in the name, ignoring case: exact first, then prefixes, then the rest', async () => {
      expect(ids(await store().searchAccounts('acme', 10))).toEqual(['acc-7', 'acc-1', 'acc-2']);
      expect(ids(await store().searchAccounts('  ACME  In', 10))).toEqual(['acc-1']);
      expect(ids(await store().searchAccounts('logistics', 10))).toEqual(['acc-4', 'acc-5']);
      expect(ids(await store().searchAccounts('acme', 2))).toEqual(['acc-7', 'acc-1']);
      expect(await store().searchAccounts('zzz', 10)).toEqual([]);
    });

    it('treats wildcard characters in the text literally', async () => {
      expect(ids(await store().searchAccounts('100%', 10))).toEqual(['acc-3']);
      expect(ids(await store().searchAccounts('%', 10))).toEqual(['acc-3']);
      expect(ids(await store().searchAccounts('delta_', 10))).toEqual(['acc-4']);
      expect(ids(await store().searchAccounts('.*', 10))).toEqual([]);
    });

    it('returns whole account records', async () => {
      const [acme] = await store().searchAccounts('acme industrial', 1);
      expect(acme).toEqual(await store().accounts.get('acc-1'));
    });
  });

  describe('dealBalances and personByIdentity', () => {
    beforeEach(async () => {
      await seedFixtures(store());
    });

    it('sums what has been paid on each deal, unpaid deals included, unknown deals left out', async () => {
      const balances = await store().dealBalances(['deal-1', 'deal-4', 'deal-6', 'deal-404']);
      expect(Object.fromEntries(balances)).toEqual({
        'deal-1': { dealId: 'deal-1', amountBase: 100000, paidBase: 100000 },
        'deal-4': { dealId: 'deal-4', amountBase: 30000, paidBase: 10000 },
        'deal-6': { dealId: 'deal-6', amountBase: 15000, paidBase: 0 },
      });
      expect((await store().dealBalances([])).size).toBe(0);
    });

    it('finds a person by any of their platform identities', async () => {
      expect((await store().personByIdentity('lark:ou_repa01'))?.id).toBe('rep-a');
      expect((await store().personByIdentity('slack:UREPA01'))?.id).toBe('rep-a');
      expect(await store().personByIdentity('slack:UNKNOWN')).toBeNull();
    });
  });

  describe('publishedTotals', () => {
    beforeEach(async () => {
      await seedFixtures(store(), { cycles: true });
      // The fixtures publish rep-a's 2026-Q1 (version 1: 115, S). An appeal's version 2, a rep
      // without data, and a second period join it.
      const [v1] = await store().results.find({ id: 'res-1' });
      const result = (id: string, o: Partial<typeof v1>) => ({ ...v1!, id, ...o });
      await store().results.insertMany([
        result('res-2', { version: 2, scorecard: { ...v1!.scorecard, total: 88.5, grade: 'D' }, reason: 'appeal accepted' }),
        result('res-3', { repId: 'rep-b', scorecard: { ...v1!.scorecard, repId: 'rep-b', total: 0, grade: '', noData: true } }),
        result('res-4', { periodKey: '2026-Q2', scorecard: { ...v1!.scorecard, periodKey: '2026-Q2', total: 91.25, grade: 'S' } }),
      ]);
    });

    const sorted = <R extends { periodKey: string; repId: string }>(rows: R[]): R[] => [...rows].sort((a, b) => `${a.periodKey}${a.repId}`.localeCompare(`${b.periodKey}${b.repId}`));

    it("gives each rep's latest version per period, only the figures", async () => {
      expect(sorted(await store().publishedTotals({ periodKeys: ['2026-Q1'] }))).toEqual([
        { periodKey: '2026-Q1', repId: 'rep-a', version: 2, total: 88.5, grade: 'D', noData: false },
        { periodKey: '2026-Q1', repId: 'rep-b', version: 1, total: 0, grade: '', noData: true },
      ]);
      expect(sorted(await store().publishedTotals({ periodKeys: ['2026-Q1', '2026-Q2'] })).map((r) => [r.periodKey, r.repId, r.total])).toEqual([
        ['2026-Q1', 'rep-a', 88.5],
        ['2026-Q1', 'rep-b', 0],
        ['2026-Q2', 'rep-a', 91.25],
      ]);
    });

    it('narrows to the reps asked for, and answers nothing for no or unknown periods', async () => {
      expect(await store().publishedTotals({ periodKeys: ['2026-Q1'], repIds: ['rep-b', 'nobody'] })).toEqual([
        { periodKey: '2026-Q1', repId: 'rep-b', version: 1, total: 0, grade: '', noData: true },
      ]);
      expect(await store().publishedTotals({ periodKeys: ['2026-Q1'], repIds: [] })).toEqual([]);
      expect(await store().publishedTotals({ periodKeys: [] })).toEqual([]);
      expect(await store().publishedTotals({ periodKeys: ['2031-Q4'] })).toEqual([]);
    });
  });

  describe('availability', () => {
    it('answers ping while open and UNAVAILABLE once closed', async () => {
      await expect(store().ping()).resolves.toBeUndefined();
      await store().close();
      await expectAppError(store().ping(), 'UNAVAILABLE');
      await expectAppError(store().people.get('rep-a'), 'UNAVAILABLE');
    });
  });
}
