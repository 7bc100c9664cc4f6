import { localParts } from '../../domain/dates.js';
import { managerIdOf } from '../../domain/model/manager.js';
import type { Person, Team } from '../../domain/model/people.js';
import type { AppDeps } from '../deps.js';

/**
 * Names for the ids a record holds (reps, teams, managers, whoever acted), read once per export;
 * a person who has since been deleted shows as their id.
 */
export interface Directory {
  /** A person's or a team's name. */
  name(id: string | undefined): string;
  person(id: string): Person | undefined;
  teamName(person: Person | undefined): string;
  /** The rep's manager: their own, else their team's. */
  managerName(person: Person | undefined): string;
}

export async function loadDirectory(deps: Pick<AppDeps, 'store'>): Promise<Directory> {
  const [people, teams] = await Promise.all([deps.store.people.find(), deps.store.teams.find()]);
  const byId = new Map(people.map((p) => [p.id, p]));
  const teamById = new Map<string, Team>(teams.map((t) => [t.id, t]));
  // Audit entries name teams too (a team's target): a person first, then a team, else the id.
  const name = (id: string | undefined): string => (id === undefined ? '' : (byId.get(id)?.name ?? teamById.get(id)?.name ?? id));
  return {
    name,
    person: (id) => byId.get(id),
    teamName: (p) => (p?.teamId ? (teamById.get(p.teamId)?.name ?? p.teamId) : ''),
    managerName: (p) => {
      const id = p ? managerIdOf(p, { teams: teamById, people: byId }) : null;
      return id === null ? '' : name(id);
    },
  };
}

/** "2026-11-26 10:05": an instant on the company's wall clock (the header names the zone). */
export function companyTime(deps: Pick<AppDeps, 'settings'>, iso: string): string {
  const p = localParts(new Date(iso), deps.settings.companyTimeZone);
  return `${p.date} ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}
