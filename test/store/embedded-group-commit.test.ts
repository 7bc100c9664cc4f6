import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { databasePath, openSqliteStore } from '../../src/adapters/embedded/sqlite-store.js';
import type { BatchResult, Store } from '../../src/ports/store.js';
import { account, activity, seedFixtures } from './fixtures.js';

/**
 * Submissions that reach the embedded store in the same turn of the event loop share one
 * transaction and one commit (issue 16): each still stands or falls alone, and none is reported
 * stored before the commit that holds it.
 */

let dir: string;
let store: Store;
afterEach(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
async function open(): Promise<Store> {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-group-'));
  store = openSqliteStore({ dataDir: dir });
  await seedFixtures(store);
  return store;
}
const visit = (id: string, requestId?: string) =>
  ({ op: 'insert', collection: 'activities', record: activity(id, 'rep-a', 'acc-1', '2026-02-01', requestId ? { requestId } : {}) }) as const;
const settle = (ps: Promise<BatchResult>[]) => Promise.allSettled(ps);

describe('embedded store group commit', () => {
  it('stores every submission of a turn, each with its own result; a replay and a conflict in the group touch only themselves', async () => {
    await open();
    await store.activities.insert(activity('act-taken', 'rep-a', 'acc-1', '2026-02-01'));
    const results = await settle([
      ...Array.from({ length: 20 }, (_, i) => store.writeBatch([visit(`gc-${i}`, `req-${i}`)])),
      // The same request again, in the same group: a retry, answered with the first one's record.
      store.writeBatch([visit('gc-again', 'req-3')]),
      // A new account then a visit whose id is taken: this submission alone is rolled back.
      store.writeBatch([{ op: 'insert', collection: 'accounts', record: account('acc-new', 'Northwind') }, visit('act-taken')]),
      store.writeBatch([visit('gc-last', 'req-last')]),
    ]);
    expect(results.slice(0, 20).map((r) => r.status === 'fulfilled' && r.value.created && r.value.records[0]!.id)).toEqual(Array.from({ length: 20 }, (_, i) => `gc-${i}`));
    expect(results[20]).toMatchObject({ status: 'fulfilled', value: { created: false, stored: { record: { id: 'gc-3' } } } });
    expect(results[21]).toMatchObject({ status: 'rejected', reason: { code: 'CONFLICT' } });
    expect(results[22]).toMatchObject({ status: 'fulfilled', value: { created: true } });
    expect(await store.activities.count({ requestId: { in: [...Array.from({ length: 20 }, (_, i) => `req-${i}`), 'req-last'] } })).toBe(21);
    expect(await store.activities.get('gc-again')).toBeNull();
    expect(await store.accounts.get('acc-new')).toBeNull();
  });

  it('reports nothing stored when the file vanishes before the group commits, and stores nothing', async () => {
    await open();
    const pending = [store.writeBatch([visit('gc-x', 'req-x')]), store.writeBatch([visit('gc-y', 'req-y')])];
    // Both passed the check when they were submitted; the group's commit comes after this line.
    const file = databasePath(dir);
    fs.renameSync(file, `${file}.moved`);
    const results = await settle(pending);
    expect(results.map((r) => r.status === 'rejected' && (r.reason as { code: string }).code)).toEqual(['UNAVAILABLE', 'UNAVAILABLE']);
    fs.renameSync(`${file}.moved`, file);
    const reopened = openSqliteStore({ dataDir: dir });
    try {
      expect(await reopened.activities.count({ requestId: { in: ['req-x', 'req-y'] } })).toBe(0);
    } finally {
      await reopened.close();
    }
  });

  it('keeps every acknowledged submission of a group after the store is closed and reopened', async () => {
    await open();
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => store.writeBatch([visit(`gc-${i}`, `req-${i}`)])));
    expect(results.every((r) => r.created)).toBe(true);
    await store.close();
    store = openSqliteStore({ dataDir: dir });
    expect(await store.activities.count({ requestId: { in: Array.from({ length: 50 }, (_, i) => `req-${i}`) } })).toBe(50);
  });
});
