import { AppError } from '../../domain/errors.js';
import type { ReviewCycle } from '../../domain/model/cycle.js';
import type { Person } from '../../domain/model/people.js';
import type { SelfReview } from '../../domain/model/self-and-leave.js';
import type { CategoryKey } from '../../domain/model/template.js';
import { previousPeriod, quarterOf } from '../../domain/period.js';
import type { AppDeps } from '../deps.js';
import { requireRole, today } from '../guards.js';
import { audit, findCycle, periodFrom } from './cycles.js';

/** The cycle a self-review is for: the one named, else the current or previous quarter's while collecting. */
async function collectingCycle(deps: AppDeps, period: string | undefined): Promise<ReviewCycle> {
  const now = quarterOf(today(deps));
  const candidates = period ? [periodFrom(period)] : [now, previousPeriod(now)];
  for (const p of candidates) {
    const cycle = await findCycle(deps, p);
    if (cycle?.state === 'collecting') return cycle;
    if (cycle && period) {
      throw new AppError('CONFLICT', `the ${cycle.periodKey} cycle is ${cycle.state}`, { params: { messageId: 'selfReview.error.notCollecting', period: cycle.periodKey } });
    }
  }
  throw new AppError('NOT_FOUND', 'no cycle is collecting', { params: { messageId: 'selfReview.error.noCycle', period: candidates[0]!.key } });
}

/**
 * `/self-review <performance> <behaviour> <teamwork> [comment]` (a rep, while their cycle is
 * collecting): the rep's own 1–5 per category. A new one replaces the previous one for the period.
 * Shown beside the computed score to HR (calibration pack) and the manager (interview); never
 * part of the score.
 */
export async function submitSelfReview(
  deps: AppDeps,
  actor: Person,
  input: { ratings: Record<CategoryKey, number>; comment: string; period?: string; requestId?: string },
): Promise<{ review: SelfReview; replaced: boolean }> {
  requireRole(actor, ['rep'], 'write a self-review');
  const cycle = await collectingCycle(deps, input.period);
  const [existing] = await deps.store.selfReviews.find({ periodKey: cycle.periodKey, repId: actor.id }, { limit: 1 });
  const at = deps.clock.now().toISOString();
  const review = await deps.store.selfReviews.put({
    id: existing?.id ?? deps.newId(),
    periodKey: cycle.periodKey,
    repId: actor.id,
    ratings: input.ratings,
    comment: input.comment,
    createdAt: existing?.createdAt ?? at,
    ...(existing ? { updatedAt: at } : {}),
  });
  await audit(deps, actor, existing ? 'self-review.replace' : 'self-review.submit', review.id, { periodKey: cycle.periodKey, repId: actor.id, ratings: input.ratings });
  return { review, replaced: existing !== undefined };
}

/** A rep's self-review for a period, for the rep themselves, their manager or HR (callers check). */
export async function selfReviewOf(deps: Pick<AppDeps, 'store'>, repId: string, periodKey: string): Promise<SelfReview | null> {
  const [r] = await deps.store.selfReviews.find({ periodKey, repId }, { limit: 1 });
  return r ?? null;
}

/** The rep's own self-review in the collecting cycle (`/self-review` with no ratings). */
export async function ownSelfReview(deps: AppDeps, actor: Person): Promise<{ periodKey: string; review: SelfReview | null }> {
  requireRole(actor, ['rep'], 'write a self-review');
  const cycle = await collectingCycle(deps, undefined);
  return { periodKey: cycle.periodKey, review: await selfReviewOf(deps, actor.id, cycle.periodKey) };
}

