import { describe, expect, it } from 'vitest';
import type { Store } from '../../../src/ports/store.js';
import { account, activity, payment, person, seedFixtures, team } from '../fixtures.js';
import { expectAppError, issuePaths } from './harness.js';

/** delete (with its refusal to orphan records) and insertMany (all or nothing). */
export function removalAndBatchesContract(store: () => Store): void {
  describe('delete', () => {
    it('deletes a record once: true, then false', async () => {
      await seedFixtures(store());
      expect(await store().activities.delete('act-1')).toBe(true);
      expect(await store().activities.get('act-1')).toBeNull();
      expect(await store().activities.delete('act-1')).toBe(false);
      expect(await store().activities.count()).toBe(6);
    });

    it('refuses with CONFLICT to delete a record others point at, and deletes it once they are gone', async () => {
      await seedFixtures(store());
      await expectAppError(store().deals.delete('deal-1'), 'CONFLICT');
      await expectAppError(store().accounts.delete('acc-1'), 'CONFLICT');
      await expectAppError(store().teams.delete('t-east'), 'CONFLICT');
      expect(await store().deals.get('deal-1')).not.toBeNull();
      expect(await store().payments.delete('pay-1')).toBe(true);
      expect(await store().payments.delete('pay-2')).toBe(true);
      expect(await store().deals.delete('deal-1')).toBe(true);
    });

    it('follows references whose target depends on the record (targets.scopeId)', async () => {
      await store().people.insert(person('same-id'));
      await store().teams.insert(team('same-id'));
      await store().targets.insert({ id: 'tg', periodKey: '2026-Q1', indicator: 'visits', scope: 'rep', scopeId: 'same-id', value: 5, createdAt: '2026-01-01T00:00:00Z' });
      // The target points at the person, not at the team that happens to share the id.
      expect(await store().teams.delete('same-id')).toBe(true);
      await expectAppError(store().people.delete('same-id'), 'CONFLICT');
    });

    it('frees a deleted person’s identities', async () => {
      await seedFixtures(store());
      await store().people.insert(person('leaver', { identities: ['slack:ULEAVE1'] }));
      expect(await store().people.delete('leaver')).toBe(true);
      expect(await store().personByIdentity('slack:ULEAVE1')).toBeNull();
      expect(await store().people.insert(person('joiner', { identities: ['slack:ULEAVE1'] }))).toMatchObject({ created: true });
    });
  });

  describe('insertMany', () => {
    it('inserts every record and returns how many were stored; later records may point at earlier ones', async () => {
      const n = await store().people.insertMany([person('boss', { roles: ['manager'] }), person('worker', { managerId: 'boss' })]);
      expect(n).toBe(2);
      expect((await store().people.get('worker'))?.managerId).toBe('boss');
      expect(await store().people.insertMany([])).toBe(0);
    });

    it('stores nothing when one record is invalid', async () => {
      await seedFixtures(store());
      const batch = [activity('b-1', 'rep-a', 'acc-1', '2026-02-01'), activity('b-2', 'rep-a', 'acc-1', 'yesterday')];
      expect(issuePaths(await expectAppError(store().activities.insertMany(batch), 'VALIDATION'))).toContain('date');
      expect(await store().activities.get('b-1')).toBeNull();
    });

    it('stores nothing when one record points at nothing', async () => {
      await seedFixtures(store());
      const batch = [activity('b-1', 'rep-a', 'acc-1', '2026-02-01'), activity('b-2', 'rep-b', 'acc-2', '2026-02-02'), activity('b-3', 'rep-a', 'acc-404', '2026-02-03')];
      expect(issuePaths(await expectAppError(store().activities.insertMany(batch), 'REFERENCE'))).toEqual(['accountId']);
      expect(await store().activities.count({ id: { in: ['b-1', 'b-2', 'b-3'] } })).toBe(0);
      expect(await store().activities.count()).toBe(7);
    });

    it('stores nothing when one record breaks a unique key, in the store or within the batch', async () => {
      await seedFixtures(store());
      await expectAppError(store().accounts.insertMany([account('n-1', 'Northwind'), account('n-2', 'ACME INDUSTRIAL', { nameKey: 'acme industrial' })]), 'CONFLICT');
      await expectAppError(store().accounts.insertMany([account('n-1', 'Northwind'), account('n-2', 'Northwind')]), 'CONFLICT');
      await expectAppError(store().people.insertMany([person('p-1', { identities: ['slack:UNEW001'] }), person('p-2', { identities: ['slack:UNEW001'] })]), 'CONFLICT');
      await expectAppError(store().payments.insertMany([payment('pay-7', 'deal-4', 'rep-a', 1000, '2026-06-15', '2026-06-01'), payment('pay-1', 'deal-4', 'rep-a', 1000, '2026-06-15', '2026-06-01')]), 'CONFLICT');
      expect(await store().accounts.count()).toBe(7);
      expect(await store().accounts.get('n-1')).toBeNull();
      expect(await store().people.get('p-1')).toBeNull();
      expect(await store().payments.get('pay-7')).toBeNull();
      expect((await store().payments.get('pay-1'))?.dealId).toBe('deal-1');
    });

    it('skips records whose request was already stored, and does not count them', async () => {
      await seedFixtures(store());
      await store().activities.insert(activity('r-1', 'rep-a', 'acc-1', '2026-02-01', { requestId: 'req-1' }));
      const n = await store().activities.insertMany([
        activity('r-2', 'rep-a', 'acc-1', '2026-02-02', { requestId: 'req-1' }),
        activity('r-3', 'rep-a', 'acc-1', '2026-02-03', { requestId: 'req-3' }),
      ]);
      expect(n).toBe(1);
      expect(await store().activities.get('r-2')).toBeNull();
      expect(await store().activities.get('r-3')).not.toBeNull();
    });
  });
}
