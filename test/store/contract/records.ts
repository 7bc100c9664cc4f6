import { describe, expect, it } from 'vitest';
import { validateRecord } from '../../../src/domain/records.js';
import type { Store } from '../../../src/ports/store.js';
import { activity, account, collectionOf, fixtureBatches, peerReview, person, seedFixtures } from '../fixtures.js';
import { expectAppError, issuePaths } from './harness.js';

/** Writes of single records: round trips, refusals, idempotency, unique keys, replacement. */
export function recordsContract(store: () => Store): void {
  describe('insert and get', () => {
    it('round-trips a record of every collection exactly as validated (defaults applied)', async () => {
      for (const b of fixtureBatches({ cycles: true })) {
        const coll = collectionOf(store(), b.name);
        for (const input of b.records) {
          const expected = validateRecord(b.name, input);
          const inserted = await coll.insert(input as never);
          expect(inserted, `${b.name} ${expected.id}`).toEqual({ record: expected, created: true });
          expect(await coll.get(expected.id), `${b.name} ${expected.id}`).toEqual(expected);
        }
      }
      // Defaults the caller left out are stored: a person is active and speaks English.
      expect(await store().people.get('rep-a')).toMatchObject({ locale: 'en', active: true });
      expect(await store().activities.get('act-1')).toMatchObject({ mode: 'in_person' });
    });

    it('returns null for an id that was never stored', async () => {
      expect(await store().people.get('nobody')).toBeNull();
    });
  });

  describe('refusals change nothing', () => {
    it('refuses an invalid record with VALIDATION naming each bad field', async () => {
      await seedFixtures(store());
      const bad = { ...activity('act-bad', 'rep-a', 'acc-1', '2026-02-30'), contacts: Array(21).fill('x') };
      const e = await expectAppError(store().activities.insert(bad), 'VALIDATION');
      expect(issuePaths(e)).toEqual(expect.arrayContaining(['date', 'contacts']));
      expect(await store().activities.get('act-bad')).toBeNull();

      const rating = await expectAppError(
        store().feedback.insert({ id: 'fb-bad', repId: 'rep-a', accountId: 'acc-1', date: '2026-02-01', service: 6, product: 0, source: 'customer', createdAt: '2026-02-01T00:00:00Z' }),
        'VALIDATION',
      );
      expect(issuePaths(rating)).toEqual(expect.arrayContaining(['service', 'product']));
      const { accountId: _drop, ...missing } = activity('act-missing', 'rep-a', 'acc-1', '2026-02-01');
      expect(issuePaths(await expectAppError(store().activities.insert(missing as never), 'VALIDATION'))).toContain('accountId');
      expect(await store().feedback.count()).toBe(4);
      expect(await store().activities.count()).toBe(7);
    });

    it('refuses a record pointing at nothing with REFERENCE, and stores nothing', async () => {
      await seedFixtures(store());
      const e = await expectAppError(store().activities.insert(activity('act-x', 'ghost', 'acc-1', '2026-02-01')), 'REFERENCE');
      expect(issuePaths(e)).toEqual(['repId']);
      expect(await store().activities.get('act-x')).toBeNull();

      // The target of targets.scopeId depends on the scope: a team target must name a team.
      const target = { id: 'tg-x', periodKey: '2026-Q1', indicator: 'visits', scope: 'team', scopeId: 'rep-a', value: 10, createdAt: '2026-01-01T00:00:00Z' } as const;
      expect(issuePaths(await expectAppError(store().targets.insert(target), 'REFERENCE'))).toEqual(['scopeId']);
      expect(await store().targets.insert({ ...target, scope: 'rep' })).toMatchObject({ created: true });
      expect(await store().activities.count()).toBe(7);
    });
  });

  describe('requestId idempotency', () => {
    it('stores a submission once and answers a retry with the first record', async () => {
      await seedFixtures(store());
      const first = activity('act-r1', 'rep-a', 'acc-1', '2026-02-02', { requestId: 'slack:trigger-1' });
      const retry = activity('act-r2', 'rep-a', 'acc-2', '2026-02-03', { requestId: 'slack:trigger-1' });
      expect(await store().activities.insert(first)).toEqual({ record: validateRecord('activities', first), created: true });
      expect(await store().activities.insert(retry)).toEqual({ record: validateRecord('activities', first), created: false });
      expect(await store().activities.get('act-r2')).toBeNull();
      expect(await store().activities.count({ repId: 'rep-a' })).toBe(5);
      // The same request id in another collection is another request.
      expect(await store().intel.insert({ id: 'in-r', repId: 'rep-a', date: '2026-02-02', topic: 't', text: 'x', requestId: 'slack:trigger-1', createdAt: '2026-02-02T00:00:00Z' })).toMatchObject({ created: true });
    });
  });

  describe('unique keys', () => {
    it('refuses a second account with the same name key with CONFLICT', async () => {
      await seedFixtures(store());
      await expectAppError(store().accounts.insert(account('acc-dup', 'Acme Industrial')), 'CONFLICT');
      expect(await store().accounts.get('acc-dup')).toBeNull();
      expect(await store().accounts.count({ nameKey: 'acme industrial' })).toBe(1);
    });

    it('refuses a second review of the same peer in the same period, and allows the next period', async () => {
      await seedFixtures(store());
      await expectAppError(store().peerReviews.insert(peerReview('pr-dup', 'rep-b', 'rep-a', '2026-Q1', 1, '2026-03-30')), 'CONFLICT');
      expect(await store().peerReviews.get('pr-dup')).toBeNull();
      expect(await store().peerReviews.insert(peerReview('pr-q3', 'rep-b', 'rep-a', '2026-Q3', 1, '2026-09-30'))).toMatchObject({ created: true });
    });

    it('refuses a platform identity that already belongs to another person', async () => {
      await seedFixtures(store());
      await expectAppError(store().people.insert(person('rep-new', { identities: ['lark:ou_repa01'] })), 'CONFLICT');
      expect(await store().people.get('rep-new')).toBeNull();
      await expectAppError(store().people.put(person('rep-c', { teamId: 't-west', identities: ['slack:UREPB01'] })), 'CONFLICT');
      expect((await store().people.get('rep-c'))?.identities).toEqual([]);
      expect((await store().personByIdentity('slack:UREPB01'))?.id).toBe('rep-b');
      // Listing one identity twice in the same person is refused too, rather than silently kept.
      await expectAppError(store().people.insert(person('rep-twice', { identities: ['slack:UTWICE1', 'slack:UTWICE1'] })), 'CONFLICT');
      expect(await store().people.get('rep-twice')).toBeNull();
    });

    it('refuses an id that is already taken with CONFLICT', async () => {
      await seedFixtures(store());
      await expectAppError(store().accounts.insert(account('acc-1', 'Another Name')), 'CONFLICT');
      expect((await store().accounts.get('acc-1'))?.name).toBe('Acme Industrial');
    });
  });

  describe('put', () => {
    it('replaces the record with the same id, or inserts a new one', async () => {
      await seedFixtures(store());
      const renamed = account('acc-1', 'Acme Industrial Group', { tier: 'strategic', ownerId: 'rep-a' });
      expect(await store().accounts.put(renamed)).toEqual(validateRecord('accounts', renamed));
      expect(await store().accounts.get('acc-1')).toEqual(validateRecord('accounts', renamed));
      expect(await store().accounts.count({ nameKey: 'acme industrial' })).toBe(0);
      expect((await store().accounts.find({ tier: 'strategic' })).map((r) => r.id).sort()).toEqual(['acc-1', 'acc-2']);
      await store().accounts.put(account('acc-new', 'Newco'));
      expect(await store().accounts.count()).toBe(8);
    });

    it('moves identities with the person: a dropped identity can be taken by someone else', async () => {
      await seedFixtures(store());
      await store().people.put(person('rep-a', { teamId: 't-east', managerId: 'mgr-1', identities: ['lark:ou_repa01'] }));
      expect(await store().personByIdentity('slack:UREPA01')).toBeNull();
      expect((await store().personByIdentity('lark:ou_repa01'))?.id).toBe('rep-a');
      await store().people.put(person('rep-c', { identities: ['slack:UREPA01'] }));
      expect((await store().personByIdentity('slack:UREPA01'))?.id).toBe('rep-c');
    });

    it('refuses an invalid or dangling replacement and keeps the old record', async () => {
      await seedFixtures(store());
      const before = await store().accounts.get('acc-1');
      await expectAppError(store().accounts.put({ ...account('acc-1', 'Acme'), tier: '' }), 'VALIDATION');
      await expectAppError(store().accounts.put(account('acc-1', 'Acme', { ownerId: 'ghost' })), 'REFERENCE');
      await expectAppError(store().accounts.put(account('acc-1', 'Beta Acme Trading')), 'CONFLICT');
      expect(await store().accounts.get('acc-1')).toEqual(before);
    });
  });
}
