import { AppError } from '../../domain/errors.js';
import type { Award } from '../../domain/model/cycle.js';
import type { PlatformName } from '../../domain/model/delivery.js';
import { hasRole, type Person } from '../../domain/model/people.js';
import { awardRequestView } from '../../views/reward-views.js';
import type { AppDeps } from '../deps.js';
import { enqueue } from '../delivery/enqueue.js';
import { requireRole } from '../guards.js';
import { audit } from './cycles.js';
import { managerOf } from '../people/manager-of.js';
import { awardPeriod, isPublished, requireReason, toHr } from './reward-common.js';

export const AWARD_REQUEST_JOB = 'award-request';

export interface GrantAwardInput {
  rep: Person | undefined;
  title: string;
  reason: string;
  period?: string | undefined;
  platforms: readonly PlatformName[];
}

/**
 * `/award @rep <title>: <reason> [period]`: HR grants a special award at once; the rep's manager
 * proposes one, which waits for HR (asked by DM and in the HR-private channel, with buttons).
 * Reps may not award; a published period's awards are frozen.
 */
export async function grantAward(deps: AppDeps, actor: Person, input: GrantAwardInput): Promise<{ award: Award; queued: number }> {
  requireRole(actor, ['hr', 'manager'], 'grant a special award');
  const rep = input.rep;
  if (!rep) throw new AppError('VALIDATION', 'no rep named', { params: { messageId: 'rewards.error.awardUsage' } });
  if (!hasRole(rep, 'rep')) throw new AppError('VALIDATION', `${rep.name} is not a rep`, { params: { messageId: 'rewards.error.notRep', name: rep.name } });
  const hr = hasRole(actor, 'hr');
  // Nobody awards themselves, HR included: a player-coach's award is proposed by someone else and decided by HR.
  if (actor.id === rep.id) throw new AppError('FORBIDDEN', `${actor.name} may not award themselves`, { params: { messageId: 'rewards.error.selfAward' } });
  if (!hr && (await managerOf(deps, rep))?.id !== actor.id) {
    throw new AppError('FORBIDDEN', `${actor.name} does not manage ${rep.name}`, { params: { messageId: 'rewards.error.notYourRep', name: rep.name } });
  }
  const title = input.title.trim();
  if (!title || title.length > 200) throw new AppError('VALIDATION', 'award title missing or too long', { params: { messageId: 'rewards.error.awardUsage' } });
  const reason = requireReason(input.reason);
  const period = await awardPeriod(deps, input.period);
  if (await isPublished(deps, period.key)) {
    throw new AppError('CONFLICT', `${period.key} is published`, { params: { messageId: 'rewards.error.periodPublished', period: period.key } });
  }
  const at = deps.clock.now().toISOString();
  const award: Award = {
    id: deps.newId(),
    periodKey: period.key,
    repId: rep.id,
    title,
    reason,
    grantedBy: actor.id,
    // HR's own award needs nobody's approval.
    state: hr ? 'approved' : 'pending',
    ...(hr ? { decidedBy: actor.id, decidedAt: at } : {}),
    createdAt: at,
  };
  const { record } = await deps.store.awards.insert(award);
  await audit(deps, actor, 'award.grant', record.id, { periodKey: period.key, repId: rep.id, title, reason, state: record.state });
  if (hr) return { award: record, queued: 0 };
  const deliveries = await toHr(deps, { job: AWARD_REQUEST_JOB, runKey: record.id }, input.platforms, (locale) =>
    awardRequestView(locale, { award: record, repName: rep.name, grantedByName: actor.name }),
  );
  const { queued } = await enqueue(deps, deliveries);
  return { award: record, queued };
}
