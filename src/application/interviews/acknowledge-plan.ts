import { AppError } from '../../domain/errors.js';
import type { ImprovementPlan } from '../../domain/model/cycle.js';
import type { PlatformName } from '../../domain/model/delivery.js';
import type { Person } from '../../domain/model/people.js';
import { t } from '../../views/i18n.js';
import { audit } from '../cycle/cycles.js';
import type { AppDeps } from '../deps.js';
import { enqueue } from '../delivery/enqueue.js';
import { dmTargetOf } from '../jobs/recipients.js';

export const ACK_JOB = 'plan-acknowledged';

/**
 * The rep's "Acknowledge" on their improvement plan: only the rep may; the first click records the
 * time (audited) and tells the manager; a later click changes nothing and says when it was done.
 */
export async function acknowledgePlan(deps: AppDeps, actor: Person, input: { planId: string; platforms: readonly PlatformName[] }): Promise<{ plan: ImprovementPlan; rep: Person; already: boolean }> {
  const plan = await deps.store.plans.get(input.planId);
  if (!plan) throw new AppError('NOT_FOUND', `no plan ${input.planId}`, { params: { messageId: 'plan.error.unknown' } });
  const rep = plan.repId === actor.id ? actor : await deps.store.people.get(plan.repId);
  if (plan.repId !== actor.id || !rep) {
    throw new AppError('FORBIDDEN', `${actor.name} may not acknowledge ${rep?.name ?? plan.repId}'s plan`, { params: { messageId: 'plan.error.notYours', name: rep?.name ?? plan.repId } });
  }
  if (plan.acknowledgedAt) return { plan, rep, already: true };
  const acknowledgedAt = deps.clock.now().toISOString();
  const stored = await deps.store.plans.put({ ...plan, acknowledgedAt });
  await audit(deps, actor, 'plan.acknowledge', plan.id, { repId: plan.repId, targetPeriodKey: plan.targetPeriodKey, reason: 'the rep acknowledged the plan' });
  const manager = await deps.store.people.get(plan.managerId);
  const to = manager?.active ? dmTargetOf(manager, input.platforms) : null;
  if (manager && to) {
    const text = t(manager.locale, 'plan.ackNotice', { rep: rep.name, target: plan.targetPeriodKey });
    await enqueue(deps, [{ job: ACK_JOB, runKey: plan.id, ...to, message: { text, view: { title: text, blocks: [{ type: 'text', text }] } } }]);
  }
  return { plan: stored, rep, already: false };
}
