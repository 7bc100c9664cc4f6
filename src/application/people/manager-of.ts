import { managerCandidates, managerIdOf } from '../../domain/model/manager.js';
import type { Person, Team } from '../../domain/model/people.js';
import type { AppDeps } from '../deps.js';

/**
 * The rep's manager as a person (see domain/model/manager.ts for the rule), loading only the rep's
 * team and the candidates. Null when the rep has none: a player-coach, a rep without a team, or
 * one whose managers have all left.
 */
export async function managerOf(deps: Pick<AppDeps, 'store'>, rep: Person): Promise<Person | null> {
  const team = rep.teamId ? await deps.store.teams.get(rep.teamId) : null;
  const teams = new Map<string, Team>(team ? [[team.id, team]] : []);
  const candidates = await Promise.all(managerCandidates(rep, teams).map((id) => deps.store.people.get(id)));
  const people = new Map(candidates.flatMap((p) => (p ? [[p.id, p] as const] : [])));
  const id = managerIdOf(rep, { teams, people });
  return id === null ? null : people.get(id)!;
}
