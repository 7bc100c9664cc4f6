import { z } from 'zod';
import { AppError } from '../../domain/errors.js';
import type { LocalDate } from '../../domain/dates.js';
import { Id } from '../../domain/model/fields.js';
import type { Person } from '../../domain/model/people.js';
import { quarterOf } from '../../domain/period.js';
import { ENTRY_COLLECTION, ENTRY_KINDS, entryDate, type AnyEntry } from '../../domain/model/entry-kinds.js';
import type { RecordInput } from '../../domain/records.js';
import type { AppDeps } from '../deps.js';
import { isPeriodOpen, pastCloseDate } from '../guards.js';

/** What a rep can see, change and delete among their own entries (which kinds: domain/model/entry-kinds.ts). */

/** An entry's identity as a button carries it: `{"kind":"visit","id":"…"}`. */
export const EntryRef = z.object({ kind: z.enum(ENTRY_KINDS), id: Id });
export type EntryRef = z.infer<typeof EntryRef>;

/**
 * The actor's own entry. Someone else's entry is reported exactly like a missing one, so ids cannot
 * be probed for other people's records.
 */
export async function ownEntry(deps: Pick<AppDeps, 'store'>, actor: Person, ref: EntryRef): Promise<AnyEntry> {
  const record = await deps.store[ENTRY_COLLECTION[ref.kind]].get(ref.id);
  if (!record || record.repId !== actor.id) {
    throw new AppError('VALIDATION', `no ${ref.kind} ${ref.id} among ${actor.name}'s entries`, {
      params: { messageId: 'error.unknownEntry' },
      issues: [{ path: 'id', message: 'unknown entry' }],
    });
  }
  return { kind: ref.kind, record } as AnyEntry;
}

/** Whether an entry dated `date` may still be changed: its quarter is open (the rule of `assertDateOpen`). */
export const isEditable = async (deps: Pick<AppDeps, 'store' | 'clock' | 'settings'>, date: LocalDate): Promise<boolean> =>
  (await isPeriodOpen(deps, quarterOf(date))) && !(await pastCloseDate(deps, date));

export async function assertEditable(deps: Pick<AppDeps, 'store' | 'clock' | 'settings'>, entry: AnyEntry): Promise<void> {
  const date = entryDate(entry);
  if (await isEditable(deps, date)) return;
  // Past the close date a change needs the manager: the rep logs it as a new (late) entry instead.
  const late = await pastCloseDate(deps, date);
  if (late && (await isPeriodOpen(deps, quarterOf(date)))) {
    throw new AppError('CONFLICT', `${entry.kind} ${entry.record.id} is dated ${date}, in ${late.periodKey}, closed for entries on ${late.entryCloseDate}`, {
      params: { messageId: 'lifecycle.late.editLocked', date, period: late.periodKey, closeDate: late.entryCloseDate },
    });
  }
  const period = quarterOf(date).key;
  throw new AppError('CONFLICT', `${entry.kind} ${entry.record.id} is dated ${date}, in ${period}, which is closed`, {
    params: { messageId: 'error.entryLocked', date, period },
  });
}

/** The fields an edit keeps from the stored record. */
export const identityOf = <R extends { id: string; repId: string; requestId?: string | undefined; createdAt: string }>(r: R) => ({
  id: r.id,
  repId: r.repId,
  createdAt: r.createdAt,
  ...(r.requestId ? { requestId: r.requestId } : {}),
});

/** Every change to an entry after the fact is in the audit log, with the records involved. */
export async function auditEntry(
  deps: Pick<AppDeps, 'store' | 'clock' | 'newId'>,
  actor: Person,
  action: 'entry.delete' | 'entry.edit',
  entry: AnyEntry,
  details: Record<string, unknown>,
): Promise<void> {
  const write = auditWrite(deps, actor, action, entry, details);
  await deps.store.audit.insert(write.record);
}

/** The audit record of a change to an entry, to store in the same batch as the change. */
export function auditWrite(
  deps: Pick<AppDeps, 'clock' | 'newId'>,
  actor: Person,
  action: 'entry.delete' | 'entry.edit',
  entry: AnyEntry,
  details: Record<string, unknown>,
): { op: 'insert'; collection: 'audit'; record: RecordInput<'audit'> } {
  return {
    op: 'insert',
    collection: 'audit',
    record: {
      id: deps.newId(),
      at: deps.clock.now().toISOString(),
      actorId: actor.id,
      action,
      subjectId: entry.record.id,
      details: { kind: entry.kind, ...details },
    },
  };
}
