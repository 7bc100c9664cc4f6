import { describe, expect, it } from 'vitest';
import { dormantAccounts, type KeyAccountLastVisit } from '../../src/domain/accounts/dormancy.js';

const account = (accountId: string, tier: string, lastActivity: string | null): KeyAccountLastVisit => ({ accountId, name: accountId, ownerId: 'ann', tier, lastActivity });
const cadence = { strategic: 30, A: 45 };

describe('dormantAccounts', () => {
  it('is dormant from the day the cadence is reached, not the day before', () => {
    const asOf = '2026-11-26';
    const found = dormantAccounts([account('x29', 'strategic', '2026-10-28'), account('x30', 'strategic', '2026-10-27')], cadence, asOf);
    // 28 Oct → 29 days: still within 30; 27 Oct → 30 days: dormant.
    expect(found.map((d) => [d.accountId, d.daysSince])).toEqual([['x30', 30]]);
  });

  it('lists never-visited accounts first, then the longest neglected, and skips tiers without a cadence', () => {
    const found = dormantAccounts(
      [account('a1', 'A', '2026-09-01'), account('b', 'B', null), account('a2', 'A', null), account('s', 'strategic', '2026-08-01'), account('a3', 'A', '2026-11-20')],
      cadence,
      '2026-11-26',
    );
    expect(found.map((d) => d.accountId)).toEqual(['a2', 's', 'a1']);
    expect(found[0]).toMatchObject({ daysSince: null, cadenceDays: 45 });
    expect(found[1]).toMatchObject({ daysSince: 117, cadenceDays: 30 });
  });
});
