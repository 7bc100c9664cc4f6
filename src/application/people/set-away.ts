import { isLocalDate, type LocalDate } from '../../domain/dates.js';
import { AppError } from '../../domain/errors.js';
import type { Person } from '../../domain/model/people.js';
import type { Absence } from '../../domain/model/self-and-leave.js';
import type { AppDeps } from '../deps.js';
import { audit } from '../cycle/cycles.js';
import { requireRole, today } from '../guards.js';
import type { PlatformName } from '../../domain/model/delivery.js';
import { askApproval } from './away-approval.js';

const badDate = (value: string, field: string) =>
  new AppError('VALIDATION', `not a date: ${value}`, { params: { messageId: 'away.error.badDate', value }, issues: [{ path: field, message: 'must be a real date written YYYY-MM-DD' }] });

/** Someone else's absence is for administrators and HR; one's own for anybody. */
export function requireMayRecord(actor: Person, person: Person): void {
  if (actor.id !== person.id) requireRole(actor, ['admin', 'hr'], `record leave for ${person.name}`);
}

/**
 * `/away <from> <to> [note]` (oneself) or `/away @person <from> <to> [note]` (an administrator or
 * HR): no nudge or reminder reaches the person on those days, and approved leave longer than the
 * policy's threshold prorates their targets (one's own needs the manager's or HR's approval
 * first: away-approval.ts). Past days may be recorded (leave is often entered late).
 */
export async function setAway(
  deps: AppDeps,
  actor: Person,
  input: { person: Person; from: string; to: string | undefined; note?: string; requestId?: string; platforms?: readonly PlatformName[] },
): Promise<Absence> {
  requireMayRecord(actor, input.person);
  const to = input.to ?? input.from;
  if (!isLocalDate(input.from)) throw badDate(input.from, 'from');
  if (!isLocalDate(to)) throw badDate(to, 'to');
  // One's own leave waits for the manager's or HR's approval before it may prorate targets;
  // leave HR or an administrator records for someone is approved by recording it.
  const own = actor.id === input.person.id;
  const at = deps.clock.now().toISOString();
  const { record, created } = await deps.store.absences.insert({
    id: deps.newId(),
    personId: input.person.id,
    from: input.from,
    to,
    note: input.note ?? '',
    createdBy: actor.id,
    createdAt: at,
    ...(input.requestId ? { requestId: input.requestId } : {}),
    ...(own ? { approval: 'pending' } : { approval: 'approved', decidedBy: actor.id, decidedAt: at }),
  });
  if (!created) return record;
  await audit(deps, actor, 'away.set', record.id, { personId: input.person.id, repId: input.person.id, from: record.from, to: record.to, note: record.note || null, approval: record.approval ?? null });
  if (own) await askApproval(deps, { absence: record, person: input.person, platforms: input.platforms ?? deps.settings.platforms ?? [] });
  return record;
}

/** The person's absences that have not ended yet (or all since `since`), earliest first. */
export async function listAway(deps: Pick<AppDeps, 'store' | 'clock' | 'settings'>, person: Person, since?: LocalDate): Promise<Absence[]> {
  const from = since ?? today(deps);
  return (await deps.store.absences.find({ personId: person.id }, { sort: { field: 'from', dir: 'asc' } })).filter((a) => a.to >= from);
}

/** `/away cancel <from>`: removes the person's absence starting that day. */
export async function cancelAway(deps: AppDeps, actor: Person, input: { person: Person; from: string }): Promise<Absence> {
  requireMayRecord(actor, input.person);
  if (!isLocalDate(input.from)) throw badDate(input.from, 'from');
  const [absence] = await deps.store.absences.find({ personId: input.person.id, from: input.from }, { limit: 1 });
  if (!absence) throw new AppError('NOT_FOUND', `no absence from ${input.from}`, { params: { messageId: 'away.error.none', date: input.from } });
  await deps.store.absences.delete(absence.id);
  await audit(deps, actor, 'away.cancel', absence.id, { personId: input.person.id, repId: input.person.id, from: absence.from, to: absence.to });
  return absence;
}
