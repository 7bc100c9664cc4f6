import { beforeEach, describe, expect, it } from 'vitest';
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

    it('reads payments and deals as they are now: a deleted late payment no longer counts', async () => {
      expect(await store().payments.delete('pay-2')).toBe(true);
      const year = await store().periodActuals({ ...YEAR, repIds: ['rep-a'] });
      expect(year.get('rep-a')).toMatchObject({ due: 180000, collected: 120000 });
    });
  });
}
