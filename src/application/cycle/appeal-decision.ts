import { AppError, isAppError } from '../../domain/errors.js';
import type { Appeal, PublishedResult } from '../../domain/model/cycle.js';
import type { PlatformName } from '../../domain/model/delivery.js';
import type { Person } from '../../domain/model/people.js';
import { parsePeriod } from '../../domain/period.js';
import { appealAcceptedView, appealRejectedView } from '../../views/reward-views.js';
import type { AppDeps } from '../deps.js';
import { enqueue } from '../delivery/enqueue.js';
import { readSetting } from '../settings.js';
import { templateForPeriod } from '../templates.js';
import { appealByRef } from './appeal-number.js';
import { appealedScorecard, nextVersion, publishedBaseBonus } from './appeal-result.js';
import { audit, requireHr } from './cycles.js';
import { dmTo, requireReason, resultVersions } from './reward-common.js';

export const APPEAL_DECISION_JOB = 'appeal-decision';

/** Which appeal: by its number (`12`, `#12`) or id, or the mentioned rep's pending one (their newest). */
export type AppealRef = { appealId: string } | { rep: Person };

async function pendingAppeal(deps: AppDeps, ref: AppealRef): Promise<Appeal> {
  let appeal: Appeal | null;
  if ('appealId' in ref) appeal = await appealByRef(deps, ref.appealId);
  else appeal = (await deps.store.appeals.find({ repId: ref.rep.id, state: 'pending' })).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0] ?? null;
  if (!appeal) throw new AppError('NOT_FOUND', 'no such pending appeal', { params: { messageId: 'rewards.error.noAppeal' } });
  if (appeal.state !== 'pending') throw new AppError('CONFLICT', `appeal ${appeal.id} is ${appeal.state}`, { params: { messageId: 'rewards.error.appealDecided', state: appeal.state } });
  return appeal;
}

function parseDelta(text: string | undefined): number {
  const delta = Number((text ?? '').replace(/^\+/, ''));
  if (!text || !/^[+-]?\d+(\.\d+)?$/.test(text) || delta === 0 || Math.abs(delta) > 100) {
    throw new AppError('VALIDATION', `not a score change: ${text ?? ''}`, {
      params: { messageId: 'rewards.error.badDelta', value: text ?? '' },
      issues: [{ path: 'delta', message: 'write the points to add or remove, like +3 or -2.5' }],
    });
  }
  return delta;
}

export interface AcceptedAppeal {
  appeal: Appeal;
  before: PublishedResult;
  after: PublishedResult;
}

/**
 * `/appeal accept <appeal id | @rep> <±points> <reason>` (HR): a new version of the contested
 * result — the latest version with one more adjustment, total, grade, multiplier, penalty and
 * bonus recomputed with the template's grades and the base bonus the period was published with —
 * recording the reason and the appeal. Every older
 * version stays as it was. The rep is told old → new by DM.
 */
export async function acceptAppeal(deps: AppDeps, actor: Person, input: { ref: AppealRef; delta: string | undefined; reason: string; platforms: readonly PlatformName[] }): Promise<AcceptedAppeal> {
  requireHr(actor, 'decide on an appeal');
  const appeal = await pendingAppeal(deps, input.ref);
  const delta = parseDelta(input.delta);
  const reason = requireReason(input.reason);
  const before = (await resultVersions(deps, appeal.periodKey, appeal.repId)).at(-1)!;
  const card = before.scorecard;
  const template = (await deps.store.templates.get(`${card.templateId}@${card.templateVersion}`)) ?? (await templateForPeriod(deps, parsePeriod(appeal.periodKey)));
  const scorecard = appealedScorecard(template, card, { id: appeal.id, delta, reason, by: actor.id });
  const policy = await readSetting(deps, 'cycle.policy');
  const baseBonus = publishedBaseBonus(await deps.store.results.find({ periodKey: appeal.periodKey, version: 1 }), policy.baseBonus);
  const at = deps.clock.now().toISOString();
  const after = nextVersion(before, { id: deps.newId(), scorecard, baseBonus, at, by: actor.id, reason: `appeal accepted: ${reason}`, appealId: appeal.id });
  try {
    await deps.store.results.insert(after);
  } catch (e) {
    // Another HR person accepted an appeal on this result at the same moment (unique period, rep, version).
    if (isAppError(e) && e.code === 'CONFLICT') throw new AppError('CONFLICT', 'result changed meanwhile', { params: { messageId: 'rewards.error.appealDecided', state: 'accepted' } });
    throw e;
  }
  const accepted = await deps.store.appeals.put({ ...appeal, state: 'accepted', decidedBy: actor.id, decidedAt: at, decisionReason: reason, newVersion: after.version });
  await audit(deps, actor, 'appeal.accept', appeal.id, {
    periodKey: appeal.periodKey,
    repId: appeal.repId,
    fromVersion: before.version,
    toVersion: after.version,
    delta,
    reason,
    total: { from: before.scorecard.total, to: after.scorecard.total },
    grade: { from: before.scorecard.grade, to: after.scorecard.grade },
  });
  const rep = await deps.store.people.get(appeal.repId);
  if (rep) {
    const view = appealAcceptedView({ locale: rep.locale, currency: deps.settings.baseCurrency }, { appeal: accepted, before, after });
    await enqueue(deps, dmTo(rep, { job: APPEAL_DECISION_JOB, runKey: appeal.id }, input.platforms, view));
  }
  return { appeal: accepted, before, after };
}

/** `/appeal reject <appeal id | @rep> <reason>` (HR): the result stays; the rep is told why by DM. */
export async function rejectAppeal(deps: AppDeps, actor: Person, input: { ref: AppealRef; reason: string; platforms: readonly PlatformName[] }): Promise<Appeal> {
  requireHr(actor, 'decide on an appeal');
  const appeal = await pendingAppeal(deps, input.ref);
  const reason = requireReason(input.reason);
  const rejected = await deps.store.appeals.put({ ...appeal, state: 'rejected', decidedBy: actor.id, decidedAt: deps.clock.now().toISOString(), decisionReason: reason });
  await audit(deps, actor, 'appeal.reject', appeal.id, { periodKey: appeal.periodKey, repId: appeal.repId, resultVersion: appeal.resultVersion, reason });
  const rep = await deps.store.people.get(appeal.repId);
  if (rep) await enqueue(deps, dmTo(rep, { job: APPEAL_DECISION_JOB, runKey: appeal.id }, input.platforms, appealRejectedView(rep.locale, rejected)));
  return rejected;
}
