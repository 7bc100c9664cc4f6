import { describe, expect, it } from 'vitest';
import { repOutcome } from '../../src/domain/accounts/outcomes.js';

const Q4 = { from: '2026-10-01', to: '2026-12-31' };
const v = (accountId: string, date: string, nextStep?: string) => ({ accountId, date, kind: 'visit', nextStep });

describe('repOutcome', () => {
  it('conversion counts accounts visited that signed on or after the first visit, in the period', () => {
    const o = repOutcome(
      {
        activities: [v('a', '2026-10-05', 'quote'), v('a', '2026-10-20', 'sign'), v('b', '2026-10-10'), v('c', '2026-11-01', 'demo')],
        // a signs after its first visit; b signed before being visited (not a conversion); c did not sign; d was never visited.
        deals: [{ accountId: 'a', signedDate: '2026-11-02' }, { accountId: 'b', signedDate: '2026-10-01' }, { accountId: 'd', signedDate: '2026-10-15' }],
        period: Q4,
        asOf: '2026-12-31',
      },
    );
    expect(o).toMatchObject({ visits: 4, accountsVisited: 3, accountsWon: 1, withoutNextStep: 1 });
    expect(o.conversion).toBeCloseTo(1 / 3, 10);
  });

  it('a visit without a later activity on the account within 30 days lacks a follow-up, once 30 days have passed', () => {
    const o = repOutcome(
      {
        activities: [
          v('a', '2026-10-05', 'x'), v('a', '2026-11-04', 'y'), // followed up on day 30: fine
          v('b', '2026-10-05', 'x'), v('b', '2026-11-05', 'y'), // day 31: too late → the first lacks a follow-up
          v('c', '2026-12-20', 'x'), // only 11 days ago on asOf: not judged yet
        ],
        deals: [],
        period: Q4,
        asOf: '2026-12-31',
      },
    );
    // b's 5 Oct visit, a's 4 Nov and b's 5 Nov visits (nothing after them) lack a follow-up.
    expect(o.withoutFollowUp).toBe(3);
    expect(o.conversion).toBe(0);
  });

  it('has no conversion without visits', () => {
    expect(repOutcome({ activities: [], deals: [{ accountId: 'a', signedDate: '2026-10-02' }], period: Q4, asOf: '2026-12-31' })).toMatchObject({ visits: 0, conversion: null, withoutFollowUp: 0 });
  });
});
