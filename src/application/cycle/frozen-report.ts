import { compare, teamPeers } from '../../domain/scoring/analysis.js';
import { linearForecast } from '../../domain/scoring/forecast.js';
import type { PublishedResult } from '../../domain/model/cycle.js';
import type { Person, Team } from '../../domain/model/people.js';
import type { Scorecard } from '../../domain/model/scorecard.js';
import { periodsBefore, parsePeriod } from '../../domain/period.js';
import type { AppDeps } from '../deps.js';
import type { ScorecardReport } from '../../domain/read-models/scorecard-report.js';
import { templateForPeriod } from '../templates.js';

const HISTORY = 4;

/** The latest version of each rep's published result for a period (an accepted appeal supersedes, never overwrites). */
export async function latestResults(deps: Pick<AppDeps, 'store'>, periodKey: string, repIds?: readonly string[]): Promise<Map<string, PublishedResult>> {
  const rows = await deps.store.results.find(repIds ? { periodKey, repId: { in: repIds } } : { periodKey });
  const latest = new Map<string, PublishedResult>();
  for (const r of rows) if ((latest.get(r.repId)?.version ?? 0) < r.version) latest.set(r.repId, r);
  return latest;
}

/**
 * A published result explained as it was frozen: its own scorecard (whatever the live data has
 * become), compared with the team's published results and the rep's own published history.
 * Everything comes from frozen results, so the same question gets the same answer later.
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
  const history = [];
  for (const p of periodsBefore(period, HISTORY)) {
    const past = (await latestResults(deps, p.key, [rep.id])).get(rep.id);
    history.push({ periodKey: p.key, total: past ? past.scorecard.total : null, grade: past?.scorecard.grade ?? '' });
  }
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
    history,
    forecast: linearForecast([...totals, card.total]),
  };
}
