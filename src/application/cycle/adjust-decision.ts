import { AppError } from '../../domain/errors.js';
import type { Adjustment } from '../../domain/model/cycle.js';
import type { PlatformName } from '../../domain/model/delivery.js';
import type { Person } from '../../domain/model/people.js';
import { parsePeriod } from '../../domain/period.js';
import { adjustmentDecidedView } from '../../views/adjustment-proposal-views.js';
import type { AppDeps } from '../deps.js';
import { enqueue } from '../delivery/enqueue.js';
import { scorePeriod } from '../score-period.js';
import { readSetting } from '../settings.js';
import { requireWithinLimit } from './adjust-proposal.js';
import { requireInReview } from './calibration-common.js';
import { audit, requireHr } from './cycles.js';
import { periodLock } from './period-lock.js';
import { dmTo } from './reward-common.js';

export const ADJUSTMENT_DECISION_JOB = 'adjustment-decision';

export interface AdjustmentDecision {
  adjustment: Adjustment;
  repName: string;
  /** True when someone had already decided: nothing changed. */
  alreadyDecided: boolean;
  before?: { total: number; grade: string };
  after?: { total: number; grade: string };
}

/**
 * HR accepts or rejects a manager's proposed adjustment (the buttons of the request) while the
 * cycle is in review, the limit checked again (HR may have adjusted since). Accepted, it counts in
 * the score; audited with the total and grade before and after; the manager is told by DM. A
 * second click, or a second HR person, finds it decided and changes nothing.
 */
export async function decideAdjustment(deps: AppDeps, actor: Person, input: { adjustmentId: string; accept: boolean; platforms: readonly PlatformName[] }): Promise<AdjustmentDecision> {
  requireHr(actor, 'decide on a score adjustment');
  const found = await deps.store.adjustments.get(input.adjustmentId);
  if (!found) throw new AppError('NOT_FOUND', `no adjustment ${input.adjustmentId}`, { params: { messageId: 'fairness.adjust.none' } });
  const period = parsePeriod(found.periodKey);
  return periodLock(period.key, async () => {
    const adjustment = (await deps.store.adjustments.get(found.id)) ?? found;
    const rep = await deps.store.people.get(adjustment.repId);
    const repName = rep?.name ?? adjustment.repId;
    if (adjustment.state !== 'pending') return { adjustment, repName, alreadyDecided: true };
    await requireInReview(deps, period);
    const policy = await readSetting(deps, 'cycle.policy');
    if (input.accept) await requireWithinLimit(deps, { period, rep: { id: adjustment.repId, name: repName }, delta: adjustment.delta, limit: policy.maxAdjustment, except: adjustment.id });
    const standing = async () => {
      const card = (await scorePeriod(deps, period)).reps.get(adjustment.repId)?.card;
      return card ? { total: card.total, grade: card.grade } : undefined;
    };
    const before = await standing();
    const decided = await deps.store.adjustments.put({ ...adjustment, state: input.accept ? 'accepted' : 'rejected', decidedBy: actor.id, decidedAt: deps.clock.now().toISOString() });
    const after = await standing();
    await audit(deps, actor, input.accept ? 'score.accept' : 'score.reject', adjustment.repId, {
      periodKey: adjustment.periodKey, adjustmentId: adjustment.id, delta: adjustment.delta, reason: adjustment.reason, proposedBy: adjustment.byId, before, after,
    });
    const proposer = await deps.store.people.get(adjustment.byId);
    if (proposer) {
      const view = adjustmentDecidedView(proposer.locale, { adjustment: decided, repName, deciderName: actor.name });
      await enqueue(deps, dmTo(proposer, { job: ADJUSTMENT_DECISION_JOB, runKey: adjustment.id }, input.platforms, view));
    }
    return { adjustment: decided, repName, alreadyDecided: false, ...(before ? { before } : {}), ...(after ? { after } : {}) };
  });
}
