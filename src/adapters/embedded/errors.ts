import { AppError } from '../../domain/errors.js';

/** SQLite failures the user can act on become coded errors; the rest keep their cause. */
export function mapSqliteError(e: unknown, collection: string): unknown {
  if (e instanceof AppError) return e;
  const code = (e as { code?: string } | null)?.code ?? '';
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return new AppError('CONFLICT', `a ${collection} record with the same key already exists`, {
      params: { collection, detail: (e as Error).message },
      cause: e,
    });
  }
  if (/^SQLITE_(BUSY|LOCKED|IOERR|CANTOPEN|FULL|READONLY|CORRUPT|NOTADB)/.test(code) || (e as Error)?.message === 'The database connection is not open') {
    return new AppError('UNAVAILABLE', 'the embedded database is unavailable; nothing was saved', { cause: e });
  }
  return e;
}
