import { AppError } from '../domain/errors.js';
import { todayIn } from '../domain/dates.js';
import { compare, pacing, teamPeers } from '../domain/scoring/analysis.js';
import { trendForecast } from '../domain/scoring/forecast.js';
import type { Person, Team } from '../domain/model/people.js';
import type { Scorecard } from '../domain/model/scorecard.js';
import { nextPeriod, periodsBefore, type Period } from '../domain/period.js';
import type { ScorecardReport } from '../domain/read-models/scorecard-report.js';
import type { AppDeps } from './deps.js';
import { frozenReport, latestResults } from './cycle/frozen-report.js';
import { requirePlaced } from './guards.js';
import { assertCanViewScorecard } from './permissions.js';
import { scorePeriod, type PeriodScores } from './score-period.js';
import { historyOf, HISTORY_PERIODS, pastTotals, type PastTotals } from './past-totals.js';
import { comparisonFor, comparisonPrivacy } from './team-comparison.js';

/**
 * The full explained scorecard of one rep, with the team comparison, the previous period, pacing
 * while the period runs, and the trend with a forecast. The actor must be allowed to see it, and
 * sees the team comparison only as far as it reveals nobody else's figures (team-comparison.ts).
 */
export async function getScorecard(
  deps: Pick<AppDeps, 'store' | 'clock' | 'settings' | 'logger'>,
  input: { actor: Person; repId: string; period: Period },
): Promise<ScorecardReport> {
  const [report, privacy] = await Promise.all([explainedScorecard(deps, input), comparisonPrivacy(deps)]);
  return comparisonFor(input.actor, report, privacy);
}

async function explainedScorecard(
  deps: Pick<AppDeps, 'store' | 'clock' | 'settings' | 'logger'>,
  input: { actor: Person; repId: string; period: Period },
): Promise<ScorecardReport> {
  if (input.repId !== input.actor.id) requirePlaced(input.actor, "see someone else's scorecard");
  const { store } = deps;
  const rep = await store.people.get(input.repId);
  if (!rep) throw new AppError('NOT_FOUND', `no person with id ${input.repId}`, { params: { messageId: 'error.unknownPerson' } });
  const team = rep.teamId ? await store.teams.get(rep.teamId) : null;
  assertCanViewScorecard(input.actor, rep, team);
  // A published period answers with the frozen result (its latest version), never live scores.
  const published = (await latestResults(deps, input.period.key, [rep.id])).get(rep.id);
  if (published) return frozenReport(deps, { rep, team, result: published });

  const teammates = rep.teamId ? await store.people.find({ teamId: rep.teamId }) : [rep];
  const current = await scorePeriod(deps, input.period, { reps: teammates });
  const mine = current.reps.get(rep.id);
  if (!mine) {
    throw new AppError('NOT_FOUND', `${rep.name} was not a rep during ${input.period.key}`, {
      params: { messageId: 'error.notRepInPeriod', name: rep.name, period: input.period.key },
    });
  }

  const past = await pastTotals(deps, periodsBefore(input.period, HISTORY_PERIODS), { reps: [rep] });
  // Who typed the satisfaction ratings: the rep, or the customer on a survey page (both count equally).
  const feedback = await store.feedback.find({ repId: rep.id, date: { gte: input.period.from, lte: input.period.to } });
  const customer = feedback.filter((f) => f.enteredBy === 'customer').length;
  return { ...assembleReport(deps, { rep, team, current, past }), feedbackSources: { rep: feedback.length - customer, customer } };
}

/**
 * A rep's report from the scored current period (with the rep's team in it, for the team average)
 * and the previous periods' totals (oldest first: published where published, see past-totals.ts).
 * Shared by the one-rep query above and by jobs that report on every rep at once (which score or
 * read each period once for everybody). `final`
 * (a publication's result) is never provisional and has no pace, however early it was published.
 */
export function assembleReport(
  deps: Pick<AppDeps, 'clock' | 'settings'>,
  input: { rep: Person; team: Team | null; current: PeriodScores; past: readonly PastTotals[]; final?: boolean },
): ScorecardReport {
  const { rep, current } = input;
  const period = current.period;
  const mine = current.reps.get(rep.id)!;
  const history = historyOf(input.past, rep.id);
  const previous = history[history.length - 1];
  const previousCard = previous && previous.total !== null ? ({ total: previous.total, noData: false } as Scorecard) : null;

  const today = todayIn(deps.settings.companyTimeZone, deps.clock.now());
  const running = !input.final && today >= period.from && today <= period.to;
  const teamCards = rep.teamId ? teamCardsOf(current).get(rep.teamId) ?? [] : [mine.card];
  const totals = history.map((h) => h.total).filter((t): t is number => t !== null);
  return {
    rep,
    team: input.team,
    period,
    template: current.template,
    card: mine.card,
    comparison: compare(mine.card, teamCards, previousCard),
    teamPeerIds: teamPeers(mine.card, teamCards),
    pacing: running ? pacing(current.template, period, today, rep.id, mine.actuals, mine.targets, mine.card) : null,
    provisional: running,
    history,
    // While the period runs the line forecasts it; once over, its total joins the line and the next one is forecast.
    forecast: trendForecast(current.template, running ? totals : mine.card.noData ? null : [...totals, mine.card.total], (running ? period : nextPeriod(period)).key),
    leave: mine.leave,
  };
}

/**
 * The cards of a scored period by team, in the period's rep order. Grouped once per scored period
 * rather than filtered for every report: a round over 5,000 reps would otherwise walk every card
 * 5,000 times.
 */
const teamCardsCache = new WeakMap<PeriodScores, Map<string, Scorecard[]>>();
function teamCardsOf(scores: PeriodScores): Map<string, Scorecard[]> {
  let byTeam = teamCardsCache.get(scores);
  if (!byTeam) {
    byTeam = new Map();
    for (const s of scores.reps.values()) {
      if (!s.rep.teamId) continue;
      const cards = byTeam.get(s.rep.teamId);
      if (cards) cards.push(s.card);
      else byTeam.set(s.rep.teamId, [s.card]);
    }
    teamCardsCache.set(scores, byTeam);
  }
  return byTeam;
}
