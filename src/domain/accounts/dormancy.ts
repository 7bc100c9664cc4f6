import { daysBetween, type LocalDate } from '../dates.js';

/** A key account with its owner and last activity (see Store.keyAccounts). */
export interface KeyAccountLastVisit {
  accountId: string;
  name: string;
  ownerId: string;
  tier: string;
  lastActivity: LocalDate | null;
}

export interface DormantAccount extends KeyAccountLastVisit {
  cadenceDays: number;
  /** Days since the last activity; null when there never was one. */
  daysSince: number | null;
}

/**
 * Key accounts past their tier's cadence on `asOf`: nobody has logged an activity on them in the
 * last `cadenceDays` days (or ever). The same rule as the coverage indicator: an account visited
 * `cadenceDays − 1` days ago is still covered, one visited `cadenceDays` days ago is dormant.
 * Longest neglected first (never visited first of all), then by name.
 */
export function dormantAccounts(accounts: readonly KeyAccountLastVisit[], cadenceDays: Readonly<Record<string, number>>, asOf: LocalDate): DormantAccount[] {
  const out: DormantAccount[] = [];
  for (const a of accounts) {
    const cadence = cadenceDays[a.tier];
    if (cadence === undefined) continue;
    const daysSince = a.lastActivity === null ? null : daysBetween(a.lastActivity, asOf);
    if (daysSince === null || daysSince >= cadence) out.push({ ...a, cadenceDays: cadence, daysSince });
  }
  return out.sort((x, y) => (y.daysSince ?? Infinity) - (x.daysSince ?? Infinity) || x.name.localeCompare(y.name));
}
