import { AppError } from '../domain/errors.js';
import { todayIn, type LocalDate } from '../domain/dates.js';
import { isPublishedState, type ReviewCycle } from '../domain/model/cycle.js';
import { hasRole, isUnplaced, type Person, type Role } from '../domain/model/people.js';
import { quarterOf, previousPeriod, type Period } from '../domain/period.js';
import type { AppDeps } from './deps.js';

/**
 * Refuses an actor without any of the roles. Roles are a set: an administrator lacking the role
 * (the first admin of a small company, who is also its HR) is told how to give it to themselves.
 */
export function requireRole(actor: Person, roles: readonly Role[], action: string): void {
  if (roles.some((r) => hasRole(actor, r))) return;
  throw new AppError('FORBIDDEN', `${actor.name} may not ${action}: needs the ${roles.join(' or ')} role`, {
    params: { messageId: 'error.needsRole', roles: roles.join('/'), action, ...(hasRole(actor, 'admin') ? { hintId: 'error.needsRole.selfGrant', role: roles[0]! } : {}) },
  });
}

/**
 * Refuses a newcomer nobody has placed yet (registered on first use, no team, no role but rep:
 * see Person.unplaced) anything beyond their own records, naming the admin command that places
 * them. Everyone imported or placed, and HR, managers and admins, pass.
 */
export function requirePlaced(actor: Person, action: string): void {
  if (!isUnplaced(actor)) return;
  throw new AppError('FORBIDDEN', `${actor.name} may not ${action}: not placed in a team by an admin yet`, { params: { messageId: 'access.unplaced', action } });
}

export const today = (deps: Pick<AppDeps, 'clock' | 'settings'>): LocalDate =>
  todayIn(deps.settings.companyTimeZone, deps.clock.now());

/**
 * An entry's date must not be in the future and must fall in an open period: the current quarter,
 * or the previous one while its review cycle has not been published. `field` names the form field
 * for the error.
 */
export async function assertDateOpen(deps: Pick<AppDeps, 'store' | 'clock' | 'settings'>, date: LocalDate, field: string, opts: EntryOptions = {}): Promise<void> {
  const now = today(deps);
  if (date > now) {
    throw new AppError('VALIDATION', `${field} ${date} is in the future`, {
      params: { messageId: 'error.dateInFuture', date },
      issues: [{ path: field, message: 'must not be in the future' }],
    });
  }
  const period = quarterOf(date);
  if (!(await isPeriodOpen(deps, period))) {
    throw new AppError('VALIDATION', `${field} ${date} is in ${period.key}, which is closed for entries`, {
      params: { messageId: 'error.periodClosed', date, period: period.key },
      issues: [{ path: field, message: `${period.key} is closed for entries` }],
    });
  }
  if (opts.allowLate) return;
  const late = await pastCloseDate(deps, date);
  if (late) throw lateEntryError(late, date, `${field} ${date}`);
}

/** How an entry is stored: `allowLate` when the rep's manager approved it after the close date. */
export interface EntryOptions {
  allowLate?: boolean;
}

/**
 * The cycle (of the date's quarter or year) whose entry close date has passed while it still
 * collects or is in review: an entry dated `date` then needs the rep's manager's approval.
 * Published and closed cycles are refused by isPeriodOpen instead.
 */
export async function pastCloseDate(deps: Pick<AppDeps, 'store' | 'clock' | 'settings'>, date: LocalDate): Promise<ReviewCycle | null> {
  const now = today(deps);
  const quarter = quarterOf(date);
  const cycles = await deps.store.cycles.find({ periodKey: { in: [quarter.key, String(quarter.year)] } });
  return cycles.find((c) => c.entryCloseDate !== undefined && now > c.entryCloseDate && c.state !== 'published' && c.state !== 'closed') ?? null;
}

/** The refusal of an entry past its cycle's close date; the entry forms turn it into a request for approval. */
export const LATE_ENTRY_MESSAGE = 'lifecycle.late.closed';

export const lateEntryError = (cycle: ReviewCycle, date: LocalDate, what: string): AppError =>
  new AppError('CONFLICT', `${what} is in ${cycle.periodKey}, whose entries closed on ${cycle.entryCloseDate}: it needs the manager's approval`, {
    params: { messageId: LATE_ENTRY_MESSAGE, period: cycle.periodKey, closeDate: cycle.entryCloseDate, date },
  });

export const isLateEntryError = (e: unknown): e is AppError => e instanceof AppError && e.params.messageId === LATE_ENTRY_MESSAGE;

/**
 * Whether entries in this quarter may still be added, changed or deleted: the current quarter, or
 * the previous one while its review cycle is neither published nor closed.
 */
export async function isPeriodOpen(deps: Pick<AppDeps, 'store' | 'clock' | 'settings'>, period: Period): Promise<boolean> {
  if (period.from < previousPeriod(quarterOf(today(deps))).from) return false;
  const cycles = await deps.store.cycles.find({ periodKey: period.key }, { limit: 1 });
  return !cycles.some((c) => isPublishedState(c.state));
}

/** A NOT_FOUND / VALIDATION error for a form field pointing at something unknown. */
export function unknownRef(field: string, what: string, id: string): AppError {
  return new AppError('VALIDATION', `unknown ${what} ${id}`, {
    params: { messageId: 'error.unknownRef', what, id },
    issues: [{ path: field, message: `unknown ${what}` }],
  });
}
