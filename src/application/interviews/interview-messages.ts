import type { Interview } from '../../domain/model/cycle.js';
import type { PlatformName } from '../../domain/model/delivery.js';
import type { Person } from '../../domain/model/people.js';
import { interviewDmView, interviewReminderView, timeIn, type InterviewMoment } from '../../views/interview-views.js';
import type { View } from '../../views/view.js';
import type { AppDeps } from '../deps.js';
import type { Delivery } from '../delivery/enqueue.js';
import { dmTargetOf } from '../jobs/recipients.js';

/** The DMs about one interview, to its manager and its rep, each in their own language and time zone. */

export const zoneOf = (deps: Pick<AppDeps, 'settings'>, p: Pick<Person, 'timeZone'>): string => p.timeZone ?? deps.settings.companyTimeZone;

export function momentFor(deps: Pick<AppDeps, 'settings'>, reader: Person, i: Interview, names: { rep: Person; manager: Person }): InterviewMoment {
  return { periodKey: i.periodKey, repName: names.rep.name, managerName: names.manager.name, at: i.scheduledAt ? timeIn(reader.locale, i.scheduledAt, zoneOf(deps, reader)) : '', place: i.place };
}

export type InterviewNotice = { kind: 'scheduled' } | { kind: 'reminder'; when: 'tomorrow' | 'today' };

/** One DM to each of manager and rep (one when they are the same person), under the given job and run. */
export function interviewDeliveries(
  deps: Pick<AppDeps, 'settings'>,
  i: Interview,
  people: { rep: Person; manager: Person },
  notice: InterviewNotice,
  base: { job: string; runKey: string; platforms: readonly PlatformName[]; notBefore?: (p: Person) => string },
): Delivery[] {
  const out: Delivery[] = [];
  const readers: [Person, 'rep' | 'manager'][] = [[people.manager, 'manager'], [people.rep, 'rep']];
  for (const [reader, role] of readers) {
    if (role === 'rep' && reader.id === people.manager.id) continue;
    const to = reader.active ? dmTargetOf(reader, base.platforms) : null;
    if (!to) continue;
    const m = momentFor(deps, reader, i, people);
    const view: View = notice.kind === 'scheduled' ? interviewDmView(reader.locale, role, m) : interviewReminderView(reader.locale, notice.when, m);
    out.push({ job: base.job, runKey: base.runKey, ...to, message: { text: view.title, view }, ...(base.notBefore ? { notBefore: base.notBefore(reader) } : {}) });
  }
  return out;
}
