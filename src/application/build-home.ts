import type { LocalDate } from '../domain/dates.js';
import { hasRole, type Person, type Team } from '../domain/model/people.js';
import { quarterOf, type Period } from '../domain/period.js';
import { pacing } from '../domain/scoring/analysis.js';
import type { HomeData, TeamGlanceRow } from '../domain/read-models/home.js';
import type { AppDeps } from './deps.js';
import { recentEntries } from './entries/recent-entries.js';
import { getScorecard } from './get-scorecard.js';
import { today } from './guards.js';
import { manages } from './permissions.js';
import { employedDuring, scorePeriod } from './score-period.js';

export const HOME_RECENT = 10;

/** What the App Home shows a person: their quarter so far, their latest entries, and their team. */
export async function buildHome(deps: Pick<AppDeps, 'store' | 'clock' | 'settings' | 'logger'>, actor: Person): Promise<HomeData> {
  const now = today(deps);
  const period = quarterOf(now);
  const isRep = hasRole(actor, 'rep') && employedDuring(actor, period);
  const [scorecard, recent, team] = await Promise.all([
    isRep ? getScorecard(deps, { actor, repId: actor.id, period }) : null,
    recentEntries(deps, actor, { limit: HOME_RECENT }),
    hasRole(actor, 'manager') ? teamGlance(deps, actor, period, now) : null,
  ]);
  const canLog = hasRole(actor, 'rep') || hasRole(actor, 'manager');
  return { actor: { id: actor.id, name: actor.name }, period, today: now, canLog, scorecard, recent, team };
}

/** Every rep the manager manages (directly or through a team they lead), scored in one pass. */
async function teamGlance(deps: Pick<AppDeps, 'store' | 'clock' | 'settings'>, actor: Person, period: Period, now: LocalDate): Promise<TeamGlanceRow[]> {
  const teams = (await deps.store.teams.find()).filter((t) => t.managerId === actor.id);
  const [direct, inTeams] = await Promise.all([
    deps.store.people.find({ managerId: actor.id, active: true }),
    teams.length ? deps.store.people.find({ teamId: { in: teams.map((t) => t.id) }, active: true }) : [],
  ]);
  const teamOf = new Map<string, Team>(teams.map((t) => [t.id, t]));
  const reps = [...new Map([...direct, ...inTeams].map((p) => [p.id, p])).values()].filter(
    (p) => p.id !== actor.id && hasRole(p, 'rep') && manages(actor, p, (p.teamId && teamOf.get(p.teamId)) || null),
  );
  if (reps.length === 0) return [];
  const scores = await scorePeriod(deps, period, { reps });
  return [...scores.reps.values()]
    .map(({ rep, card, actuals, targets }) => {
      const visits = pacing(scores.template, period, now, rep.id, actuals, targets).indicators.find((i) => i.key === 'visits');
      return {
        repId: rep.id,
        name: rep.name,
        total: card.noData ? null : card.total,
        grade: card.grade,
        visits: visits ? { actual: visits.actual ?? 0, target: visits.target, projected: visits.projected, onPace: visits.onPace } : null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.repId.localeCompare(b.repId));
}
