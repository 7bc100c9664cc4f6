import { AppError } from '../../domain/errors.js';
import { type CycleState, isPublishedState, type ReviewCycle } from '../../domain/model/cycle.js';
import type { Person } from '../../domain/model/people.js';
import { parsePeriod, type Period } from '../../domain/period.js';
import type { AppDeps } from '../deps.js';
import { requireRole } from '../guards.js';

/** Shared by the cycle use cases: the HR check, finding a cycle, legal transitions, the audit line. */

export const requireHr = (actor: Person, action: string): void => requireRole(actor, ['hr'], action);

/** A period key typed by a user (`2026-q3`, `2026`), refused with a clear message when it is not one. */
export const periodFrom = (key: string | undefined): Period => parsePeriod(key ?? '');

export async function findCycle(deps: Pick<AppDeps, 'store'>, period: Period): Promise<ReviewCycle | null> {
  const [cycle] = await deps.store.cycles.find({ periodKey: period.key }, { limit: 1 });
  return cycle ?? null;
}

export async function requireCycle(deps: Pick<AppDeps, 'store'>, period: Period): Promise<ReviewCycle> {
  const cycle = await findCycle(deps, period);
  if (!cycle) throw new AppError('NOT_FOUND', `no review cycle for ${period.key}`, { params: { messageId: 'cycle.error.none', period: period.key } });
  return cycle;
}

/** The cycle must be in `needed`; a published (or closed) one is refused as already published. */
export function assertState(cycle: ReviewCycle, needed: CycleState): void {
  if (cycle.state === needed) return;
  if (needed === 'in_review' && isPublishedState(cycle.state)) throw alreadyPublished(cycle.periodKey);
  throw new AppError('CONFLICT', `the ${cycle.periodKey} cycle is ${cycle.state}, not ${needed}`, {
    params: { messageId: 'cycle.error.transition', period: cycle.periodKey, state: cycle.state, needed },
  });
}

export const alreadyPublished = (periodKey: string): AppError =>
  new AppError('CONFLICT', `${periodKey} is already published`, { params: { messageId: 'cycle.error.published', period: periodKey } });

/** Moves a cycle to a new state and records who did it. */
export async function transition(deps: Pick<AppDeps, 'store' | 'clock' | 'newId'>, actor: Person, cycle: ReviewCycle, to: CycleState, details: Record<string, unknown> = {}): Promise<ReviewCycle> {
  const at = deps.clock.now().toISOString();
  const next = await deps.store.cycles.put({ ...cycle, state: to, updatedAt: at });
  await audit(deps, actor, `cycle.${to}`, cycle.id, { periodKey: cycle.periodKey, from: cycle.state, ...details });
  return next;
}

export async function audit(deps: Pick<AppDeps, 'store' | 'clock' | 'newId'>, actor: Person, action: string, subjectId: string, details: Record<string, unknown>): Promise<void> {
  await deps.store.audit.insert({ id: deps.newId(), at: deps.clock.now().toISOString(), actorId: actor.id, action, subjectId, details });
}
