import { isPublishedState } from '../../domain/model/cycle.js';
import { AppError } from '../../domain/errors.js';
import type { PeerReview } from '../../domain/model/entries.js';
import { hasRole, type Person } from '../../domain/model/people.js';
import { quarterOf } from '../../domain/period.js';
import type { AppDeps } from '../deps.js';
import { requireRole, today, unknownRef } from '../guards.js';
import { parseInput } from '../validate.js';
import { PeerReviewInput } from './inputs.js';

/** Teammates the actor may review this quarter: same team, reps, not themselves. */
export async function reviewableTeammates(deps: Pick<AppDeps, 'store'>, actor: Person): Promise<Person[]> {
  if (!actor.teamId) return [];
  const mates = await deps.store.people.find({ teamId: actor.teamId, active: true });
  return mates.filter((p) => p.id !== actor.id && hasRole(p, 'rep'));
}

/**
 * `/peer-review`: one collaboration rating per pair per quarter. A second one replaces the first
 * until the quarter's cycle is published; never oneself; only teammates.
 */
export async function submitPeerReview(deps: AppDeps, actor: Person, raw: PeerReviewInput): Promise<{ review: PeerReview; replaced: boolean }> {
  requireRole(actor, ['rep', 'manager'], 'review peers');
  const input = parseInput(PeerReviewInput, raw);
  if (input.toId === actor.id) {
    throw new AppError('VALIDATION', 'you cannot review yourself', { params: { messageId: 'error.selfReview' }, issues: [{ path: 'toId', message: 'you cannot review yourself' }] });
  }
  const to = await deps.store.people.get(input.toId);
  if (!to) throw unknownRef('toId', 'person', input.toId);
  if (!actor.teamId || to.teamId !== actor.teamId) {
    throw new AppError('VALIDATION', `${to.name} is not in your team`, {
      params: { messageId: 'error.notTeammate', name: to.name },
      issues: [{ path: 'toId', message: 'choose someone in your team' }],
    });
  }
  const date = today(deps);
  const period = quarterOf(date);
  const [cycle] = await deps.store.cycles.find({ periodKey: period.key }, { limit: 1 });
  const [existing] = await deps.store.peerReviews.find({ fromId: actor.id, toId: to.id, periodKey: period.key }, { limit: 1 });
  if (existing && cycle && isPublishedState(cycle.state)) {
    throw new AppError('CONFLICT', `your review of ${to.name} for ${period.key} is final`, { params: { messageId: 'error.reviewFinal', name: to.name, period: period.key } });
  }
  if (existing?.requestId === input.requestId) return { review: existing, replaced: false };
  const review = await deps.store.peerReviews.put({
    id: existing?.id ?? deps.newId(),
    fromId: actor.id,
    toId: to.id,
    periodKey: period.key,
    collaboration: input.collaboration,
    comment: input.comment,
    date,
    requestId: input.requestId,
    createdAt: deps.clock.now().toISOString(),
  });
  return { review, replaced: existing !== undefined };
}
