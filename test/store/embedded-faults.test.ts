import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { readinessCheck } from '../../src/adapters/ops/readiness.js';
import { databasePath, openSqliteStore } from '../../src/adapters/embedded/sqlite-store.js';
import type { Store } from '../../src/ports/store.js';
import { expectAppError } from './contract/harness.js';
import { intel, person } from './fixtures.js';

/**
 * Faults injected into the real embedded store, on its real files: a file deleted or replaced
 * under the running store, a full disk (a tiny size cap), a write lock held by another connection,
 * damaged pages. Each time writes must be refused with UNAVAILABLE (never acknowledged and lost),
 * and the readiness probe must say so.
 */
const dirs: string[] = [];
const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const tempDir = (): string => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-faults-'));
  dirs.push(d);
  return d;
};
const open = (dataDir: string, opts: Omit<Parameters<typeof openSqliteStore>[0], 'dataDir'> = {}): Store => {
  const s = openSqliteStore({ dataDir, ...opts });
  stores.push(s);
  return s;
};
const ready = (store: Store) => readinessCheck({ store, platforms: {}, timeoutMs: 5_000 })();
const note = (i: number) => ({ ...intel(`n-${i}`, 'writer', '2026-02-01'), text: `note ${i} ${'x'.repeat(200)}` });

