import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase, restoreDatabase } from '../../src/adapters/embedded/backup.js';
import { databasePath, openSqliteStore } from '../../src/adapters/embedded/sqlite-store.js';
import type { AppError } from '../../src/domain/errors.js';
import { smallOrg } from '../helpers/org.js';

/** Issue 13: the appraisal data is readable by the bot's user only, and never written through a planted link. */
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const tempDir = (): string => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-private-'));
  dirs.push(d);
  return d;
};
const mode = (file: string): string => (fs.statSync(file).mode & 0o777).toString(8);
const failure = (p: Promise<unknown>): Promise<AppError> => p.then(() => Promise.reject(new Error('expected a failure')), (e: AppError) => e);

describe('private database files', () => {
  it('creates the data folder 0700 and the database, its WAL and shared-memory files 0600', async () => {
    const dataDir = path.join(tempDir(), 'data');
    const store = openSqliteStore({ dataDir });
    await smallOrg(store);
    const file = databasePath(dataDir);
    expect(mode(dataDir)).toBe('700');
    expect([mode(file), mode(`${file}-wal`), mode(`${file}-shm`)]).toEqual(['600', '600', '600']);
    await store.close();
  });

  it('takes group and world access away from a database created world-readable by an older version', async () => {
    const dataDir = tempDir();
    await openSqliteStore({ dataDir }).close();
    fs.chmodSync(databasePath(dataDir), 0o644);
    const store = openSqliteStore({ dataDir });
    expect(mode(databasePath(dataDir))).toBe('600');
    await store.close();
  });

  it('writes backups 0600 in a backups folder created 0700, and restores 0600', async () => {
    const dataDir = tempDir();
    const store = openSqliteStore({ dataDir });
    await smallOrg(store);
    const { file } = await backupDatabase(dataDir);
    expect(mode(file)).toBe('600');
    expect(mode(path.dirname(file))).toBe('700');
    const named = await backupDatabase(dataDir, path.join(tempDir(), 'nested', 'copy.db'));
    expect([mode(named.file), mode(path.dirname(named.file))]).toEqual(['600', '700']);
    await store.close();

    const to = tempDir();
    await restoreDatabase(to, file);
    expect(mode(databasePath(to))).toBe('600');
  });

  it('refuses a symbolic link planted at the backup path, writing nothing where it points', async () => {
    const dataDir = tempDir();
    const store = openSqliteStore({ dataDir });
    await smallOrg(store);
    const elsewhere = path.join(tempDir(), 'victim.txt');
    fs.writeFileSync(elsewhere, 'keep me');
    const planted = path.join(tempDir(), 'backup.db');
    fs.symlinkSync(elsewhere, planted);
    const refused = await failure(backupDatabase(dataDir, planted));
    expect(refused.message).toMatch(/is a symbolic link/);
    expect(fs.readFileSync(elsewhere, 'utf8')).toBe('keep me');
    // A dangling link (pointing at a file that does not exist yet) is refused too, and nothing is created.
    const dangling = path.join(tempDir(), 'dangling.db');
    const target = path.join(tempDir(), 'created-by-link.db');
    fs.symlinkSync(target, dangling);
    expect((await failure(backupDatabase(dataDir, dangling))).message).toMatch(/is a symbolic link/);
    expect(fs.existsSync(target)).toBe(false);
    await store.close();
  });

  it('refuses to restore over a symbolic link at the database path', async () => {
    const from = tempDir();
    const store = openSqliteStore({ dataDir: from });
    await smallOrg(store);
    const { file } = await backupDatabase(from);
    await store.close();
    const to = tempDir();
    const elsewhere = path.join(tempDir(), 'victim.db');
    fs.symlinkSync(elsewhere, databasePath(to));
    expect((await failure(restoreDatabase(to, file, { force: true }))).message).toMatch(/is a symbolic link/);
    expect(fs.existsSync(elsewhere)).toBe(false);
  });
});
