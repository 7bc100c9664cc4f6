import type { Person } from '../domain/model/people.js';
import { withholdTeamAverage } from '../domain/scoring/analysis.js';
import type { AppDeps } from './deps.js';
import type { ScorecardReport } from '../domain/read-models/scorecard-report.js';
import { manages, seesEveryone } from './permissions.js';
import { rankingOptedOut, readSetting, type RankingPrivacy } from './settings.js';

/** What decides how much of the team behind a scorecard its viewer may learn. */
export interface ComparisonPrivacy {
  mode: RankingPrivacy['mode'];
  /** People left out of shared rankings (empty when HR forbids opting out). */
  optedOut: ReadonlySet<string>;
  /** Fewer other graded reps than this: no team comparison at all for a viewer without exact access. */
  minPeers: number;
}

export async function comparisonPrivacy(deps: Pick<AppDeps, 'store' | 'logger'>): Promise<ComparisonPrivacy> {
  const [privacy, policy, optedOut] = await Promise.all([readSetting(deps, 'ranking.privacy'), readSetting(deps, 'cycle.policy'), rankingOptedOut(deps)]);
  return { mode: privacy.mode, optedOut, minPeers: policy.teamComparisonFloor };
}

/**
 * The report as `viewer` may see it. HR, admins and the rep's manager see the exact team average.
 * Anyone else (the rep themselves) sees it exactly only under the `full` ranking mode, where every
 * teammate's score is on the ranking anyway, and only if none of the teammates behind it opted out.
 * Otherwise the average would give the teammate's total away (2-rep team: own total − delta) or
 * the others' sum, so it is withheld: a band when enough other reps stand behind it, else nothing.
 */
export function comparisonFor(viewer: Person, report: ScorecardReport, privacy: ComparisonPrivacy): ScorecardReport {
  // A player-coach reading his own card leads the team behind it (he sees every teammate's card): exact too.
  const leadsTeam = report.team !== null && report.team.managerId === viewer.id;
  if (seesEveryone(viewer) || leadsTeam || manages(viewer, report.rep, report.team)) return report;
  const peersPublic = privacy.mode === 'full' && !report.teamPeerIds.some((id) => privacy.optedOut.has(id));
  if (peersPublic) return report;
  return { ...report, comparison: withholdTeamAverage(report.comparison, report.teamPeerIds.length, privacy.minPeers) };
}
