import { describe, expect, it } from 'vitest';
import type { Store } from '../../../src/ports/store.js';
import { account, activity, deal, seedFixtures } from '../fixtures.js';
import { expectAppError, issuePaths } from './harness.js';

/** writeBatch (one submission, one transaction) and checkWritable (the readiness probe). */
export function batchesContract(store: () => Store): void {
  describe('writeBatch', () => {
    it('stores a new account and the visit that points at it, in order, and returns them', async () => {
      await seedFixtures(store());
      const result = await store().writeBatch([
        { op: 'insert', collection: 'accounts', record: account('acc-new', 'Northwind') },
        { op: 'insert', collection: 'activities', record: activity('act-new', 'rep-a', 'acc-new', '2026-02-01', { requestId: 'req-new' }) },
      ]);
      expect(result.created).toBe(true);
      expect(result.created && result.records.map((r) => r.id)).toEqual(['acc-new', 'act-new']);
      expect((await store().activities.get('act-new'))?.accountId).toBe('acc-new');
      expect((await store().accounts.get('acc-new'))?.name).toBe('Northwind');
    });

    it('puts (inserts or replaces) as well as inserts', async () => {
      await seedFixtures(store());
      const before = (await store().accounts.get('acc-1'))!;
      const result = await store().writeBatch([
        { op: 'insert', collection: 'deals', record: deal('deal-new', 'rep-a', 'acc-1', { amountBase: 500, units: 1, signedDate: '2026-02-01', dueDate: '2026-03-01' }) },
        { op: 'put', collection: 'accounts', record: { ...before, firstWonDate: '2026-02-01', firstWonBy: 'rep-a' } },
      ]);
      expect(result.created).toBe(true);
      expect((await store().accounts.get('acc-1'))?.firstWonDate).toBe('2026-02-01');
      expect(await store().deals.get('deal-new')).not.toBeNull();
    });

    it('deletes in a batch too, refusing a record others point at and then writing nothing', async () => {
      await seedFixtures(store());
      await store().activities.insert(activity('act-extra', 'rep-a', 'acc-1', '2026-02-01'));
      const result = await store().writeBatch([
        { op: 'delete', collection: 'activities', id: 'act-extra' },
        { op: 'insert', collection: 'accounts', record: account('acc-new', 'Northwind') },
      ]);
      expect(result.created && result.records.map((r) => r.id)).toEqual(['acc-new']);
      expect(await store().activities.get('act-extra')).toBeNull();
      await expectAppError(
        store().writeBatch([
          { op: 'insert', collection: 'accounts', record: account('acc-other', 'Other Co') },
          { op: 'delete', collection: 'deals', id: 'deal-1' },
        ]),
        'CONFLICT',
      );
      expect(await store().accounts.get('acc-other')).toBeNull();
      expect(await store().deals.get('deal-1')).not.toBeNull();
    });

    it('stores nothing when a later write breaks a unique key: the earlier account is not left behind', async () => {
      await seedFixtures(store());
      await store().activities.insert(activity('act-taken', 'rep-a', 'acc-1', '2026-02-01'));
      await expectAppError(
        store().writeBatch([
          { op: 'insert', collection: 'accounts', record: account('acc-new', 'Northwind') },
          { op: 'insert', collection: 'activities', record: activity('act-taken', 'rep-a', 'acc-new', '2026-02-02') },
        ]),
        'CONFLICT',
      );
      expect(await store().accounts.get('acc-new')).toBeNull();
      expect(await store().accounts.count({ nameKey: 'northwind' })).toBe(0);
    });

    it('stores nothing when one write is invalid or points at nothing', async () => {
      await seedFixtures(store());
      const invalid = await expectAppError(
        store().writeBatch([
          { op: 'insert', collection: 'accounts', record: account('acc-new', 'Northwind') },
          { op: 'insert', collection: 'activities', record: activity('act-new', 'rep-a', 'acc-new', 'yesterday') },
        ]),
        'VALIDATION',
      );
      expect(issuePaths(invalid)).toContain('date');
      await expectAppError(
        store().writeBatch([
          { op: 'insert', collection: 'accounts', record: account('acc-new', 'Northwind') },
          { op: 'insert', collection: 'activities', record: activity('act-new', 'rep-a', 'acc-404', '2026-02-01') },
        ]),
        'REFERENCE',
      );
      expect(await store().accounts.get('acc-new')).toBeNull();
      expect(await store().activities.get('act-new')).toBeNull();
    });

    it('is a retry when an insert carries a request already stored: nothing is written, the stored record comes back', async () => {
      await seedFixtures(store());
      await store().activities.insert(activity('act-first', 'rep-a', 'acc-1', '2026-02-01', { requestId: 'req-1' }));
      const result = await store().writeBatch([
        { op: 'insert', collection: 'accounts', record: account('acc-new', 'Northwind') },
        { op: 'insert', collection: 'activities', record: activity('act-again', 'rep-a', 'acc-new', '2026-02-01', { requestId: 'req-1' }) },
      ]);
      expect(result).toMatchObject({ created: false, stored: { collection: 'activities', record: { id: 'act-first' } } });
      expect(await store().accounts.get('acc-new')).toBeNull();
      expect(await store().activities.get('act-again')).toBeNull();
    });
  });

  describe('checkWritable', () => {
    it('passes while the store can take writes and answers UNAVAILABLE once it is closed', async () => {
      await expect(store().checkWritable()).resolves.toBeUndefined();
      await expect(store().checkWritable()).resolves.toBeUndefined();
      await store().close();
      await expectAppError(store().checkWritable(), 'UNAVAILABLE');
    });
  });
}
