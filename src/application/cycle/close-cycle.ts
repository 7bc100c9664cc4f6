import { AppError } from '../../domain/errors.js';
import type { ReviewCycle } from '../../domain/model/cycle.js';
import type { Person } from '../../domain/model/people.js';
import type { AppDeps } from '../deps.js';
import { checkCalendar } from './calendar-check.js';
import { assertState, periodFrom, requireCycle, requireHr, transition } from './cycles.js';

/**
 * `/cycle close <period>` (HR): a published cycle is finished (published → closed). Refused while an
 * appeal on it is pending, since deciding one may still create a new version of a result. Entries
 * and adjustments stay refused after (guards.isPeriodOpen treats closed like published). Before the
 * period (and its entry window) is over only with `early <reason>`, audited.
 */
export async function closeCycle(deps: AppDeps, actor: Person, input: { period: string | undefined; early?: string | undefined }): Promise<ReviewCycle> {
  requireHr(actor, 'close a review cycle');
  const cycle = await requireCycle(deps, periodFrom(input.period));
  assertState(cycle, 'published');
  const pending = await deps.store.appeals.count({ periodKey: cycle.periodKey, state: 'pending' });
  if (pending > 0) {
    throw new AppError('CONFLICT', `${cycle.periodKey} has ${pending} pending appeal(s)`, {
      params: { messageId: 'lifecycle.close.appealsPending', period: cycle.periodKey, count: pending },
    });
  }
  return transition(deps, actor, cycle, 'closed', checkCalendar(deps, cycle, 'close', input.early));
}
