import fs from 'node:fs';
import { AppError } from '../../domain/errors.js';

/**
 * The appraisal data (scores, salaries' bonus tiers, reviews) is personal: the database, its WAL
 * and shared-memory files and its backups are readable by their owner only (0600), in folders
 * created 0700. SQLite creates a database 0644 and gives -wal/-shm the database's own mode, so the
 * file is created empty and private first (SQLite treats an empty file as a new database).
 */
export const PRIVATE_FILE = 0o600;
export const PRIVATE_DIR = 0o700;

/** Creates a folder (and its missing parents) 0700; an existing folder is left as it is. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
}

/** Refuses a path that is a symbolic link: writing through it would put the data wherever it points. */
export function refuseSymlink(file: string, what: string): void {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(file);
  } catch {
    return;
  }
  if (st.isSymbolicLink()) throw new AppError('VALIDATION', `${file} is a symbolic link: refusing to write the ${what} through it; choose a plain file path`, { params: { file } });
}

/** Creates a new, empty, private file; fails if anything (a file, a link) is already at the path. */
export function createPrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, fs.constants.O_CREAT | fs.constants.O_EXCL | fs.constants.O_WRONLY | (fs.constants.O_NOFOLLOW ?? 0), PRIVATE_FILE));
}

/** Takes group and world access away from a file we own (a database created by an older version). */
export function makePrivate(file: string): void {
  try {
    const st = fs.lstatSync(file);
    if (st.isFile() && (st.mode & 0o077) !== 0) fs.chmodSync(file, st.mode & PRIVATE_FILE);
  } catch {
    // Not there (a -wal file between connections): nothing to tighten.
  }
}
