import { AppError } from '../../domain/errors.js';
import { isPublishedState, type ReviewCycle } from '../../domain/model/cycle.js';
import type { Team } from '../../domain/model/people.js';
import type { Period } from '../../domain/period.js';
import type { AppDeps } from '../deps.js';
import { periodFrom, requireCycle } from './cycles.js';

/** Shared by the calibration use cases (meeting, pack, adjustments). */

/**
 * The period a calibration command is about: the one named, else the quarter whose cycle is in
 * review. With none (or several) in review and no period named, the user is asked to name one.
 */
export async function calibrationPeriod(deps: Pick<AppDeps, 'store'>, key: string | undefined): Promise<Period> {
  if (key) return periodFrom(key);
  const inReview = await deps.store.cycles.find({ state: 'in_review' });
  if (inReview.length === 1) return periodFrom(inReview[0]!.periodKey);
  if (inReview.length === 0) throw new AppError('CONFLICT', 'no review cycle is in review', { params: { messageId: 'calibration.error.noneInReview' } });
  const periods = inReview.map((c) => c.periodKey).sort();
  throw new AppError('VALIDATION', `several cycles are in review: ${periods.join(', ')}`, { params: { messageId: 'calibration.error.severalInReview', periods } });
}

/** The cycle must be in review; a published (or closed) one is refused with the appeal path named. */
export async function requireInReview(deps: Pick<AppDeps, 'store'>, period: Period): Promise<ReviewCycle> {
  const cycle = await requireCycle(deps, period);
  if (cycle.state === 'in_review') return cycle;
  if (isPublishedState(cycle.state)) {
    throw new AppError('CONFLICT', `${cycle.periodKey} is already published`, { params: { messageId: 'calibration.error.published', period: cycle.periodKey } });
  }
  throw new AppError('CONFLICT', `the ${cycle.periodKey} cycle is ${cycle.state}, not in_review`, {
    params: { messageId: 'calibration.error.notInReview', period: cycle.periodKey, state: cycle.state },
  });
}

export async function teamsById(deps: Pick<AppDeps, 'store'>): Promise<Map<string, Team>> {
  return new Map((await deps.store.teams.find()).map((t) => [t.id, t] as const));
}

/** Refuses mentions of people the bot does not know, naming them. */
export function refuseUnknown(unknown: readonly string[]): void {
  if (unknown.length === 0) return;
  throw new AppError('VALIDATION', `unknown people mentioned: ${unknown.join(', ')}`, { params: { messageId: 'calibration.error.unknownPeople', names: [...unknown] } });
}
