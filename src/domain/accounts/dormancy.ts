import { daysBetween, type LocalDate } from '../dates.js';
import { isCovered } from './cadence.js';

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
 * last `cadenceDays` days (or ever): exactly the accounts the coverage indicator counts as not
 * covered (see cadence.ts: visited `cadenceDays − 1` days ago is covered, `cadenceDays` ago dormant).
 * Longest neglected first (never visited first of all), then by name.
 */
export function dormantAccounts(accounts: readonly KeyAccountLastVisit[], cadenceDays: Readonly<Record<string, number>>, asOf: LocalDate): DormantAccount[] {
  const out: DormantAccount[] = [];
  for (const a of accounts) {
    const cadence = cadenceDays[a.tier];
    if (cadence === undefined) continue;
    if (isCovered(a.lastActivity, cadence, asOf)) continue;
    out.push({ ...a, cadenceDays: cadence, daysSince: a.lastActivity === null ? null : daysBetween(a.lastActivity, asOf) });
  }
  return out.sort((x, y) => (y.daysSince ?? Infinity) - (x.daysSince ?? Infinity) || x.name.localeCompare(y.name));
}
