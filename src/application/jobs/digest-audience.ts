import type { LocalDate } from '../../domain/dates.js';
import type { PlatformName } from '../../domain/model/delivery.js';
import { hasRole, type Person, type Team } from '../../domain/model/people.js';
import { mergeViews } from '../../views/digest-views.js';
import type { View } from '../../views/view.js';
import type { AppDeps } from '../deps.js';
import type { Delivery } from '../delivery/enqueue.js';
import { atLocalTime, dmTargetOf } from './recipients.js';

/** Who reads the digests (managers of teams, HR) and how reps group into teams, shared by both digest jobs. */

export interface TeamGroup<R> {
  teamId: string | null;
  /** Null for reps without a team. */
  name: string | null;
  members: R[];
}

/** Reps grouped by team, teams by name, reps without a team last. */
export function groupByTeam<R extends { rep: Person }>(reps: Iterable<R>, teams: readonly Team[]): TeamGroup<R>[] {
  const byId = new Map(teams.map((t) => [t.id, t]));
  const groups = new Map<string | null, TeamGroup<R>>();
  for (const r of reps) {
    const team = r.rep.teamId ? byId.get(r.rep.teamId) : undefined;
    const key = team?.id ?? null;
    if (!groups.has(key)) groups.set(key, { teamId: key, name: team?.name ?? null, members: [] });
    groups.get(key)!.members.push(r);
  }
  return [...groups.values()].sort((a, b) => (a.name === null ? 1 : b.name === null ? -1 : a.name.localeCompare(b.name)));
}

/** Everyone who gets a digest: active managers with the teams they manage, and active HR. */
export function digestReaders(people: readonly Person[], teams: readonly Team[]): { person: Person; teamIds: string[]; hr: boolean }[] {
  return people
    .filter((p) => p.active)
    .map((p) => ({ person: p, teamIds: hasRole(p, 'manager') ? teams.filter((t) => t.managerId === p.id).map((t) => t.id) : [], hr: hasRole(p, 'hr') }))
    .filter((r) => r.teamIds.length > 0 || r.hr);
}

/**
 * One DM per person at 09:00 their time on the run's date; a person with several roles (a manager
 * who is also HR) gets their views in one message, since the outbox keeps one message per recipient.
 */
export function dmOf(
  deps: Pick<AppDeps, 'settings'>,
  input: { job: string; runKey: string; date: LocalDate; platforms: readonly PlatformName[] },
  person: Person,
  views: readonly View[],
): Delivery | null {
  const to = dmTargetOf(person, input.platforms);
  if (!to || views.length === 0) return null;
  const view = views.length === 1 ? views[0]! : mergeViews(views);
  return { job: input.job, runKey: input.runKey, ...to, message: { text: view.title, view }, notBefore: atLocalTime(deps, person, input.date, 9) };
}
