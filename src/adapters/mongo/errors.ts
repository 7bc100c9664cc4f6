import { AppError, type FieldIssue } from '../../domain/errors.js';

/**
 * MongoDB and mongoose failures the caller can act on become coded errors; the rest keep their
 * cause. Duplicate keys (11000) are CONFLICT; anything that means "the database cannot be reached"
 * is UNAVAILABLE, so the user hears that nothing was saved rather than a stack trace.
 */

interface DriverError {
  name?: string;
  code?: number;
  message?: string;
  keyPattern?: Record<string, unknown>;
  keyValue?: Record<string, unknown>;
  writeErrors?: { code?: number; index?: number; errmsg?: string; err?: { keyPattern?: Record<string, unknown>; keyValue?: Record<string, unknown> } }[];
  errors?: Record<string, { path?: string; message?: string }>;
}

const UNAVAILABLE_NAMES = new Set([
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoExpiredSessionError',
  'MongoPoolClosedError',
]);

/** The first duplicate-key write error, from a single write or a bulk one. */
export function duplicateKey(e: unknown): { fields: string[]; keyValue?: Record<string, unknown>; index?: number } | null {
  const err = e as DriverError | null;
  if (!err || typeof err !== 'object') return null;
  const bulk = err.writeErrors?.find((w) => w.code === 11000);
  if (err.code !== 11000 && !bulk) return null;
  const pattern = err.keyPattern ?? bulk?.err?.keyPattern;
  let fields = pattern ? Object.keys(pattern) : [];
  if (fields.length === 0) {
    // Bulk write errors carry no keyPattern, only the message: "index: requestId_1 dup key: { … }".
    const m = /index: (\S+) dup key/.exec(bulk?.errmsg ?? err.message ?? '');
    const index = m?.[1];
    fields = index === '_id_' ? ['_id'] : index ? index.split(/_-?1_?/).filter(Boolean) : [];
  }
  const keyValue = err.keyValue ?? bulk?.err?.keyValue;
  return { fields, ...(keyValue ? { keyValue } : {}), ...(bulk?.index !== undefined ? { index: bulk.index } : {}) };
}

export function isUnavailable(e: unknown): boolean {
  const name = (e as DriverError | null)?.name ?? '';
  return UNAVAILABLE_NAMES.has(name);
}

/**
 * Maps an error from a MongoDB call. `connected` is the connection's state at the time: any failure
 * on a connection that is closed or closing means the database is unavailable, whatever its type.
 */
export function mapMongoError(e: unknown, collection: string, connected = true): unknown {
  if (e instanceof AppError) return e;
  const dup = duplicateKey(e);
  if (dup) {
    const fields = dup.fields.map((f) => (f === '_id' ? 'id' : f));
    return new AppError('CONFLICT', `a ${collection} record with the same ${fields.join(', ') || 'key'} already exists`, {
      params: { collection, fields, ...(dup.keyValue ? { keyValue: dup.keyValue } : {}) },
      issues: fields.map((path) => ({ path, message: 'is already taken' })),
      cause: e,
    });
  }
  const err = e as DriverError | null;
  if (err?.name === 'ValidationError' && err.errors) {
    // Only reachable when the mongoose schema is stricter than zod: still the caller's bad input.
    const issues: FieldIssue[] = Object.entries(err.errors).map(([path, v]) => ({ path, message: v.message ?? 'is invalid' }));
    return new AppError('VALIDATION', `invalid ${collection} record: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`, {
      params: { collection },
      issues,
      cause: e,
    });
  }
  if (isUnavailable(e) || !connected) {
    return new AppError('UNAVAILABLE', 'the MongoDB database cannot be reached; nothing was saved', { params: { collection }, cause: e });
  }
  return e;
}
