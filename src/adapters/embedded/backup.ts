import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../domain/errors.js';
import { MIGRATIONS } from './schema.js';
import { databasePath } from './sqlite-store.js';
import { createPrivateFile, ensurePrivateDir, makePrivate, refuseSymlink } from './private-files.js';

/** The schema version this code writes; a backup from newer code cannot be restored by it. */
export const SCHEMA_VERSION = Math.max(0, ...MIGRATIONS.map((m) => m.version));

const stamp = (d: Date): string => d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

/** Where a backup goes by default: DATA_DIR/backups/appraisal-20261126T101500Z.db. */
export const defaultBackupPath = (dataDir: string, now = new Date()): string => path.resolve(dataDir, 'backups', `appraisal-${stamp(now)}.db`);

/**
 * A consistent online backup of the embedded database (SQLite's backup API): safe while the bot
 * runs and writes, the copy is one committed state. The copy is private (0600; a folder created
 * for it is 0700), and a symbolic link at the target is refused. Returns the backup's path and size.
 */
export async function backupDatabase(dataDir: string, target = defaultBackupPath(dataDir)): Promise<{ file: string; bytes: number }> {
  const source = databasePath(dataDir);
  if (!fs.existsSync(source)) throw new AppError('NOT_FOUND', `no embedded database at ${source}: check DATA_DIR`);
  refuseSymlink(target, 'backup');
  if (fs.existsSync(target)) throw new AppError('CONFLICT', `${target} already exists: choose another file name`);
  ensurePrivateDir(path.dirname(target));
  // Created empty and private first, never through a link (O_EXCL | O_NOFOLLOW): SQLite then writes
  // the copy into this file and gives its journal the same mode.
  createPrivateFile(target);
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(target);
  } catch (e) {
    fs.rmSync(target, { force: true });
    throw e;
  } finally {
    db.close();
  }
  await checkBackup(target);
  return { file: target, bytes: fs.statSync(target).size };
}

/** Checks a backup before it is restored: a readable SQLite file, intact, of a schema this code knows. */
export async function checkBackup(file: string): Promise<{ schemaVersion: number }> {
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', `no backup file at ${file}`);
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    if (integrity !== 'ok') throw new AppError('VALIDATION', `${file} is damaged (integrity_check: ${integrity}); use another backup`);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version < 1 || version > SCHEMA_VERSION) {
      throw new AppError('VALIDATION', `${file} has schema version ${version}; this version of the bot reads 1 to ${SCHEMA_VERSION}`);
    }
    return { schemaVersion: version };
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('VALIDATION', `${file} is not a readable appraisal database: ${(e as Error).message}`, { cause: e });
  } finally {
    db?.close();
  }
}

/** Whether a connection seems to have the database open (SQLite removes -wal/-shm when the last one closes). */
export const looksInUse = (file: string): boolean => fs.existsSync(`${file}-wal`) || fs.existsSync(`${file}-shm`);

/**
 * Restores a backup over the embedded database, after checking it. An existing database is only
 * replaced with `force` (stop the bot first: the copy goes through SQLite, so even a connection
 * left open sees the restored state rather than a torn file).
 */
export async function restoreDatabase(dataDir: string, backupFile: string, opts: { force?: boolean } = {}): Promise<{ file: string; schemaVersion: number }> {
  const { schemaVersion } = await checkBackup(backupFile);
  const target = databasePath(dataDir);
  refuseSymlink(target, 'restored database');
  if (fs.existsSync(target) && !opts.force) {
    const why = looksInUse(target) ? 'it looks in use (a bot may be running on it)' : 'it would be overwritten';
    throw new AppError('CONFLICT', `${target} already exists and ${why}. Stop the bot, then run the restore again with --force`);
  }
  ensurePrivateDir(path.dirname(target));
  if (!fs.existsSync(target)) createPrivateFile(target);
  makePrivate(target);
  const source = new Database(path.resolve(backupFile), { readonly: true, fileMustExist: true });
  try {
    await source.backup(target);
  } finally {
    source.close();
  }
  return { file: target, schemaVersion };
}
