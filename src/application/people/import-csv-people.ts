import type { Locale } from '../../domain/model/fields.js';
import { PersonSchema, type Person, type Role, type Team } from '../../domain/model/people.js';
import { today } from '../guards.js';
import * as cell from './import-csv-cells.js';
import { RowCells } from './import-csv-issues.js';
import { checkRecord, compact, sameRecord, teamKey, teamsByKey, type Planner } from './import-csv-plan.js';

/** A person row after its cells are read; `undefined` = column absent (keep), `null` = empty cell (clear). */
interface PersonRow {
  cells: RowCells;
  identity: string;
  id: string;
  existing: Person | undefined;
  name: string | undefined;
  roles: Role[] | undefined;
  team: string | null | undefined;
  manager: string | null | undefined;
  joinDate: string | null | undefined;
  leaveDate: string | null | undefined;
  locale: Locale | null | undefined;
}

const COLUMN_OF: Record<string, string> = {
  name: 'name',
  roles: 'role',
  teamId: 'team',
  managerId: 'manager',
  joinDate: 'join_date',
  leaveDate: 'leave_date',
  identities: 'identity',
  locale: 'locale',
};

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x) => b.includes(x));

/**
 * People, matched by identity. New team names create teams; a `manager` row with a team becomes
 * that team's manager, and a team whose manager loses the role is left without one. An empty
 * manager cell means the team's manager. A manager named in a cell must be in the store or on an
 * earlier line (so the file reads top-down, managers first). Writes: new teams → new people →
 * updated people → links between new people → team managers, so every reference exists when written.
 */
