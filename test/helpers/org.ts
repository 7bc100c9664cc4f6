import type { Person } from '../../src/domain/model/people.js';
import type { Store } from '../../src/ports/store.js';
import { aPerson, aVisit, T0 } from './builders.js';

export { T0 };

/** A person record named after its id, in no team, joined in 2024. */
export function person(id: string, over: Partial<Person> = {}): Person {
  return aPerson({ id, joinDate: '2024-01-01', ...over });
}

/**
 * A small organisation: team "east" managed by `mgr` with reps `ann` and `bob`, team "west" managed
 * by `mgr2` with rep `cat`, an HR person `hr` and two accounts.
 */
export async function smallOrg(store: Store): Promise<void> {
  await store.teams.insertMany([
    { id: 'east', name: 'East', createdAt: T0 },
    { id: 'west', name: 'West', createdAt: T0 },
  ]);
  await store.people.insertMany([
    person('mgr', { roles: ['manager'], teamId: 'east' }),
    person('mgr2', { roles: ['manager'], teamId: 'west' }),
    person('hr', { roles: ['hr'] }),
    person('ann', { teamId: 'east', managerId: 'mgr', identities: ['slack:UANN'] }),
    person('bob', { teamId: 'east', managerId: 'mgr' }),
    person('cat', { teamId: 'west', managerId: 'mgr2' }),
  ]);
  await store.teams.put({ id: 'east', name: 'East', managerId: 'mgr', createdAt: T0 });
  await store.teams.put({ id: 'west', name: 'West', managerId: 'mgr2', createdAt: T0 });
  await store.accounts.insertMany([
    { id: 'acme', name: 'Acme', nameKey: 'acme', tier: 'A', ownerId: 'ann', createdAt: T0 },
    { id: 'globex', name: 'Globex', nameKey: 'globex', tier: 'strategic', ownerId: 'bob', createdAt: T0 },
  ]);
}

/** `n` visits by a rep to an account, spread from a first date. */
export function visits(repId: string, accountId: string, n: number, first: string, prefix = `${repId}-v`) {
  return Array.from({ length: n }, (_, i) =>
    aVisit({
      id: `${prefix}${i}`,
      repId,
      accountId,
      date: `${first.slice(0, 8)}${String(Math.min(28, Number(first.slice(8)) + (i % 20))).padStart(2, '0')}`,
    }),
  );
}
