import { AppError } from '../../domain/errors.js';
import type { PlatformName } from '../../domain/model/delivery.js';
import { hasRole, type Person } from '../../domain/model/people.js';
import type { Absence } from '../../domain/model/self-and-leave.js';
import { leaveDecidedView, leaveRequestView } from '../../views/leave-approval-views.js';
import type { AppDeps } from '../deps.js';
import { enqueue } from '../delivery/enqueue.js';
import { audit } from '../cycle/cycles.js';
import { dmTo, toHr } from '../cycle/reward-common.js';
import { managerOf } from './manager-of.js';

export const LEAVE_REQUEST_JOB = 'leave-request';
export const LEAVE_DECISION_JOB = 'leave-decision';

/**
 * Leave a person records for themselves lowers their targets only once approved: unapproved, it
 * raised a rep's score (51.1 → 56.5 in issue 14). The manager is asked by DM with Approve /
 * Reject; with no manager, HR is.
 */
export async function askApproval(deps: AppDeps, x: { absence: Absence; person: Person; platforms: readonly PlatformName[] }): Promise<number> {
  const manager = await managerOf(deps, x.person);
  const base = { job: LEAVE_REQUEST_JOB, runKey: x.absence.id };
  const deliveries =
    manager && manager.id !== x.person.id
      ? dmTo(manager, base, x.platforms, leaveRequestView(manager.locale, { absence: x.absence, name: x.person.name }))
      : await toHr(deps, base, x.platforms, (locale) => leaveRequestView(locale, { absence: x.absence, name: x.person.name }));
  return (await enqueue(deps, deliveries)).queued;
}

export interface LeaveDecision {
  absence: Absence;
  name: string;
  alreadyDecided: boolean;
}

/** The person's manager or HR decides; nobody their own leave. */
async function requireMayDecide(deps: AppDeps, actor: Person, person: Person | null, absence: Absence): Promise<void> {
  if (actor.id === absence.personId) throw new AppError('FORBIDDEN', 'own leave', { params: { messageId: 'fairness.away.ownDecision' } });
  if (hasRole(actor, 'hr')) return;
  if (person && (await managerOf(deps, person))?.id === actor.id) return;
  throw new AppError('FORBIDDEN', `${actor.name} may not decide ${absence.personId}'s leave`, { params: { messageId: 'fairness.away.notYours', name: person?.name ?? absence.personId } });
}

/** The Approve / Reject buttons of a leave request; a second click finds it decided and changes nothing. */
export async function decideLeave(deps: AppDeps, actor: Person, input: { absenceId: string; approve: boolean; platforms: readonly PlatformName[] }): Promise<LeaveDecision> {
  const absence = await deps.store.absences.get(input.absenceId);
  if (!absence) throw new AppError('NOT_FOUND', `no absence ${input.absenceId}`, { params: { messageId: 'fairness.away.gone' } });
  const person = await deps.store.people.get(absence.personId);
  await requireMayDecide(deps, actor, person, absence);
  const name = person?.name ?? absence.personId;
  if (absence.approval !== 'pending') return { absence, name, alreadyDecided: true };
  const decided = await deps.store.absences.put({ ...absence, approval: input.approve ? 'approved' : 'rejected', decidedBy: actor.id, decidedAt: deps.clock.now().toISOString() });
  await audit(deps, actor, input.approve ? 'away.approve' : 'away.reject', absence.id, { personId: absence.personId, repId: absence.personId, from: absence.from, to: absence.to });
  if (person) await enqueue(deps, dmTo(person, { job: LEAVE_DECISION_JOB, runKey: absence.id }, input.platforms, leaveDecidedView(person.locale, { absence: decided, name, deciderName: actor.name })));
  return { absence: decided, name, alreadyDecided: false };
}
