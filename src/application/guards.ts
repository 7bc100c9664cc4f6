import { AppError } from '../domain/errors.js';
import { todayIn, type LocalDate } from '../domain/dates.js';
import { hasRole, type Person, type Role } from '../domain/model/people.js';
import { quarterOf, previousPeriod, type Period } from '../domain/period.js';
import type { AppDeps } from './deps.js';

/** Refuses an actor without any of the roles. */
export function requireRole(actor: Person, roles: readonly Role[], action: string): void {
  if (roles.some((r) => hasRole(actor, r))) return;
  throw new AppError('FORBIDDEN', `${actor.name} may not ${action}: needs the ${roles.join(' or ')} role`, {
    params: { messageId: 'error.needsRole', roles: roles.join('/'), action },
  });
}

export const today = (deps: Pick<AppDeps, 'clock' | 'settings'>): LocalDate =>
  todayIn(deps.settings.companyTimeZone, deps.clock.now());

/**
 * An entry's date must not be in the future and must fall in an open period: the current quarter,
 * or the previous one while its review cycle has not been published. `field` names the form field
 * for the error.
 */
export async function assertDateOpen(deps: Pick<AppDeps, 'store' | 'clock' | 'settings'>, date: LocalDate, field: string): Promise<void> {
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
}

/**
 * Whether entries in this quarter may still be added, changed or deleted: the current quarter, or
 * the previous one while its review cycle is neither published nor closed.
 */
export async function isPeriodOpen(deps: Pick<AppDeps, 'store' | 'clock' | 'settings'>, period: Period): Promise<boolean> {
  if (period.from < previousPeriod(quarterOf(today(deps))).from) return false;
  const cycles = await deps.store.cycles.find({ periodKey: period.key }, { limit: 1 });
  return !cycles.some((c) => c.state === 'published' || c.state === 'closed');
}

/** A NOT_FOUND / VALIDATION error for a form field pointing at something unknown. */
export function unknownRef(field: string, what: string, id: string): AppError {
  return new AppError('VALIDATION', `unknown ${what} ${id}`, {
    params: { messageId: 'error.unknownRef', what, id },
    issues: [{ path: field, message: `unknown ${what}` }],
  });
}
