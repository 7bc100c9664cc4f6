import { AppError } from '../../domain/errors.js';
import type { LateEntry, LateEntryKind } from '../../domain/model/cycle.js';
import type { PlatformName } from '../../domain/model/delivery.js';
import { hasRole, type Person } from '../../domain/model/people.js';
import { t } from '../../views/i18n.js';
import { audit } from '../cycle/cycles.js';
import type { AppDeps } from '../deps.js';
import { enqueue } from '../delivery/enqueue.js';
import type { EntryOptions } from '../guards.js';
import { dmTargetOf } from '../jobs/recipients.js';
import { LATE_ENTRY_JOB } from './late-entry-request.js';
import { logDeal } from './log-deal.js';
import { logFeedback } from './log-feedback.js';
import { logPayment } from './log-payment.js';
import { logVisit } from './log-visit.js';
import { shareIntel } from './share-intel.js';

export interface LateEntryDecided {
  late: LateEntry;
  rep: Person;
}

/** Stores an approved late entry with the use case of its kind, as the rep, past only the close date. */
const STORE: Record<LateEntryKind, (deps: AppDeps, rep: Person, input: never, opts: EntryOptions) => Promise<string>> = {
  visit: async (deps, rep, input, opts) => (await logVisit(deps, rep, input, opts)).activity.id,
  deal: async (deps, rep, input, opts) => (await logDeal(deps, rep, input, opts)).deal.id,
  payment: async (deps, rep, input, opts) => (await logPayment(deps, rep, input, opts)).payment.id,
  feedback: async (deps, rep, input, opts) => (await logFeedback(deps, rep, input, opts)).feedback.id,
  intel: async (deps, rep, input, opts) => (await shareIntel(deps, rep, input, opts)).intel.id,
};

/**
 * The manager's (or HR's) Approve / Decline on a late entry. Approving stores the entry exactly as
 * the log use case would have on time, under a requestId derived from the late entry, so a second
 * run (a retry, a double click racing the first) stores nothing twice. The rep is told by DM either
 * way; a decided entry answers who decided it.
 */
export async function decideLateEntry(
  deps: AppDeps,
  actor: Person,
  input: { id: string; approve: boolean; platforms: readonly PlatformName[] },
): Promise<LateEntryDecided> {
  const late = await deps.store.lateEntries.get(input.id);
  if (!late) throw new AppError('NOT_FOUND', `no late entry ${input.id}`, { params: { messageId: 'lifecycle.late.unknown' } });
  const [manager, rep] = await Promise.all([deps.store.people.get(late.managerId), deps.store.people.get(late.repId)]);
  if (actor.id !== late.managerId && !hasRole(actor, 'hr')) {
    throw new AppError('FORBIDDEN', `${actor.name} may not decide ${late.id}: only ${late.managerId} or HR`, {
      params: { messageId: 'lifecycle.late.notYours', manager: manager?.name ?? late.managerId },
    });
  }
  if (late.state !== 'pending') throw await alreadyDecided(deps, actor, late);
  if (!rep) throw new AppError('NOT_FOUND', `the rep ${late.repId} of ${late.id} is gone`, { params: { messageId: 'lifecycle.late.unknown' } });

  const at = deps.clock.now().toISOString();
  let decided: LateEntry;
  if (input.approve) {
    // A refusal here (the period was published meanwhile, the deal is paid off) leaves it pending.
    const recordId = await STORE[late.kind](deps, rep, { ...late.input, requestId: `late:${late.id}` } as never, { allowLate: true });
    decided = await deps.store.lateEntries.put({ ...late, state: 'approved', decidedBy: actor.id, decidedAt: at, recordId });
  } else {
    decided = await deps.store.lateEntries.put({ ...late, state: 'declined', decidedBy: actor.id, decidedAt: at });
  }
  await audit(deps, actor, input.approve ? 'entry.late.approve' : 'entry.late.decline', late.id, {
    periodKey: late.periodKey,
    kind: late.kind,
    repId: late.repId,
    summary: late.summary,
    ...(decided.recordId ? { recordId: decided.recordId } : {}),
  });

  const to = dmTargetOf(rep, input.platforms);
  if (to) {
    const key = input.approve ? 'lifecycle.late.repApproved' : 'lifecycle.late.repDeclined';
    const text = t(rep.locale, key, { manager: actor.name, period: late.periodKey, summary: late.summary });
    await enqueue(deps, [{ job: LATE_ENTRY_JOB, runKey: `decided:${late.id}`, ...to, message: { text, view: { title: text, blocks: [{ type: 'text', text }] } } }]);
  }
  return { late: decided, rep };
}

async function alreadyDecided(deps: Pick<AppDeps, 'store'>, actor: Person, late: LateEntry): Promise<AppError> {
  const by = late.decidedBy ? ((await deps.store.people.get(late.decidedBy))?.name ?? late.decidedBy) : '?';
  return new AppError('CONFLICT', `late entry ${late.id} is already ${late.state}`, {
    params: { messageId: 'lifecycle.late.alreadyDecided', by, state: t(actor.locale, `lifecycle.late.state.${late.state as 'approved' | 'declined'}`) },
  });
}
