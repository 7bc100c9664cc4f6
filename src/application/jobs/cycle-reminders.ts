import { textView } from '../../views/text-view.js';
import { addDays, localParts, todayIn, type LocalDate } from '../../domain/dates.js';
import type { ReviewCycle } from '../../domain/model/cycle.js';
import { hasRole, type Person } from '../../domain/model/people.js';
import { t, type MessageKey } from '../../views/i18n.js';
import { lateEntryReminderView } from '../../views/lifecycle-views.js';
import type { AppDeps } from '../deps.js';
import type { Delivery } from '../delivery/enqueue.js';
import type { Job, JobRun } from './job.js';
import { atLocalTime, dmTargetOf } from './recipients.js';

/** Days before the entry close date on which every active rep is reminded. */
const CLOSE_REMINDER_DAYS = [3, 1] as const;
/** A late entry pending this many days reminds its manager (once). */
const LATE_PENDING_DAYS = 2;


type Planned = Omit<Delivery, 'job'>;

/**
 * The review cycle's daily reminders. Each has its own run key (period and purpose, or the late
 * entry), not the day's, so a reminder is queued exactly once even when the job runs again or a
 * day was missed:
 * - 3 days and 1 day before a collecting cycle's entry close date, every active rep;
 * - once the close date has passed and the cycle still collects, HR ("move it to review");
 * - the day before the review meeting, each participant;
 * - a late entry pending for 2 days or more, its manager.
 */
export const cycleReminders: Job = {
  name: 'cycle-reminders',
  description: 'Review-cycle reminders: entry close date, move to review, meeting tomorrow, pending late entries (daily, 09:00 local)',
  defaultSchedule: '0 8 * * *',
  workDaysOnly: false,
  runKey: (date) => date,
  async plan(deps, run) {
    const [cycles, people] = await Promise.all([deps.store.cycles.find({ state: { in: ['collecting', 'in_review'] } }), deps.store.people.find({ active: true })]);
    const planned: Planned[] = [];
    for (const cycle of cycles) planned.push(...closeReminders(deps, run, cycle, people), ...meetingReminders(deps, run, cycle, people));
    planned.push(...(await lateEntryReminders(deps, run, people)));
    return planned.map((d) => ({ job: 'cycle-reminders', ...d }));
  },
};

/** A DM to each person, in their language, at 09:00 where they are. */
function dms(deps: AppDeps, run: JobRun, to: readonly Person[], runKey: string, key: MessageKey, params: Record<string, string | number>): Planned[] {
  return to.flatMap((p) => {
    const target = dmTargetOf(p, run.platforms);
    if (!target) return [];
    const text = t(p.locale, key, params);
    return [{ runKey, ...target, message: { text, view: textView(text) }, notBefore: atLocalTime(deps, p, run.date, 9) }];
  });
}

function closeReminders(deps: AppDeps, run: JobRun, cycle: ReviewCycle, people: readonly Person[]): Planned[] {
  const close = cycle.entryCloseDate;
  if (!close || cycle.state !== 'collecting') return [];
  const params = { period: cycle.periodKey, date: close };
  const before = CLOSE_REMINDER_DAYS.find((d) => addDays(close, -d) === run.date);
  if (before !== undefined) {
    const reps = people.filter((p) => hasRole(p, 'rep') && (!p.leaveDate || p.leaveDate >= run.date));
    return dms(deps, run, reps, `${cycle.periodKey}:close-${before}d`, 'lifecycle.remind.close', params);
  }
  if (run.date > close) return dms(deps, run, people.filter((p) => hasRole(p, 'hr')), `${cycle.periodKey}:close-passed`, 'lifecycle.remind.closePassed', params);
  return [];
}

function meetingReminders(deps: AppDeps, run: JobRun, cycle: ReviewCycle, people: readonly Person[]): Planned[] {
  const meeting = cycle.meeting;
  if (!meeting) return [];
  const at = new Date(meeting.at);
  if (addDays(todayIn(deps.settings.companyTimeZone, at), -1) !== run.date) return [];
  const ids = new Set(meeting.participantIds);
  return people
    .filter((p) => ids.has(p.id))
    .flatMap((p) => {
      // The meeting's time where the participant is.
      const local = localParts(at, p.timeZone ?? deps.settings.companyTimeZone);
      const time = `${String(local.hour).padStart(2, '0')}:${String(local.minute).padStart(2, '0')}`;
      return dms(deps, run, [p], `${cycle.periodKey}:meeting:${meeting.at}`, 'lifecycle.remind.meeting', { period: cycle.periodKey, time, place: meeting.place });
    });
}

async function lateEntryReminders(deps: AppDeps, run: JobRun, people: readonly Person[]): Promise<Planned[]> {
  const byId = new Map(people.map((p) => [p.id, p] as const));
  const pending = await deps.store.lateEntries.find({ state: 'pending' });
  const out: Planned[] = [];
  for (const late of pending) {
    const since: LocalDate = todayIn(deps.settings.companyTimeZone, new Date(late.createdAt));
    if (addDays(since, LATE_PENDING_DAYS) > run.date) continue;
    const manager = byId.get(late.managerId);
    const target = manager ? dmTargetOf(manager, run.platforms) : null;
    if (!manager || !target) continue;
    const [cycle] = await deps.store.cycles.find({ periodKey: late.periodKey }, { limit: 1 });
    const view = lateEntryReminderView(manager.locale, {
      id: late.id,
      repName: byId.get(late.repId)?.name ?? late.repId,
      periodKey: late.periodKey,
      closeDate: cycle?.entryCloseDate ?? '',
      summary: late.summary,
      since,
    });
    out.push({ runKey: `late-entry:${late.id}`, ...target, message: { text: view.title, view }, notBefore: atLocalTime(deps, manager, run.date, 9) });
  }
  return out;
}
