import fs from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import * as fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { databasePath, openSqliteStore } from '../../src/adapters/embedded/sqlite-store.js';
import type { BatchResult, Store } from '../../src/ports/store.js';
import { activity, seedFixtures } from './fixtures.js';

/**
 * Issue 16 (ack profile): a group's commit no longer blocks the event loop on its fsync. The group
 * commits unsynced and the WAL is synced on the thread pool; no submission is reported stored until
 * that sync has finished, and a failed sync reports none of the group stored. The WAL's sync is
 * held or failed here through node:fs/promises, which the store opens the WAL with.
 */
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return { ...real, open: vi.fn(real.open) };
});

type Gate = { file?: string; held: Promise<void>; release(): void; fail(e: Error): void };
let gate: Gate | undefined;
const realOpen = (await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises')).open;
vi.mocked(fsp.open).mockImplementation(async (file, flags) => {
  const handle: FileHandle = await realOpen(file, flags);
  const g = gate;
  if (g && String(file).endsWith('-wal')) {
    const datasync = handle.datasync.bind(handle);
    handle.datasync = async () => {
      g.file = String(file);
      await g.held;
      return datasync();
    };
  }
  return handle;
});

function hold(): Gate {
  let release!: () => void;
  let fail!: (e: Error) => void;
  const held = new Promise<void>((res, rej) => {
    release = res;
    fail = rej;
  });
  // Failed before the store syncs: the rejection is the store's to see, not an unhandled one here.
  held.catch(() => undefined);
  return (gate = { held, release, fail });
}

let dir: string;
let store: Store;
afterEach(async () => {
  gate = undefined;
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
async function open(): Promise<Store> {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-walsync-'));
  store = openSqliteStore({ dataDir: dir });
  await seedFixtures(store);
  return store;
}
const visit = (id: string, requestId: string) => ({ op: 'insert', collection: 'activities', record: activity(id, 'rep-a', 'acc-1', '2026-02-01', { requestId }) }) as const;
/** Turns of the event loop: the loop keeps running while the sync is held. */
const turns = async (n: number): Promise<number> => {
  let ran = 0;
  for (let i = 0; i < n; i++) await new Promise<void>((r) => setImmediate(() => r(void ran++)));
  return ran;
};

describe('embedded store: the WAL is synced off the event loop before a submission counts as stored', () => {
  it('reports the group stored only after the sync of the WAL has finished, and the loop runs meanwhile', async () => {
    await open();
    const g = hold();
    let settled = false;
    const pending: Promise<BatchResult>[] = [store.writeBatch([visit('ws-1', 'req-ws-1')]), store.writeBatch([visit('ws-2', 'req-ws-2')])];
    void Promise.allSettled(pending).then(() => (settled = true));
    expect(await turns(20)).toBe(20);
    expect(settled).toBe(false);
    expect(g.file).toBe(`${databasePath(dir)}-wal`);
    g.release();
    const results = await Promise.all(pending);
    expect(results.map((r) => r.created)).toEqual([true, true]);
    expect(await store.activities.count({ requestId: { in: ['req-ws-1', 'req-ws-2'] } })).toBe(2);
  });

  it('reports none of the group stored when the sync fails; the retry is answered as a replay after a sync of its own', async () => {
    await open();
    hold().fail(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
    const failed = await Promise.allSettled([store.writeBatch([visit('ws-3', 'req-ws-3')])]);
    expect(failed[0]).toMatchObject({ status: 'rejected', reason: { code: 'UNAVAILABLE' } });

    const g = hold();
    let settled = false;
    const retry = store.writeBatch([visit('ws-3-again', 'req-ws-3')]);
    void retry.then(() => (settled = true));
    await turns(10);
    expect(settled).toBe(false);
    g.release();
    expect(await retry).toMatchObject({ created: false, stored: { record: { id: 'ws-3' } } });
  });
});
