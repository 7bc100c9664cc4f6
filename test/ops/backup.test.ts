import { MIGRATIONS } from '../../src/adapters/embedded/schema.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase, checkBackup, defaultBackupPath, restoreDatabase } from '../../src/adapters/embedded/backup.js';
import { openSqliteStore } from '../../src/adapters/embedded/sqlite-store.js';
import type { AppError } from '../../src/domain/errors.js';
import { aTeam } from '../helpers/builders.js';
import { smallOrg } from '../helpers/org.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const tempDir = (): string => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'appraisal-backup-'));
  dirs.push(d);
  return d;
};
const failure = (p: Promise<unknown>): Promise<AppError> => p.then(() => Promise.reject(new Error('expected a failure')), (e: AppError) => e);

describe('embedded store backup and restore', () => {
  it('round-trips: an online backup taken while the store is open restores that state', async () => {
    const dataDir = tempDir();
    const store = openSqliteStore({ dataDir });
    await smallOrg(store);
    const { file, bytes } = await backupDatabase(dataDir);
    expect(file).toMatch(/backups[/\\]appraisal-\d{8}T\d{6}Z\.db$/);
    expect(bytes).toBeGreaterThan(0);
    await store.teams.insert(aTeam({ id: 'north', name: 'North' })); // after the backup
    await store.close();

    const refused = await failure(restoreDatabase(dataDir, file));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toMatch(/already exists .*--force/);

    await restoreDatabase(dataDir, file, { force: true });
    const restored = openSqliteStore({ dataDir });
    expect((await restored.teams.find()).map((t) => t.id).sort()).toEqual(['east', 'west']);
    expect(await restored.people.count()).toBe(6);
    await restored.close();
  });

  it('restores into an empty data folder without --force', async () => {
    const from = tempDir();
    const store = openSqliteStore({ dataDir: from });
    await smallOrg(store);
    const { file } = await backupDatabase(from, path.join(tempDir(), 'copy.db'));
    await store.close();
    const to = tempDir();
    expect(await restoreDatabase(to, file)).toMatchObject({ schemaVersion: MIGRATIONS.at(-1)!.version });
    const restored = openSqliteStore({ dataDir: to });
    expect(await restored.people.count()).toBe(6);
    await restored.close();
  });

  it('refuses a damaged file, a database of another schema, and a missing file, changing nothing', async () => {
    const dir = tempDir();
    const garbage = path.join(dir, 'garbage.db');
    fs.writeFileSync(garbage, 'not a database at all'.repeat(100));
    expect((await failure(checkBackup(garbage))).code).toBe('VALIDATION');
    const other = path.join(dir, 'other.db');
    new Database(other).close(); // user_version 0: not ours
    expect((await failure(checkBackup(other))).message).toMatch(/schema version 0/);
    const future = path.join(dir, 'future.db');
    const f = new Database(future);
    f.pragma('user_version = 99');
    f.close();
    expect((await failure(restoreDatabase(tempDir(), future, { force: true }))).message).toMatch(/schema version 99/);
    expect((await failure(checkBackup(path.join(dir, 'none.db')))).code).toBe('NOT_FOUND');
  });

  it('names backups by UTC time under DATA_DIR/backups', () => {
    expect(defaultBackupPath('/data', new Date('2026-11-26T10:15:00.123Z'))).toBe(path.resolve('/data/backups/appraisal-20261126T101500Z.db'));
  });
});
