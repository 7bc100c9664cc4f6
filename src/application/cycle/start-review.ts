import type { ReviewCycle } from '../../domain/model/cycle.js';
import type { Person } from '../../domain/model/people.js';
import type { AppDeps } from '../deps.js';
import { checkCalendar } from './calendar-check.js';
import { assertState, periodFrom, requireCycle, requireHr, transition } from './cycles.js';

/**
 * `/cycle review <period> [early <reason>]` (HR): data collection ends and calibration starts
 * (collecting → in_review). Before the period (and its entry window) is over only with a reason,
 * which the audit entry keeps.
 */
export async function startReview(deps: AppDeps, actor: Person, input: { period: string | undefined; early?: string | undefined }): Promise<ReviewCycle> {
  requireHr(actor, 'move a review cycle');
  const cycle = await requireCycle(deps, periodFrom(input.period));
  assertState(cycle, 'collecting');
  return transition(deps, actor, cycle, 'in_review', checkCalendar(deps, cycle, 'review', input.early));
}
