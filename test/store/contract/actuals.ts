import { beforeEach, describe, expect, it } from 'vitest';
import { dormantAccounts } from '../../../src/domain/accounts/dormancy.js';
import type { Store } from '../../../src/ports/store.js';
import { byRep, EXPECTED, Q1, Q2, seedFixtures, YEAR } from '../fixtures.js';

/** periodActuals against the hand-computed figures in fixtures.ts. */
export function actualsContract(store: () => Store): void {
  describe('periodActuals', () => {
    beforeEach(async () => {
      await seedFixtures(store(), { cycles: true });
    });

    it('aggregates every figure of a quarter per rep; reps without records are absent', async () => {
      expect(byRep(await store().periodActuals(Q1))).toEqual(EXPECTED.Q1);
      expect(byRep(await store().periodActuals(Q2))).toEqual(EXPECTED.Q2);
    });

    it('aggregates a year, with peer reviews of its four quarters', async () => {
      expect(byRep(await store().periodActuals(YEAR))).toEqual(EXPECTED.YEAR);
    });

    it('limits to the reps asked for, peer reviews by their recipient', async () => {
      const only = await store().periodActuals({ ...Q1, repIds: ['rep-b', 'rep-c', 'nobody'] });
      expect(byRep(only)).toEqual({ 'rep-b': EXPECTED.Q1['rep-b'], 'rep-c': EXPECTED.Q1['rep-c'] });
      expect((await store().periodActuals({ ...Q1, repIds: [] })).size).toBe(0);
    });

    it('counts peer reviews by the period they were filed for, not the day they were written', async () => {
      const q4 = await store().periodActuals({ from: '2025-10-01', to: '2025-12-31', peerReviewPeriods: ['2025-Q4'] });
      // pr-5 was written in January 2026 for 2025-Q4; act-7 is rep-b's visit on 31 December.
      expect(q4.get('rep-c')).toMatchObject({ collaborationSum: 4, collaborationCount: 1, visits: 0 });
      expect(q4.get('rep-b')).toMatchObject({ visits: 1, accountsServed: 1, revenue: 0 });
    });

    it('finds nothing in a period without records', async () => {
      expect((await store().periodActuals({ from: '2024-01-01', to: '2024-03-31', peerReviewPeriods: ['2024-Q1'] })).size).toBe(0);
    });

    describe('key-account tiers', () => {
      // acc-1 (A) and acc-2 (strategic) are rep-a's, with acc-3 (A, never visited) and acc-6 (tier X:
      // no cadence, not a key account); rep-c owns acc-4 and acc-5 (A), visited only in May.
      beforeEach(async () => {
        const owners: [string, string, string?][] = [['acc-1', 'rep-a'], ['acc-2', 'rep-a'], ['acc-3', 'rep-a'], ['acc-4', 'rep-c'], ['acc-5', 'rep-c'], ['acc-6', 'rep-a', 'X']];
        for (const [id, ownerId, tier] of owners) {
          const account = (await store().accounts.get(id))!;
          await store().accounts.put({ ...account, ownerId, ...(tier ? { tier } : {}) });
        }
      });
      const tiered = { ...Q1, tierWeights: { strategic: 2, A: 0.5 }, coverage: { asOf: '2026-03-31', cadenceDays: { strategic: 30, A: 45 } } };

      it('weights each visit by its account’s tier', async () => {
        const a = await store().periodActuals(tiered);
        // rep-a: act-1, act-2 on acc-1 (A, 0.5 each) + act-3 on acc-2 (strategic, 2); rep-b: act-5 on acc-2.
        expect(a.get('rep-a')).toMatchObject({ visits: 3, weightedVisits: 3 });
        expect(a.get('rep-b')).toMatchObject({ visits: 1, weightedVisits: 2 });
      });

      it('counts owned key accounts visited within their cadence, by anyone, up to the day asked', async () => {
        const a = await store().periodActuals(tiered);
        // acc-1's last visit (15 Feb) is 44 days before 31 March: inside A's 45 days; acc-2 was visited on 31 March.
        expect(a.get('rep-a')).toMatchObject({ keyAccountsOwned: 3, keyAccountsCovered: 2 });
        expect(a.get('rep-c')).toMatchObject({ keyAccountsOwned: 2, keyAccountsCovered: 0 });
        expect(a.get('rep-b')).toMatchObject({ keyAccountsOwned: 0, keyAccountsCovered: 0 });
        // A day later the 15 February visit is 45 days old, so acc-1 is overdue; acc-3 was visited on 1 April.
        const later = await store().periodActuals({ ...tiered, coverage: { ...tiered.coverage, asOf: '2026-04-01' } });
        expect(later.get('rep-a')).toMatchObject({ keyAccountsOwned: 3, keyAccountsCovered: 2 });
        const after = await store().periodActuals({ ...tiered, coverage: { ...tiered.coverage, asOf: '2026-05-01' } });
        expect(after.get('rep-a')).toMatchObject({ keyAccountsOwned: 3, keyAccountsCovered: 1 }); // acc-3 only (A: since 18 March)
      });

      it('counts as covered exactly the accounts the dormancy rule does not list, at the cadence boundary', async () => {
        // acc-1 (A, 45 days) was last visited on 15 February: on 31 March that is 44 days, the last
        // day on time; on 1 April it is 45 days, one day over. acc-3 (A) is first visited on 1 April.
        const cadenceDays = { A: 45 };
        for (const [asOf, dormant] of [['2026-03-31', ['acc-3']], ['2026-04-01', ['acc-1']], ['2026-04-02', ['acc-1']]] as const) {
          const actuals = await store().periodActuals({ ...Q1, repIds: ['rep-a'], coverage: { asOf, cadenceDays } });
          const listed = dormantAccounts(await store().keyAccounts({ asOf, tiers: ['A'], ownerIds: ['rep-a'] }), cadenceDays, asOf);
          expect(listed.map((d) => d.accountId), asOf).toEqual(dormant);
          expect(actuals.get('rep-a'), asOf).toMatchObject({ keyAccountsOwned: 2, keyAccountsCovered: 2 - dormant.length });
        }
      });

      it('lists owned key accounts with their last activity up to a day, by owner', async () => {
        const list = await store().keyAccounts({ asOf: '2026-03-31', tiers: ['strategic', 'A'] });
        expect(list).toEqual([
          { accountId: 'acc-1', name: 'Acme Industrial', ownerId: 'rep-a', tier: 'A', lastActivity: '2026-02-15' },
          { accountId: 'acc-2', name: 'Beta Acme Trading', ownerId: 'rep-a', tier: 'strategic', lastActivity: '2026-03-31' },
          { accountId: 'acc-3', name: 'Cathay 100% Steel', ownerId: 'rep-a', tier: 'A', lastActivity: null },
          { accountId: 'acc-4', name: 'Delta_Logistics', ownerId: 'rep-c', tier: 'A', lastActivity: null },
          { accountId: 'acc-5', name: 'Deltax Logistics', ownerId: 'rep-c', tier: 'A', lastActivity: null },
        ]);
        const c = await store().keyAccounts({ asOf: '2026-12-31', tiers: ['A'], ownerIds: ['rep-c'] });
        expect(c.map((k) => [k.accountId, k.lastActivity])).toEqual([['acc-4', '2026-05-05'], ['acc-5', null]]);
        expect(await store().keyAccounts({ asOf: '2026-12-31', tiers: [] })).toEqual([]);
      });

      it('honours the rep filter, and leaves the figures at 0 when not asked for', async () => {
        const only = await store().periodActuals({ ...tiered, repIds: ['rep-c'] });
        expect([...only.keys()]).toEqual(['rep-c']);
        expect(only.get('rep-c')).toMatchObject({ keyAccountsOwned: 2, weightedVisits: 0 });
        expect((await store().periodActuals(Q1)).get('rep-a')).toMatchObject({ weightedVisits: 0, keyAccountsOwned: 0 });
      });
    });

    it('reads payments and deals as they are now: a deleted late payment no longer counts', async () => {
      expect(await store().payments.delete('pay-2')).toBe(true);
      const year = await store().periodActuals({ ...YEAR, repIds: ['rep-a'] });
      expect(year.get('rep-a')).toMatchObject({ due: 180000, collected: 120000 });
    });
  });
}
