import type { Person } from '../domain/model/people.js';
import { rank, type RankEntry } from '../domain/scoring/ranking.js';
import type { Period } from '../domain/period.js';
import type { AppDeps } from './deps.js';
import { requirePlaced } from './guards.js';
import { findTeam } from './people/find-team.js';
import { seesEveryone } from './permissions.js';
import { latestResults } from './cycle/frozen-report.js';
import { isPublished } from './cycle/reward-common.js';
import { employedDuring, scorePeriod } from './score-period.js';
import { rankingOptedOut, readSetting, type RankingPrivacy } from './settings.js';

export interface RankingResult {
  period: Period;
  team: { id: string; name: string } | null;
  /** The privacy mode that shaped this answer ('full' for HR and admins). */
  mode: RankingPrivacy['mode'];
  showScores: boolean;
  /** Set when the list was cut to the top N. */
  topN: number | null;
  entries: RankEntry[];
  /** The viewer's own place, when they are ranked. */
  own: RankEntry | null;
  rankedCount: number;
  teamNames: Map<string, string>;
  /** Reps without records (only shown to HR, admins and managers). */
  unrankedNames: string[];
}

/**
 * `/ranking [team] [period]`, as the privacy setting allows: full scores, ranks only, the top N,
 * or only the viewer's own position. People who opted out are left out of shared lists. HR and
 * admins always see the full ranking; everyone always sees their own place. With no actor the
 * audience is a shared channel: the privacy setting applies and nobody's own place is shown.
 */
export async function getRanking(deps: Pick<AppDeps, 'store' | 'clock' | 'logger'>, actor: Person | null, input: { period: Period; teamName?: string }): Promise<RankingResult> {
  if (actor) requirePlaced(actor, 'see the ranking');
  const teams = await deps.store.teams.find();
  const teamNames = new Map(teams.map((t) => [t.id, t.name]));
  let team: RankingResult['team'] = null;
  if (input.teamName) {
    const found = findTeam(teams, input.teamName);
    team = { id: found.id, name: found.name };
  }
  const ranking = await rankingOf(deps, input.period);
  const privacy = await readSetting(deps, 'ranking.privacy');
  const privileged = actor !== null && seesEveryone(actor);
  const mode = privileged ? 'full' : privacy.mode;
  const optedOut = privileged ? new Set<string>() : await rankingOptedOut(deps);

  let all = ranking.ranked;
  if (team) all = all.filter((e) => e.teamId === team!.id).map((e) => ({ ...e, rank: e.teamRank }));
  const own = (actor && all.find((e) => e.repId === actor.id)) ?? null;
  const shared = all.filter((e) => !optedOut.has(e.repId) || e.repId === actor?.id);
  const entries = mode === 'own_only' ? (own ? [own] : []) : mode === 'top_n' ? shared.filter((e) => e.rank <= privacy.topN) : shared;
  const showsMissing = privileged || (actor?.roles.includes('manager') ?? false);
  return {
    period: input.period,
    team,
    mode,
    showScores: mode === 'full' || mode === 'top_n',
    topN: mode === 'top_n' ? privacy.topN : null,
    entries,
    own,
    rankedCount: all.length,
    teamNames,
    unrankedNames: showsMissing ? ranking.unranked.filter((u) => !team || u.teamId === team.id).map((u) => u.name) : [],
  };
}

/**
 * The period's ranking. A published period ranks as it was published: each rep's latest result
 * (an accepted appeal's version included), whatever was logged since; the reps it did not grade
 * are unranked. Any other period ranks its live scores.
 */
async function rankingOf(deps: Pick<AppDeps, 'store' | 'clock' | 'logger'>, period: Period): Promise<{ ranked: RankEntry[]; unranked: { name: string; teamId?: string }[] }> {
  if (!(await isPublished(deps, period.key))) return (await scorePeriod(deps, period)).ranking;
  const [results, people] = await Promise.all([latestResults(deps, period.key), deps.store.people.find()]);
  const byId = new Map(people.map((p) => [p.id, p] as const));
  const team = (p: Person | undefined) => (p?.teamId ? { teamId: p.teamId } : {});
  const { ranked } = rank([...results.values()].map((r) => ({ card: r.scorecard, name: byId.get(r.repId)?.name ?? r.repId, ...team(byId.get(r.repId)) })));
  const unranked = people.filter((p) => employedDuring(p, period) && !results.has(p.id)).map((p) => ({ name: p.name, ...team(p) }));
  return { ranked, unranked };
}
