import { isAppError } from '../../domain/errors.js';
import type { PublishedResult } from '../../domain/model/cycle.js';
import type { PlatformName } from '../../domain/model/delivery.js';
import type { Person } from '../../domain/model/people.js';
import type { AppDeps } from '../deps.js';
import { enqueue } from '../delivery/enqueue.js';
import { bonusAmountOf } from './appeal-result.js';
import { checkCalendar } from './calendar-check.js';
import { alreadyPublished, periodFrom, requireHr, transition } from './cycles.js';
import { periodLock } from './period-lock.js';
import { quarterOf } from '../../domain/period.js';
import { today } from '../guards.js';
import { preparePublication, type PublicationPlan } from './prepare-publication.js';
import { publicationDeliveries } from './publication-deliveries.js';

export interface Publication {
  plan: PublicationPlan;
  version: number;
  results: number;
  queued: number;
}

const FIRST_VERSION = 1;

/**
 * `/publish-results <period> confirm [early <reason>]` or the Publish button (HR, cycle in review,
 * period over; before its end only with a reason, audited): freezes version 1
 * of every graded rep's result (all or nothing) with its bonus amount (when a base bonus is set)
 * and approved special awards, marks the cycle published, and queues the channel summary, each
 * rep's DM, each manager's team results and the penalty flags to HR. A second publication of the period is refused.
 *
 * A publication interrupted after the results were frozen but before the cycle was marked (a crash,
 * the store going away) is finished by confirming again: the frozen results are kept as they are,
 * the messages are built from them, and queuing is idempotent, so nothing is sent twice.
 */
export async function publishResults(deps: AppDeps, actor: Person, input: { period?: string | undefined; platforms: readonly PlatformName[]; early?: string | undefined }): Promise<Publication> {
  requireHr(actor, 'publish results');
  // The same key as /adjust, so an adjustment in flight lands before the results are frozen.
  const key = (input.period ? periodFrom(input.period) : quarterOf(today(deps))).key;
  return periodLock(key, () => publishLocked(deps, actor, input));
}

async function publishLocked(deps: AppDeps, actor: Person, input: { period?: string | undefined; platforms: readonly PlatformName[]; early?: string | undefined }): Promise<Publication> {
  const plan = await preparePublication(deps, actor, input);
  const periodKey = plan.cycle.periodKey;
  const frozen = await deps.store.results.find({ periodKey, version: FIRST_VERSION });
  if (frozen.length > 0) return finishInterrupted(deps, actor, plan, frozen, input.platforms);
  // Refused (before anything is frozen) while reps may still log for the period, unless HR overrides.
  const early = checkCalendar(deps, plan.cycle, 'publish', input.early);
  const at = deps.clock.now().toISOString();
  const { baseBonus } = plan.policy;
  const results = plan.graded.map((s) => ({
    id: deps.newId(),
    periodKey,
    repId: s.rep.id,
    version: FIRST_VERSION,
    // A deep copy: the snapshot shares nothing with the live scores.
    scorecard: structuredClone(s.card),
    ...(baseBonus !== null ? { bonusAmount: bonusAmountOf(baseBonus, s.card.bonusMultiplier)! } : {}),
    awardIds: plan.approvedAwards.filter((a) => a.repId === s.rep.id).map((a) => a.id),
    publishedAt: at,
    publishedBy: actor.id,
    reason: 'first publication',
  }));
  let stored: number;
  try {
    stored = await deps.store.results.insertMany(results);
  } catch (e) {
    // Another publication of this period got there first (the unique key period, rep, version).
    if (isAppError(e) && e.code === 'CONFLICT') throw alreadyPublished(periodKey);
    throw e;
  }
  await transition(deps, actor, plan.cycle, 'published', {
    version: FIRST_VERSION,
    templateVersion: plan.scores.template.version,
    results: stored,
    grades: Object.fromEntries(plan.gradeCounts.map((g) => [g.grade, g.count])),
    ...(plan.totalBonus !== null ? { baseBonus: plan.policy.baseBonus, totalBonus: plan.totalBonus } : {}),
    awardIds: plan.approvedAwards.map((a) => a.id),
    ...early,
  });
  const { queued } = await enqueue(deps, await publicationDeliveries(deps, plan, { version: FIRST_VERSION, platforms: input.platforms, results }));
  return { plan, version: FIRST_VERSION, results: stored, queued };
}

/** The second half of a publication whose results were already frozen (see publishResults). */
async function finishInterrupted(
  deps: AppDeps,
  actor: Person,
  plan: PublicationPlan,
  frozen: readonly PublishedResult[],
  platforms: readonly PlatformName[],
): Promise<Publication> {
  const byRep = new Map(frozen.map((r) => [r.repId, r.scorecard]));
  // The messages say what was frozen, not what the live scores have become since.
  const withFrozen = <T extends { rep: { id: string }; card: unknown }>(s: T): T => (byRep.has(s.rep.id) ? { ...s, card: byRep.get(s.rep.id)! } : s);
  const graded = plan.graded.filter((s) => byRep.has(s.rep.id)).map(withFrozen);
  const scores = { ...plan.scores, reps: new Map([...plan.scores.reps].map(([id, s]) => [id, withFrozen(s)])) };
  const gradeCounts = plan.gradeCounts.map((g) => ({ grade: g.grade, count: graded.filter((s) => s.card.grade === g.grade).length }));
  const finished: PublicationPlan = { ...plan, scores, graded, gradeCounts };
  await transition(deps, actor, plan.cycle, 'published', { version: FIRST_VERSION, templateVersion: plan.scores.template.version, results: frozen.length, resumed: true });
  const { queued } = await enqueue(deps, await publicationDeliveries(deps, finished, { version: FIRST_VERSION, platforms, results: frozen }));
  return { plan: finished, version: FIRST_VERSION, results: frozen.length, queued };
}
