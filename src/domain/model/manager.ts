import type { Person, Team } from './people.js';

/** What the rule reads about the organisation: a team's manager, whether a person is active. Maps fit. */
export interface OrgLookup {
  teams: { get(id: string): Pick<Team, 'managerId'> | null | undefined };
  people: { get(id: string): Pick<Person, 'active'> | null | undefined };
}

/**
 * Who may stand as a person's manager, in order: the manager named on the person, then the
 * manager of their team. Never the person: a player-coach who manages the team he sells in has no
 * manager of his own (what needs one about himself falls to HR).
 */
export function managerCandidates(person: Pick<Person, 'id' | 'managerId' | 'teamId'>, teams: OrgLookup['teams']): string[] {
  const ids = [person.managerId, person.teamId ? teams.get(person.teamId)?.managerId : undefined];
  return [...new Set(ids.filter((id): id is string => id !== undefined && id !== person.id))];
}

/**
 * "The rep's manager", the one meaning every use case shares (late-entry approvals, interviews,
 * awards, score adjustments, the calibration pack, results DMs, exports): the first candidate who
 * is still active, so a rep whose own manager left falls to the team's manager; null when none.
 */
export function managerIdOf(person: Pick<Person, 'id' | 'managerId' | 'teamId'>, org: OrgLookup): string | null {
  return managerCandidates(person, org.teams).find((id) => org.people.get(id)?.active === true) ?? null;
}
