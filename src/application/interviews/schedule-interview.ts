import { isLocalDate, zonedInstant } from '../../domain/dates.js';
import { AppError } from '../../domain/errors.js';
import type { Interview } from '../../domain/model/cycle.js';
import type { PlatformName } from '../../domain/model/delivery.js';
import type { Person } from '../../domain/model/people.js';
import { timeIn } from '../../views/interview-views.js';
import { audit } from '../cycle/cycles.js';
import type { AppDeps } from '../deps.js';
import { enqueue } from '../delivery/enqueue.js';
import { managerOf } from '../people/manager-of.js';
import { requireInterviewer, reviewedQuarter } from './interview-access.js';
import { interviewDeliveries } from './interview-messages.js';

export const SCHEDULED_JOB = 'interview-scheduled';

export interface ScheduleInput {
  rep: Person;
  date: string;
  time: string;
  place?: string | undefined;
  period?: string | undefined;
  platforms: readonly PlatformName[];
}

const TIME_RE = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** The instant of a date and HH:mm on the company's clock; a bad date or time is refused. */
function instantOf(deps: Pick<AppDeps, 'settings'>, date: string, time: string): Date {
  if (!isLocalDate(date)) throw new AppError('VALIDATION', `${date} is not a date`, { params: { messageId: 'interview.error.badDate', value: date } });
  const m = TIME_RE.exec(time);
  if (!m) throw new AppError('VALIDATION', `${time} is not a time`, { params: { messageId: 'interview.error.badTime', value: time } });
  return zonedInstant(date, Number(m[1]), Number(m[2]), deps.settings.companyTimeZone);
}

/**
 * `/interview @rep <date> <HH:mm> [place] [period]` (the rep's manager or HR): schedules the
 * feedback interview on the rep's latest published quarter (or the period given); scheduling again
 * moves it. Manager and rep each get a DM with the time in their own zone; audited.
 */
export async function scheduleInterview(deps: AppDeps, actor: Person, input: ScheduleInput): Promise<{ interview: Interview; moved: boolean; manager: Person }> {
  const { rep } = input;
  await requireInterviewer(deps, actor, rep);
  const at = instantOf(deps, input.date, input.time);
  const now = deps.clock.now();
  if (at.getTime() <= now.getTime()) {
    throw new AppError('VALIDATION', `${at.toISOString()} is in the past`, { params: { messageId: 'interview.error.past', at: timeIn(actor.locale, at.toISOString(), deps.settings.companyTimeZone) } });
  }
  const { period } = await reviewedQuarter(deps, rep, input.period);
  const [existing] = await deps.store.interviews.find({ repId: rep.id, periodKey: period.key }, { limit: 1 });
  if (existing?.state === 'held') {
    throw new AppError('CONFLICT', `the ${period.key} interview with ${rep.name} was held`, { params: { messageId: 'interview.error.held', name: rep.name, period: period.key, date: existing.heldOn ?? '' } });
  }
  // The interview is the rep's manager's even when HR puts it in the diary; a rep without one is HR's.
  const repManager = await managerOf(deps, rep);
  const manager = repManager === null || repManager.id === actor.id ? actor : repManager;
  const stamp = now.toISOString();
  const place = input.place?.trim() || undefined;
  const interview = await deps.store.interviews.put({
    ...(existing ?? { id: deps.newId(), periodKey: period.key, repId: rep.id, notes: '', repView: '', createdAt: stamp }),
    managerId: manager.id,
    state: 'scheduled',
    scheduledAt: at.toISOString(),
    ...(place ? { place } : { place: undefined }),
    updatedAt: stamp,
  });
  await audit(deps, actor, existing ? 'interview.reschedule' : 'interview.schedule', interview.id, {
    periodKey: period.key,
    repId: rep.id,
    managerId: manager.id,
    scheduledAt: interview.scheduledAt,
    ...(existing?.scheduledAt ? { from: existing.scheduledAt } : {}),
    ...(place ? { place } : {}),
    reason: existing ? 'feedback interview moved' : 'feedback interview scheduled after publication',
  });
  // Keyed by the time: scheduling the same time twice sends nothing new, moving it tells both again.
  await enqueue(deps, interviewDeliveries(deps, interview, { rep, manager }, { kind: 'scheduled' }, { job: SCHEDULED_JOB, runKey: `${interview.id}@${interview.scheduledAt}`, platforms: input.platforms }));
  return { interview, moved: existing !== undefined, manager };
}
