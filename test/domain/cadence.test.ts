import { describe, expect, it } from 'vitest';
import { coveredSince, coveredSinceByTier, isCovered } from '../../src/domain/accounts/cadence.js';
import { dormantAccounts } from '../../src/domain/accounts/dormancy.js';

/**
 * The on-time rule for key-account visits, at its boundary: with a 45-day cadence on 31 March, a
 * visit on 15 February (44 days before) still covers the account, one on 14 February (45 days
 * before) does not. Coverage and dormancy are the two sides of this one rule.
 */
describe('the key-account visit cadence', () => {
  const asOf = '2026-03-31';

  it('covers from cadence − 1 days back up to the day itself', () => {
    expect(coveredSince(asOf, 45)).toBe('2026-02-15');
    expect(coveredSince(asOf, 1)).toBe(asOf);
    expect(coveredSinceByTier(asOf, { strategic: 30, A: 45 })).toEqual({ strategic: '2026-03-02', A: '2026-02-15' });
  });

  it('counts a visit on the last on-time day, not one a day older', () => {
    expect(isCovered('2026-02-15', 45, asOf)).toBe(true); // 44 days old
    expect(isCovered('2026-02-14', 45, asOf)).toBe(false); // 45 days old
    expect(isCovered(asOf, 1, asOf)).toBe(true);
    expect(isCovered('2026-03-30', 1, asOf)).toBe(false);
    expect(isCovered(null, 45, asOf)).toBe(false);
  });

  it('lists as dormant exactly the accounts it does not cover', () => {
    const account = (accountId: string, lastActivity: string | null) => ({ accountId, name: accountId, ownerId: 'ann', tier: 'A', lastActivity });
    const accounts = [account('on-time', '2026-02-15'), account('a-day-over', '2026-02-14'), account('never', null)];
    const dormant = dormantAccounts(accounts, { A: 45 }, asOf);
    expect(dormant.map((d) => [d.accountId, d.daysSince])).toEqual([['never', null], ['a-day-over', 45]]);
    expect(accounts.filter((a) => !isCovered(a.lastActivity, 45, asOf)).map((a) => a.accountId).sort()).toEqual(dormant.map((d) => d.accountId).sort());
  });
});
