import { isPublishedState } from '../domain/model/cycle.js';
import type { Person } from '../domain/model/people.js';
import type { Period } from '../domain/period.js';
import type { ScorecardReport } from '../domain/read-models/scorecard-report.js';
import type { AppDeps } from './deps.js';
import { scorePeriod } from './score-period.js';

/** How many periods before the one reported a history shows (and the trend forecasts from). */
export const HISTORY_PERIODS = 4;

/** A rep's total and grade in one past period: null and '' when they had no data (or were not a rep then). */
export type PastTotal = Omit<ScorecardReport['history'][number], 'periodKey'>;

/** Reps' totals in one past period. */
export interface PastTotals {
  period: Period;
  totals: ReadonlyMap<string, PastTotal>;
}

/**
 * Reps' totals and grades in past periods (in the order given, oldest first for a history). A
 * published period (its cycle published or closed) reads as it was published: each rep's latest
 * result — what they were told, after calibration, adjustments and accepted appeals — and no
 * figure for a rep it did not grade, whatever was logged for them since. A period never published
 * is scored from the stored activities like any period (most companies start publishing with the
 * bot long after reps start logging). Every history reads this way, whichever message shows it:
 * the live scorecard, the monthly round, the result DM and a published period's frozen report.
 *
 * `reps`: only these reps. `everyone`: every person, already read (a round over the whole company:
 * the store is asked for every rep's figures rather than a list of thousands of ids). Only the
 * figures of published results are read (Store.publishedTotals), never their frozen scorecards.
 */
export async function pastTotals(
  deps: Pick<AppDeps, 'store' | 'clock'> & Partial<Pick<AppDeps, 'settings' | 'logger'>>,
  periods: readonly Period[],
  who: { reps: readonly Person[] } | { everyone: readonly Person[] },
): Promise<PastTotals[]> {
  const everyone = 'everyone' in who;
  const people = everyone ? who.everyone : who.reps;
  const keys = periods.map((p) => p.key);
  const cycles = keys.length ? await deps.store.cycles.find({ periodKey: { in: keys } }) : [];
  const publishedKeys = cycles.filter((c) => isPublishedState(c.state)).map((c) => c.periodKey);
  const published = publishedKeys.length ? await deps.store.publishedTotals({ periodKeys: publishedKeys, ...(everyone ? {} : { repIds: people.map((p) => p.id) }) }) : [];
  const byPeriod = new Map<string, Map<string, PastTotal>>(publishedKeys.map((k) => [k, new Map()]));
  for (const r of published) byPeriod.get(r.periodKey)?.set(r.repId, r.noData ? NO_TOTAL : { total: r.total, grade: r.grade });

  return Promise.all(
    periods.map(async (period) => {
      const frozen = byPeriod.get(period.key);
      if (frozen) return { period, totals: frozen };
      const scored = await scorePeriod(deps, period, everyone ? { everyone: people } : { reps: people });
      const totals = new Map<string, PastTotal>();
      for (const [id, { card }] of scored.reps) totals.set(id, card.noData ? NO_TOTAL : { total: card.total, grade: card.grade });
      return { period, totals };
    }),
  );
}

const NO_TOTAL: PastTotal = Object.freeze({ total: null, grade: '' });

/** One rep's history from past periods' totals (oldest first, as given). */
export const historyOf = (past: readonly PastTotals[], repId: string): ScorecardReport['history'] =>
  past.map(({ period, totals }) => ({ periodKey: period.key, ...(totals.get(repId) ?? NO_TOTAL) }));
