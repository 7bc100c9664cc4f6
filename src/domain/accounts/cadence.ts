import { addDays, type LocalDate } from '../dates.js';

/**
 * The on-time rule for key-account visits, in one place: on `asOf`, an account whose tier has a
 * cadence of `cadenceDays` is covered by an activity (by anyone) dated from `coveredSince` up to
 * `asOf`, i.e. at most `cadenceDays − 1` days old. One exactly `cadenceDays` days old is overdue:
 * a 30-day cadence means "visited within the last 30 days, today included".
 *
 * The coverage indicator (both stores) and the dormant-account lists use these dates and only
 * compare, so they cannot drift apart (they once restated the rule as SQL, a pipeline and `>=`).
 */
export function coveredSince(asOf: LocalDate, cadenceDays: number): LocalDate {
  return addDays(asOf, -(cadenceDays - 1));
}

/** Tier → the first day an activity still covers an account of that tier on `asOf`. */
export function coveredSinceByTier(asOf: LocalDate, cadenceDays: Readonly<Record<string, number>>): Record<string, LocalDate> {
  return Object.fromEntries(Object.entries(cadenceDays).map(([tier, days]) => [tier, coveredSince(asOf, days)]));
}

/** Whether the last activity on an account (up to `asOf`; null when none) still covers it on `asOf`. */
export function isCovered(lastActivity: LocalDate | null, cadenceDays: number, asOf: LocalDate): boolean {
  return lastActivity !== null && lastActivity >= coveredSince(asOf, cadenceDays);
}
