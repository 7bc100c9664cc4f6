import { compare, teamPeers } from '../../domain/scoring/analysis.js';
import { trendForecast } from '../../domain/scoring/forecast.js';
import type { PublishedResult } from '../../domain/model/cycle.js';
import type { Person, Team } from '../../domain/model/people.js';
import type { Scorecard } from '../../domain/model/scorecard.js';
import { nextPeriod, periodsBefore, parsePeriod, type Period } from '../../domain/period.js';
import type { AppDeps } from '../deps.js';
import type { ScorecardReport } from '../../domain/read-models/scorecard-report.js';
import { historyOf, HISTORY_PERIODS, pastTotals } from '../past-totals.js';
import { templateForPeriod } from '../templates.js';

/** The latest version of each rep's published result for a period (an accepted appeal supersedes, never overwrites). */
export async function latestResults(deps: Pick<AppDeps, 'store'>, periodKey: string, repIds?: readonly string[]): Promise<Map<string, PublishedResult>> {
  const rows = await deps.store.results.find(repIds ? { periodKey, repId: { in: repIds } } : { periodKey });
  const latest = new Map<string, PublishedResult>();
  for (const r of rows) if ((latest.get(r.repId)?.version ?? 0) < r.version) latest.set(r.repId, r);
  return latest;
}

/**
 * A published result explained as it was frozen: its own scorecard (whatever the live data has
 * become), compared with the team's published results and the rep's history (published results,
 * else the stored activities of periods never published: see pastTotals), with the trend's
 * forecast of the period after. The same question gets the same answer later.
 */
export async function frozenReport(
  deps: Pick<AppDeps, 'store' | 'clock'>,
  input: { rep: Person; team: Team | null; result: PublishedResult },
): Promise<ScorecardReport> {
  const { rep, result } = input;
  const card = result.scorecard;
  const period = parsePeriod(result.periodKey);
  const template = (await deps.store.templates.get(`${card.templateId}@${card.templateVersion}`)) ?? (await templateForPeriod(deps, period));
  const teammates = rep.teamId ? (await deps.store.people.find({ teamId: rep.teamId })).map((p) => p.id) : [rep.id];
  const team = await latestResults(deps, result.periodKey, teammates);
  team.set(rep.id, result);
  const history = historyOf(await pastTotals(deps, periodsBefore(period, HISTORY_PERIODS), { reps: [rep] }), rep.id);
  const previous = history[history.length - 1];
  const previousCard = previous && previous.total !== null ? ({ total: previous.total, noData: false } as Scorecard) : null;
  const totals = history.map((h) => h.total).filter((t): t is number => t !== null);
  return {
    rep,
    team: input.team,
    period,
    template,
    card,
    comparison: compare(card, [...team.values()].map((r) => r.scorecard), previousCard),
    teamPeerIds: teamPeers(card, [...team.values()].map((r) => r.scorecard)),
    pacing: null,
    provisional: false,
    history,
    forecast: trendForecast(template, [...totals, card.total], nextPeriod(period).key),
  };
}
