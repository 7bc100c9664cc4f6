import { AppError } from '../domain/errors.js';
import type { AuditEntry } from '../domain/model/cycle.js';
import type { Person } from '../domain/model/people.js';
import type { Period } from '../domain/period.js';
import { periodFrom, requireHr } from './cycle/cycles.js';
import type { AppDeps } from './deps.js';

export const AUDIT_DEFAULT_LIMIT = 30;
export const AUDIT_MAX_LIMIT = 200;

export interface AuditFilter {
  /** Entries about this person: their subject, or the rep / person their details name. */
  repId?: string;
  /** Entries whose details.periodKey is this period (a year also takes its quarters). */
  period?: Period;
}

export interface AuditPage {
  entries: AuditEntry[];
  /** How many entries match in all (more than `entries` when the limit cut the list). */
  total: number;
  filter: AuditFilter;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * Whether an entry is about the person: its subject, or the rep / person its details name (the
 * owner an account was taken from too), or a change they made themselves that names nobody else
 * (their late-entry request, the edit of their own visit).
 */
export function isAbout(entry: AuditEntry, personId: string): boolean {
  const d = entry.details;
  const named = [text(d.repId), text(d.personId), text(d.fromId)];
  if (entry.subjectId === personId || named.includes(personId)) return true;
  return entry.actorId === personId && !text(d.repId) && !text(d.personId);
}

/** Whether an entry is in the period: its periodKey, else the period a plan's goals are for. */
export function inPeriod(entry: AuditEntry, period: Period): boolean {
  const key = text(entry.details.periodKey) ?? text(entry.details.targetPeriodKey);
  if (!key) return false;
  return key === period.key || (period.kind === 'year' && key.startsWith(`${period.key}-Q`));
}

/**
 * Every audit entry matching the filter, newest first. The rep and the period live in the details,
 * which are not indexed, so the log is read in one query sorted by time and filtered here: it
 * grows by one entry per change, a size one process holds easily.
 */
export async function findAudit(deps: Pick<AppDeps, 'store'>, filter: AuditFilter): Promise<AuditEntry[]> {
  // Oldest first, then reversed: changes made in the same millisecond (one command's several
  // entries) come back in the order they were stored, so the reversal shows the last one first.
  const all = (await deps.store.audit.find({}, { sort: { field: 'at', dir: 'asc' } })).reverse();
  return all.filter((e) => (!filter.repId || isAbout(e, filter.repId)) && (!filter.period || inPeriod(e, filter.period)));
}

export function checkLimit(value: number | undefined): number {
  if (value === undefined) return AUDIT_DEFAULT_LIMIT;
  if (!Number.isInteger(value) || value < 1 || value > AUDIT_MAX_LIMIT) {
    throw new AppError('VALIDATION', `limit ${value} is not 1–${AUDIT_MAX_LIMIT}`, { params: { messageId: 'audit.error.limit', value: String(value), max: AUDIT_MAX_LIMIT } });
  }
  return value;
}

/**
 * `/audit [@rep] [period] [limit N]` (HR): who changed what, when and why, newest first, at most
 * `limit` entries (default 30, at most 200) with the count of the rest.
 */
export async function auditLog(deps: AppDeps, actor: Person, input: { repId?: string | undefined; period?: string | undefined; limit?: number | undefined }): Promise<AuditPage> {
  requireHr(actor, 'read the audit log');
  const limit = checkLimit(input.limit);
  const filter: AuditFilter = {
    ...(input.repId ? { repId: input.repId } : {}),
    ...(input.period ? { period: periodFrom(input.period) } : {}),
  };
  const matching = await findAudit(deps, filter);
  return { entries: matching.slice(0, limit), total: matching.length, filter };
}
