import { AppError } from '../../domain/errors.js';
import type { LateEntry, LateEntryKind } from '../../domain/model/cycle.js';
import type { PlatformName } from '../../domain/model/delivery.js';
import type { Person } from '../../domain/model/people.js';
import { lateEntryRequestView } from '../../views/lifecycle-views.js';
import { audit } from '../cycle/cycles.js';
import type { AppDeps } from '../deps.js';
import { enqueue } from '../delivery/enqueue.js';
import { pastCloseDate, requireRole } from '../guards.js';
import { dmTargetOf } from '../jobs/recipients.js';
import { managerOf } from '../people/manager-of.js';
import { checkLateEntry } from './late-entry-check.js';

export const LATE_ENTRY_JOB = 'late-entry';

export interface LateEntryRequested {
  late: LateEntry;
  manager: Person;
  /** The close date the entry is past. */
  closeDate: string;
  /** False when the same submission was already requested (a platform retry): nothing new was sent. */
  created: boolean;
}

/**
 * An entry dated in a period past its cycle's close date: checked like an entry on time, kept as a
 * LateEntry, and sent to the rep's manager with Approve / Decline. Refused when the rep has no
 * manager, so nothing is stored that nobody can decide. The submission's requestId makes a retried
 * submission a no-op.
 */
export async function requestLateEntry(
  deps: AppDeps,
  actor: Person,
  input: { kind: LateEntryKind; raw: { requestId: string } & Record<string, unknown>; platforms: readonly PlatformName[] },
): Promise<LateEntryRequested> {
  requireRole(actor, ['rep', 'manager'], 'log entries');
  const checked = await checkLateEntry(deps, actor, input.kind, input.raw);
  const cycle = await pastCloseDate(deps, checked.date);
  // Only reached after the log use case refused the entry as late; a cycle reopened in between is rare.
  if (!cycle?.entryCloseDate) throw new AppError('CONFLICT', `${checked.date} is not past a close date: log it as usual`, { params: { messageId: 'error.invalidInput' } });
  const closeDate = cycle.entryCloseDate;
  const manager = await managerOf(deps, actor);
  if (!manager) {
    throw new AppError('CONFLICT', `${actor.name} has no manager to approve a late entry`, {
      params: { messageId: 'lifecycle.late.noManager', period: cycle.periodKey, closeDate: cycle.entryCloseDate },
    });
  }
  const { record: late, created } = await deps.store.lateEntries.insert({
    id: deps.newId(),
    periodKey: cycle.periodKey,
    repId: actor.id,
    managerId: manager.id,
    kind: input.kind,
    input: checked.input as LateEntry['input'],
    summary: checked.summary(manager.locale).slice(0, 500),
    state: 'pending',
    createdAt: deps.clock.now().toISOString(),
    requestId: input.raw.requestId,
  });
  if (!created) return { late, manager, closeDate, created };

  const to = dmTargetOf(manager, input.platforms);
  if (to) {
    const view = lateEntryRequestView(manager.locale, { id: late.id, repName: actor.name, periodKey: late.periodKey, closeDate, summary: late.summary });
    await enqueue(deps, [{ job: LATE_ENTRY_JOB, runKey: `request:${late.id}`, ...to, message: { text: view.title, view } }]);
  } else {
    deps.logger.warn({ managerId: manager.id, lateEntryId: late.id }, 'late entry: the manager has no chat identity on a running platform');
  }
  await audit(deps, actor, 'entry.late.request', late.id, { periodKey: late.periodKey, kind: late.kind, managerId: manager.id, summary: late.summary, closeDate: cycle.entryCloseDate });
  return { late, manager, closeDate, created };
}