describe('a database file deleted or replaced while the store is open', () => {
  it('refuses every write once the file is gone, is not ready, and does not start again on an empty file', async () => {
    const dir = tempDir();
    const store = open(dir);
    await store.people.put(person('writer'));
    await store.intel.insert(note(0));
    fs.rmSync(databasePath(dir));

    let refused = 0;
    for (let i = 1; i <= 20; i++) {
      const e = await store.intel.insert(note(i)).then(() => null, (err: { code?: string }) => err);
      if (e?.code === 'UNAVAILABLE') refused++;
    }
    expect(refused).toBe(20);
    await expectAppError(store.writeBatch([{ op: 'insert', collection: 'intel', record: note(99) }]), 'UNAVAILABLE');
    await expectAppError(store.acquireLease({ id: 'job', owner: 'me', expiresAt: '2026-02-01T01:00:00Z', now: '2026-02-01T00:00:00Z' }), 'UNAVAILABLE');
    const r = await ready(store);
    expect(r.ready).toBe(false);
    expect(r.checks.store).toMatch(/was deleted while the bot was running/);

    // A restart would otherwise create a new, empty database and carry on as if nothing happened.
    const refusal = await expectAppError(Promise.resolve().then(() => openSqliteStore({ dataDir: dir })), 'UNAVAILABLE');
    expect(refusal.message).toMatch(/is missing, but one was in use here \(schema version \d+, \d+ records/);
    expect(refusal.message).toMatch(/npm run restore -- .*--init/s);
    expect(fs.existsSync(databasePath(dir))).toBe(false);
    // Told to, it starts afresh.
    const fresh = open(dir, { init: true });
    expect(await fresh.people.count()).toBe(0);
  });

  it('refuses writes when another file was put in its place (a restore under a running bot)', async () => {
    const dir = tempDir();
    const store = open(dir);
    await store.people.put(person('writer'));
    const other = path.join(tempDir(), 'other.db');
    new Database(other).close();
    fs.renameSync(other, databasePath(dir));
    await expectAppError(store.intel.insert(note(1)), 'UNAVAILABLE');
    expect((await ready(store)).checks.store).toMatch(/was replaced while the bot was running/);
  });

  it('starts with no setup on a first run ever', async () => {
    const dir = path.join(tempDir(), 'new', 'data');
    const store = open(dir);
    expect(await store.people.count()).toBe(0);
    expect((await ready(store)).ready).toBe(true);
  });
});

describe('a full disk (the file at its size cap)', () => {
  it('refuses the write that does not fit with UNAVAILABLE, and readiness says the store is full', async () => {
    const store = open(tempDir(), { maxBytes: 2 * 1024 * 1024 });
    await store.people.put(person('writer'));
    expect((await ready(store)).ready).toBe(true);
    let acknowledged = 0;
    let refusedWith: string | undefined;
    for (let i = 0; i < 5000 && !refusedWith; i++) {
      await store.intel.insert({ ...note(i), text: 'y'.repeat(2000) }).then(
        () => acknowledged++,
        (e: { code?: string }) => (refusedWith = e.code),
      );
    }
    expect(refusedWith).toBe('UNAVAILABLE');
    // Every acknowledged write is there.
    expect(await store.intel.count()).toBe(acknowledged);
    const r = await ready(store);
    expect(r.ready).toBe(false);
    expect(r.checks.store).toMatch(/reached its size limit/);
  });
});

/** Runs a second connection in a worker thread: takes the write lock, holds it `holdMs`, commits. */
function holdWriteLock(file: string, holdMs: number): Promise<{ released: Promise<void> }> {
  const worker = new Worker(
    `const { workerData, parentPort } = require('node:worker_threads');
     const Database = require('better-sqlite3');
     const db = new Database(workerData.file);
     db.exec('BEGIN IMMEDIATE');
     db.prepare("UPDATE store_health SET checked_at = 'held'").run();
     parentPort.postMessage('locked');
     Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.holdMs);
     db.exec('COMMIT');
     db.close();`,
    { eval: true, workerData: { file, holdMs } },
  );
  const released = new Promise<void>((resolve, reject) => {
    worker.on('exit', () => resolve());
    worker.on('error', reject);
  });
  return new Promise((resolve, reject) => {
    worker.once('message', () => resolve({ released }));
    worker.once('error', reject);
  });
}

describe('a write lock held by another connection (a CLI job beside the bot)', () => {
  it('a write that reads first waits for the lock instead of failing at once', async () => {
    const dir = tempDir();
    const store = open(dir, { busyTimeoutMs: 10_000 });
    await store.people.put(person('writer'));
    const { released } = await holdWriteLock(databasePath(dir), 300);
    // The insert reads (its request id, its references) and then writes: in a deferred transaction
    // SQLite answers SQLITE_BUSY without waiting; an immediate one waits for the other commit.
    const r = await store.intel.insert({ ...note(1), requestId: 'req-1' });
    expect(r.created).toBe(true);
    await released;
    expect(await store.intel.get('n-1')).not.toBeNull();
  });

  it('a batch waits too', async () => {
    const dir = tempDir();
    const store = open(dir, { busyTimeoutMs: 10_000 });
    await store.people.put(person('writer'));
    const { released } = await holdWriteLock(databasePath(dir), 300);
    expect((await store.writeBatch([{ op: 'insert', collection: 'intel', record: { ...note(2), requestId: 'req-2' } }])).created).toBe(true);
    await released;
  });

  it('readiness fails while the lock is held past the probe\'s wait, and passes once it is released', async () => {
    const dir = tempDir();
    const store = open(dir, { health: { probeBusyMs: 50 } });
    const other = new Database(databasePath(dir));
    other.exec('BEGIN IMMEDIATE');
    other.prepare("UPDATE store_health SET checked_at = 'held'").run();
    const r = await ready(store);
    expect(r.ready).toBe(false);
    expect(r.checks.store).toMatch(/unreachable: the embedded database is unavailable/);
    other.exec('COMMIT');
    other.close();
    expect((await ready(store)).ready).toBe(true);
  });
});

/** Overwrites one page of the file with garbage (after a checkpoint, so the page is read from the file). */
function damagePage(file: string, page: number): void {
  const db = new Database(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (page - 1) * pageSize);
  fs.closeSync(fd);
}
const rootPage = (file: string, table: string): number => {
  const db = new Database(file, { readonly: true });
  const { rootpage } = db.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').get(table) as { rootpage: number };
  db.close();
  return rootpage;
};

describe('damaged pages', () => {
  it('refuses to open a damaged file, naming the fix', async () => {
    const dir = tempDir();
    const first = open(dir);
    await first.people.put(person('writer'));
    for (let i = 0; i < 50; i++) await first.intel.insert(note(i));
    await first.close();
    damagePage(databasePath(dir), rootPage(databasePath(dir), 'intel'));
    const refusal = await expectAppError(Promise.resolve().then(() => openSqliteStore({ dataDir: dir })), 'UNAVAILABLE');
    expect(refusal.message).toMatch(/is damaged .*npm run restore/s);
  });

  it('a write that meets a damaged page is refused with UNAVAILABLE, and so is every later write', async () => {
    const dir = tempDir();
    const store = open(dir);
    await store.people.put(person('writer'));
    for (let i = 0; i < 50; i++) await store.intel.insert(note(i));
    const file = databasePath(dir);
    damagePage(file, rootPage(file, 'intel'));
    // Another connection commits: the store's page cache is dropped and pages are read from the file.
    const other = new Database(file);
    other.prepare("UPDATE store_health SET checked_at = 'other'").run();
    other.close();

    await expectAppError(store.intel.insert(note(100)), 'UNAVAILABLE');
    // A table whose pages are intact: still refused, the file is known to be damaged.
    const later = await expectAppError(store.people.put(person('someone')), 'UNAVAILABLE');
    expect(later.message).toMatch(/is damaged/);
    expect(await store.people.get('someone')).toBeNull();
    expect((await ready(store)).ready).toBe(false);
  });

  it('readiness runs an integrity check in the background and then refuses writes into the damaged file', async () => {
    const dir = tempDir();
    let now = 0;
    let checked: (r: unknown) => void = () => undefined;
    const store = open(dir, { health: { integrityEveryMs: 60_000, now: () => now, onIntegrityChecked: (r) => checked(r) } });
    await store.people.put(person('writer'));
    for (let i = 0; i < 50; i++) await store.intel.insert(note(i));
    expect((await ready(store)).ready).toBe(true);
    const file = databasePath(dir);
    damagePage(file, rootPage(file, 'intel'));
    const other = new Database(file);
    other.prepare("UPDATE store_health SET checked_at = 'other'").run();
    other.close();
    now += 60_000; // the next probe starts an integrity check (in a worker: it reads the whole file)
    const done = new Promise((resolve) => (checked = resolve));
    await ready(store);
    expect(await done).toMatchObject({ report: expect.stringMatching(/./) });
    const r = await ready(store);
    expect(r.ready).toBe(false);
    expect(r.checks.store).toMatch(/is damaged \(quick_check/);
    await expectAppError(store.people.put(person('someone')), 'UNAVAILABLE');
  });
});

// root writes through any file mode, so as root the check runs as an unprivileged user (65534),
// which needs to reach the project folder: a checkout inside a root-only folder (a 0700 temp dir)
// cannot run it, and the test says so instead of failing on a missing module.
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const asRoot = process.getuid?.() === 0;
const unprivilegedCanRun = !asRoot || spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(path.join(projectRoot, 'node_modules', 'tsx', 'package.json'))})`], { cwd: '/', uid: 65534, gid: 65534 }).status === 0;

describe('a read-only database file', () => {
  it.skipIf(!unprivilegedCanRun)('refuses to start (it would answer every submission with an error) and names the fix', async () => {
    const dir = tempDir();
    const first = open(dir);
    await first.people.put(person('writer'));
    await first.close();
    fs.chmodSync(databasePath(dir), 0o444);
    if (asRoot) {
      fs.chmodSync(dir, 0o755);
      for (const f of [dir, ...fs.readdirSync(dir).map((n) => path.join(dir, n))]) fs.chownSync(f, 65534, 65534);
    }
    const here = path.dirname(fileURLToPath(import.meta.url));
    const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'open-store.ts'), dir], {
      cwd: path.resolve(here, '../..'),
      encoding: 'utf8',
      ...(asRoot ? { uid: 65534, gid: 65534 } : {}),
    });
    expect(child.stderr).toBe('');
    expect(child.stdout).toMatch(/^refused: cannot open the embedded database .*read-only: give the bot's user write access/);
  });
});