export const planPeople: Planner = async (deps, actor, sheet, log) => {
  const now = deps.clock.now().toISOString();
  const stored = await deps.store.people.find();
  const byIdentity = new Map(stored.flatMap((p) => p.identities.map((i) => [i, p] as const)));
  const storedTeams = await deps.store.teams.find();
  const teamByKey = teamsByKey(storedTeams);
  const newTeams = new Map<string, Team>();

  // Pass 1: each row's own cells, duplicates, teams.
  const rows: PersonRow[] = [];
  const rowByIdentity = new Map<string, PersonRow>();
  for (const row of sheet.rows) {
    const c = new RowCells(row, log);
    const identity = c.need('identity', cell.identity);
    const r = {
      cells: c,
      name: c.need('name', cell.text(200)),
      roles: c.need('role', cell.roles),
      team: c.read('team', cell.text(200)),
      manager: c.read('manager', cell.identity),
      joinDate: c.read('join_date', cell.date),
      leaveDate: c.read('leave_date', cell.date),
      locale: c.read('locale', cell.locale),
    };
    if (identity === undefined) continue;
    const twin = rowByIdentity.get(identity);
    if (twin) {
      c.fail('identity', `${identity} is already on line ${twin.cells.line}`);
      continue;
    }
    const existing = byIdentity.get(identity);
    if (!existing && (r.joinDate === null || !c.has('join_date'))) c.fail('join_date', 'a new person needs a join date');
    if (existing?.id === actor.id && r.roles && !r.roles.includes('admin')) c.fail('role', 'you cannot remove your own admin role');
    if (r.team && !teamByKey.has(teamKey(r.team)) && !newTeams.has(teamKey(r.team))) {
      newTeams.set(teamKey(r.team), { id: deps.newId(), name: r.team, createdAt: now });
    }
    const personRow: PersonRow = { ...r, identity, existing, id: existing?.id ?? deps.newId() };
    rows.push(personRow);
    rowByIdentity.set(identity, personRow);
  }
  const teamOf = (name: string): Team => (teamByKey.get(teamKey(name)) ?? newTeams.get(teamKey(name)))!;

  // Team managers: set by `manager` rows with a team; dropped when the file takes the role away.
  const managerRowOf = new Map<string, PersonRow>();
  for (const r of rows) {
    if (!r.team || !r.roles?.includes('manager')) continue;
    const team = teamOf(r.team);
    const other = managerRowOf.get(team.id);
    if (other) r.cells.fail('team', `team '${team.name}' already has a manager on line ${other.cells.line}; a team has one manager`);
    else managerRowOf.set(team.id, r);
  }
  const demoted = new Set(rows.filter((r) => r.existing?.roles.includes('manager') && r.roles && !r.roles.includes('manager')).map((r) => r.id));
  const teamManager = (team: Team): string | undefined =>
    managerRowOf.get(team.id)?.id ?? (team.managerId && !demoted.has(team.managerId) ? team.managerId : undefined);
  const allTeams = new Map([...storedTeams, ...newTeams.values()].map((t) => [t.id, t]));

  /** The id of the manager a cell names, or undefined after logging why it cannot be. */
  function resolveManager(r: PersonRow, identity: string): string | undefined {
    const inFile = rowByIdentity.get(identity);
    const inStore = byIdentity.get(identity);
    if ((inFile ?? inStore)?.id === r.id) return r.cells.fail('manager', 'a person cannot manage themselves');
    if (!inStore && !inFile) return r.cells.fail('manager', `no person with identity ${identity} in the store or on an earlier line`);
    if (!inStore && inFile!.cells.line > r.cells.line) {
      return r.cells.fail('manager', `${identity} is only added on line ${inFile!.cells.line}; put managers above the people they manage`);
    }
    const roles = inFile?.roles ?? inStore?.roles;
    if (roles && !roles.includes('manager')) {
      return r.cells.fail('manager', `${identity} (${inFile?.name ?? inStore?.name}) is not a manager; give them the manager role`);
    }
    return (inStore ?? inFile)!.id;
  }

  // Pass 2: references, then the record each row becomes.
  const todayDate = today(deps);
  const creates: Person[] = [];
  const updates: Person[] = [];
  let unchanged = 0;
  for (const r of rows) {
    const c = r.cells;
    const teamId = r.team === undefined ? r.existing?.teamId : r.team === null ? undefined : teamOf(r.team).id;
    const teamChanged = r.team !== undefined && teamId !== r.existing?.teamId;
    const team = teamId ? allTeams.get(teamId) : undefined;
    const byTeam = team ? teamManager(team) : undefined;
    let managerId: string | undefined;
    if (r.manager) managerId = resolveManager(r, r.manager);
    else if (r.manager === null || !r.existing || teamChanged) managerId = byTeam === r.id ? undefined : byTeam;
    else managerId = r.existing.managerId;

    const leaveDate = r.leaveDate === undefined ? r.existing?.leaveDate : (r.leaveDate ?? undefined);
    const record = compact({
      ...(r.existing ?? { identities: [r.identity], createdAt: now }),
      id: r.id,
      name: r.name,
      roles: r.existing && r.roles && sameSet(r.roles, r.existing.roles) ? r.existing.roles : r.roles,
      teamId,
      managerId,
      joinDate: r.joinDate ?? r.existing?.joinDate,
      leaveDate,
      locale: r.locale ?? r.existing?.locale ?? 'en',
      // Someone still works on their last day; a leave date in the past makes them inactive.
      active: r.leaveDate === undefined ? (r.existing?.active ?? true) : !leaveDate || leaveDate >= todayDate,
      // An imported person is placed: a newcomer the bot registered on first use no longer is one.
      unplaced: undefined,
    });
    if (!c.ok) continue;
    const person = checkRecord(PersonSchema, record, c, COLUMN_OF);
    if (!person) continue;
    if (!r.existing) creates.push(person);
    else if (sameRecord(person, r.existing)) unchanged++;
    else updates.push(person);
  }

  const before = new Map(storedTeams.map((t) => [t.id, t.managerId]));
  const teamChanges = [...allTeams.values()].map((t) => compact({ ...t, managerId: teamManager(t) })).filter((t) => t.managerId !== before.get(t.id));
  const newIds = new Set(creates.map((p) => p.id));
  const linksToNew = creates.filter((p) => p.managerId && newIds.has(p.managerId));

  return {
    created: creates.length,
    updated: updates.length,
    unchanged,
    newTeams: [...newTeams.values()].map((t) => t.name),
    async write() {
      await deps.store.teams.insertMany([...newTeams.values()]);
      // A new person's new manager may come later in the file: insert unlinked, link below.
      await deps.store.people.insertMany(creates.map((p) => (p.managerId && newIds.has(p.managerId) ? compact({ ...p, managerId: undefined }) : p)));
      for (const p of updates) await deps.store.people.put(p);
      for (const p of linksToNew) await deps.store.people.put(p);
      for (const t of teamChanges) await deps.store.teams.put(t);
    },
  };
};
