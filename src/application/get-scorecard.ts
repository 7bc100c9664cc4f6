import { AppError } from '../domain/errors.js';
import { todayIn } from '../domain/dates.js';
import { compare, pacing, type Comparison, type Pacing } from '../domain/scoring/analysis.js';
import { linearForecast, type Forecast } from '../domain/scoring/forecast.js';
import type { Person, Team } from '../domain/model/people.js';
import type { Scorecard } from '../domain/model/scorecard.js';
import type { KpiTemplate } from '../domain/model/template.js';
import { periodsBefore, type Period } from '../domain/period.js';
import type { AppDeps } from './deps.js';
import { assertCanViewScorecard } from './permissions.js';
import { scorePeriod } from './score-period.js';

export interface ScorecardReport {
  rep: Person;
  team: Team | null;
  period: Period;
  template: KpiTemplate;
  card: Scorecard;
  comparison: Comparison;
  /** Only while the period is running. */
  pacing: Pacing | null;
  /** Totals of the previous periods, oldest first (null where the rep had no data). */
  history: { periodKey: string; total: number | null; grade: string }[];
  forecast: Forecast | null;
}

export const HISTORY_PERIODS = 4;

/**
 * The full explained scorecard of one rep, with the team comparison, the previous period, pacing
 * while the period runs, and the trend with a forecast. The actor must be allowed to see it.
 */
export async function getScorecard(
  deps: Pick<AppDeps, 'store' | 'clock' | 'settings'>,
  input: { actor: Person; repId: string; period: Period },
): Promise<ScorecardReport> {
  const { store } = deps;
  const rep = await store.people.get(input.repId);
  if (!rep) throw new AppError('NOT_FOUND', `no person with id ${input.repId}`, { params: { messageId: 'error.unknownPerson' } });
  const team = rep.teamId ? await store.teams.get(rep.teamId) : null;
  assertCanViewScorecard(input.actor, rep, team);

  const teammates = rep.teamId ? await store.people.find({ teamId: rep.teamId }) : [rep];
  const current = await scorePeriod(deps, input.period, { reps: teammates });
  const mine = current.reps.get(rep.id);
  if (!mine) {
    throw new AppError('NOT_FOUND', `${rep.name} was not a rep during ${input.period.key}`, {
      params: { messageId: 'error.notRepInPeriod', name: rep.name, period: input.period.key },
    });
  }

  const past = periodsBefore(input.period, HISTORY_PERIODS);
  const history = [];
  for (const p of past) {
    const scored = (await scorePeriod(deps, p, { reps: [rep] })).reps.get(rep.id);
    history.push({ periodKey: p.key, total: scored && !scored.card.noData ? scored.card.total : null, grade: scored?.card.grade ?? '' });
  }
  const previous = history[history.length - 1];
  const previousCard = previous && previous.total !== null ? ({ total: previous.total, noData: false } as Scorecard) : null;

  const today = todayIn(deps.settings.companyTimeZone, deps.clock.now());
  const running = today >= input.period.from && today <= input.period.to;
  const teamCards = [...current.reps.values()].map((s) => s.card);
  const totals = history.map((h) => h.total).filter((t): t is number => t !== null);
  return {
    rep,
    team,
    period: input.period,
    template: current.template,
    card: mine.card,
    comparison: compare(mine.card, teamCards, previousCard),
    pacing: running ? pacing(current.template, input.period, today, rep.id, mine.actuals, mine.targets) : null,
    history,
    forecast: linearForecast(mine.card.noData || running ? totals : [...totals, mine.card.total]),
  };
}
