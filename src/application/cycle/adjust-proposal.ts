import { AppError } from '../../domain/errors.js';
import { isApplied, type Adjustment } from '../../domain/model/cycle.js';
import type { PlatformName } from '../../domain/model/delivery.js';
import type { Person } from '../../domain/model/people.js';
import type { Period } from '../../domain/period.js';
import { adjustmentProposalView } from '../../views/adjustment-proposal-views.js';
import type { AppDeps } from '../deps.js';
import { enqueue } from '../delivery/enqueue.js';
import { toHr } from './reward-common.js';

export const ADJUSTMENT_REQUEST_JOB = 'adjustment-request';

/**
 * The policy limit (`/appraisal-admin policy max-adjust <points>`): a rep's adjustments in a period
 * — applied ones and proposals still waiting — may add up to at most ± the limit, so two +5s
 * cannot make a +10. Beyond it the adjustment is refused with the room left.
 */
export async function requireWithinLimit(
  deps: Pick<AppDeps, 'store'>,
  x: { period: Pick<Period, 'key'>; rep: Pick<Person, 'id' | 'name'>; delta: number; limit: number; except?: string },
): Promise<void> {
  const counted = (await deps.store.adjustments.find({ periodKey: x.period.key, repId: x.rep.id })).filter((a) => a.id !== x.except && (isApplied(a) || a.state === 'pending'));
  const sum = counted.reduce((s, a) => s + a.delta, 0);
  const next = Math.round((sum + x.delta) * 100) / 100;
  if (Math.abs(next) > x.limit + 1e-9) {
    throw new AppError('VALIDATION', `adjustments for ${x.rep.name} would add up to ${next}, over ±${x.limit}`, {
      params: { messageId: 'fairness.adjust.overLimit', limit: x.limit, name: x.rep.name, sum: Math.round(sum * 100) / 100, period: x.period.key },
      issues: [{ path: 'delta', message: `adjustments may add up to at most ±${x.limit} points` }],
    });
  }
}

/** HR's DMs and the HR-private channel: a manager proposes, with Accept / Reject buttons. */
export async function askHr(
  deps: AppDeps,
  x: { adjustment: Adjustment; rep: Person; proposer: Person; before: { total: number; grade: string }; after: { total: number; grade: string }; platforms: readonly PlatformName[] },
): Promise<number> {
  const deliveries = await toHr(deps, { job: ADJUSTMENT_REQUEST_JOB, runKey: x.adjustment.id }, x.platforms, (locale) =>
    adjustmentProposalView(locale, { adjustment: x.adjustment, repName: x.rep.name, proposerName: x.proposer.name, before: x.before, after: x.after }),
  );
  return (await enqueue(deps, deliveries)).queued;
}
