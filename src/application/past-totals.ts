import type { Person } from '../domain/model/people.js';
import type { Period } from '../domain/period.js';
import type { ScorecardReport } from '../domain/read-models/scorecard-report.js';
import type { AppDeps } from './deps.js';
import { employedDuring, scorePeriod } from './score-period.js';

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
 * Reps' totals and grades in past periods (in the order given, oldest first for a history): the
 * published result where the period was published for the rep, in its latest version — what the
 * rep was told, after calibration, adjustments and accepted appeals — else the period scored from
 * the stored activities like any period (most companies start publishing with the bot long after
 * reps start logging). Every history reads this way, whichever message shows it: the live
 * scorecard, the monthly round, the result DM and a published period's frozen report.
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
  const published = await deps.store.publishedTotals({ periodKeys: periods.map((p) => p.key), ...(everyone ? {} : { repIds: people.map((p) => p.id) }) });
  const byPeriod = new Map<string, Map<string, PastTotal>>(periods.map((p) => [p.key, new Map()]));
  for (const r of published) byPeriod.get(r.periodKey)?.set(r.repId, r.noData ? { total: null, grade: '' } : { total: r.total, grade: r.grade });

  return Promise.all(
    periods.map(async (period) => {
      const totals = byPeriod.get(period.key)!;
      const unpublished = people.filter((p) => !totals.has(p.id) && employedDuring(p, period));
      if (unpublished.length > 0) {
        // A period never published is scored for everybody at once (no list of ids to filter on).
        const scored = await scorePeriod(deps, period, totals.size === 0 && everyone ? { everyone: people } : { reps: unpublished });
        for (const p of unpublished) {
          const card = scored.reps.get(p.id)?.card;
          totals.set(p.id, card && !card.noData ? { total: card.total, grade: card.grade } : { total: null, grade: '' });
        }
      }
      return { period, totals };
    }),
  );
}

/** One rep's history from past periods' totals (oldest first, as given). */
export const historyOf = (past: readonly PastTotals[], repId: string): ScorecardReport['history'] =>
  past.map(({ period, totals }) => ({ periodKey: period.key, ...(totals.get(repId) ?? { total: null, grade: '' }) }));
