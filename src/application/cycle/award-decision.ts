import { AppError } from '../../domain/errors.js';
import type { Award } from '../../domain/model/cycle.js';
import type { PlatformName } from '../../domain/model/delivery.js';
import type { Person } from '../../domain/model/people.js';
import { awardDecidedView } from '../../views/reward-views.js';
import type { AppDeps } from '../deps.js';
import { enqueue } from '../delivery/enqueue.js';
import { audit, requireHr } from './cycles.js';
import { dmTo, isPublished } from './reward-common.js';

export const AWARD_DECISION_JOB = 'award-decision';

export interface AwardDecision {
  award: Award;
  repName: string;
  /** True when someone had already decided: nothing changed. */
  alreadyDecided: boolean;
}

/**
 * HR approves or rejects a manager's award (the buttons of the request). A second click, or a
 * second HR person, finds it decided and changes nothing. The proposer is told by DM.
 */
export async function decideAward(deps: AppDeps, actor: Person, input: { awardId: string; approve: boolean; platforms: readonly PlatformName[] }): Promise<AwardDecision> {
  requireHr(actor, 'decide on a special award');
  const award = await deps.store.awards.get(input.awardId);
  if (!award) throw new AppError('NOT_FOUND', `no award ${input.awardId}`, { params: { messageId: 'rewards.error.noAward' } });
  const rep = await deps.store.people.get(award.repId);
  const repName = rep?.name ?? award.repId;
  if (award.state !== 'pending') return { award, repName, alreadyDecided: true };
  if (await isPublished(deps, award.periodKey)) {
    throw new AppError('CONFLICT', `${award.periodKey} is published`, { params: { messageId: 'rewards.error.periodPublished', period: award.periodKey } });
  }
  const decided = await deps.store.awards.put({ ...award, state: input.approve ? 'approved' : 'rejected', decidedBy: actor.id, decidedAt: deps.clock.now().toISOString() });
  await audit(deps, actor, input.approve ? 'award.approve' : 'award.reject', award.id, { periodKey: award.periodKey, repId: award.repId, title: award.title, grantedBy: award.grantedBy });
  const proposer = await deps.store.people.get(award.grantedBy);
  if (proposer) {
    const view = awardDecidedView(proposer.locale, { award: decided, repName, deciderName: actor.name });
    await enqueue(deps, dmTo(proposer, { job: AWARD_DECISION_JOB, runKey: award.id }, input.platforms, view));
  }
  return { award: decided, repName, alreadyDecided: false };
}
