import { AppError } from '../../domain/errors.js';
import { normaliseLine } from '../../domain/text.js';
import type { Person, Team } from '../../domain/model/people.js';
import type { AppDeps } from '../deps.js';
import { requireRole } from '../guards.js';
import { matchTeam } from './find-team.js';

/** Every admin change is in the audit log: who did what to whom, and when. */
async function audit(deps: AppDeps, actor: Person, action: string, subjectId: string, details: Record<string, unknown>): Promise<void> {
  await deps.store.audit.insert({ id: deps.newId(), at: deps.clock.now().toISOString(), actorId: actor.id, action, subjectId, details });
}

/** The person without the newcomer mark (see Person.unplaced). */
export function placed(p: Person): Person {
  const { unplaced: _unplaced, ...rest } = p;
  return rest;
}

async function subjectOf(deps: AppDeps, id: string): Promise<Person> {
  const p = await deps.store.people.get(id);
  if (!p) throw new AppError('NOT_FOUND', `no person ${id}`, { params: { messageId: 'error.unknownPerson' } });
  return p;
}

/** What a team assignment would do, checked as the assignment checks it, without writing: the confirmation shows this. */
export interface TeamPreview {
  person: Person;
  /** The team the words name, or null when the assignment creates `name`. */
  team: Team | null;
  name: string;
  manager?: Person;
}

export async function previewTeam(deps: AppDeps, actor: Person, input: { personId: string; teamName: string; managerId?: string }): Promise<TeamPreview> {
  requireRole(actor, ['admin'], 'assign teams');
  const name = normaliseLine(input.teamName).trim();
  if (!name || name.length > 200) {
    throw new AppError('VALIDATION', 'a team needs a name', { params: { messageId: 'error.teamName' }, issues: [{ path: 'team', message: 'give the team a name' }] });
  }
  const person = await subjectOf(deps, input.personId);
  const manager = input.managerId ? await subjectOf(deps, input.managerId) : undefined;
  // "team @ann East" puts ann in "East China 华东" when that is the one team the words name.
  const team = matchTeam(await deps.store.teams.find(), name);
  return { person, team: team ?? null, name, ...(manager ? { manager } : {}) };
}

/**
 * `/appraisal-admin team @user <team> [manager @m]`: puts a person in a team (created on first
 * use), optionally setting the team's manager, who then sees the team's scorecards.
 */
export async function assignTeam(deps: AppDeps, actor: Person, input: { personId: string; teamName: string; managerId?: string }): Promise<{ person: Person; team: Team; teamCreated: boolean }> {
  const { person: subject, team: found, name, manager } = await previewTeam(deps, actor, input);
  let team = found;
  const teamCreated = !team;
  if (!team) team = await deps.store.teams.put({ id: deps.newId(), name, createdAt: deps.clock.now().toISOString() });
  if (manager) {
    team = await deps.store.teams.put({ ...team, managerId: manager.id });
    if (!manager.roles.includes('manager')) await deps.store.people.put({ ...manager, roles: [...manager.roles, 'manager'] });
  }
  const person = await deps.store.people.put({
    ...placed(subject),
    teamId: team.id,
    ...(team.managerId && team.managerId !== subject.id ? { managerId: team.managerId } : {}),
  });
  await audit(deps, actor, 'team.assign', subject.id, { team: team.name, teamId: team.id, ...(manager ? { managerId: manager.id } : {}) });
  return { person, team, teamCreated };
}
