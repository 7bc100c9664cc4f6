import { isLocalDate, zonedInstant } from '../../domain/dates.js';
import { AppError } from '../../domain/errors.js';
import type { ReviewCycle } from '../../domain/model/cycle.js';
import type { PlatformName } from '../../domain/model/delivery.js';
import type { Person } from '../../domain/model/people.js';
import { meetingInviteView } from '../../views/calibration-views.js';
import type { AppDeps } from '../deps.js';
import { enqueue, type Delivery } from '../delivery/enqueue.js';
import { dmTargetOf } from '../jobs/recipients.js';
import { audit, periodFrom, requireCycle, requireHr } from './cycles.js';
import { refuseUnknown } from './calibration-common.js';

export const MEETING_JOB = 'cycle-meeting';

export interface MeetingInput {
  period: string | undefined;
  /** YYYY-MM-DD and HH:mm in the company's time zone. */
  date: string | undefined;
  time: string | undefined;
  /** A room or a call link. */
  place: string;
  participants: readonly Person[];
  /** Mentions of people the bot does not know: refused. */
  unknown: readonly string[];
  platforms: readonly PlatformName[];
}

export interface ScheduledMeeting {
  cycle: ReviewCycle;
  participants: Person[];
  /** Participants the bot cannot DM on any running platform: told in the answer, so HR invites them. */
  unreachable: Person[];
  queued: number;
}

const TIME_RE = /^([01]?\d|2[0-3]):([0-5]\d)$/;
const PLACE_MAX = 500;

const invalid = (messageId: string, dev: string, params: Record<string, unknown> = {}) =>
  new AppError('VALIDATION', dev, { params: { messageId, ...params } });

/**
 * `/cycle meeting <period> <date> <HH:mm> <place…> @participant …` (HR): schedules the review
 * (calibration) meeting of a cycle that is collecting data or in review, and announces it by DM to
 * each participant. The run key is the period and the instant, so a rescheduled meeting is
 * announced again while the same meeting is never announced twice to anyone.
 */
export async function scheduleMeeting(deps: AppDeps, actor: Person, input: MeetingInput): Promise<ScheduledMeeting> {
  requireHr(actor, 'schedule the review meeting');
  const period = periodFrom(input.period);
  const date = input.date ?? '';
  const time = TIME_RE.exec(input.time ?? '');
  if (!isLocalDate(date)) throw invalid('calibration.error.meetingDate', `"${date}" is not a date`, { value: date });
  if (!time) throw invalid('calibration.error.meetingTime', `"${input.time ?? ''}" is not a time`, { value: input.time ?? '' });
  const place = input.place.trim();
  if (!place) throw invalid('calibration.error.meetingPlace', 'the meeting needs a place or a call link');
  if (place.length > PLACE_MAX) throw invalid('calibration.error.meetingPlaceLong', 'place too long', { max: PLACE_MAX });
  refuseUnknown(input.unknown);
  const participants = [...new Map(input.participants.map((p) => [p.id, p] as const)).values()];
  if (participants.length === 0) throw invalid('calibration.error.noParticipants', 'the meeting needs at least one participant');
  const inactive = participants.filter((p) => !p.active);
  if (inactive.length > 0) throw invalid('calibration.error.inactivePeople', 'inactive participants', { names: inactive.map((p) => p.name) });

  const cycle = await requireCycle(deps, period);
  if (cycle.state !== 'collecting' && cycle.state !== 'in_review') {
    throw new AppError('CONFLICT', `the ${cycle.periodKey} cycle is ${cycle.state}`, { params: { messageId: 'calibration.error.meetingState', period: cycle.periodKey, state: cycle.state } });
  }
  const at = zonedInstant(date, Number(time[1]), Number(time[2]), deps.settings.companyTimeZone);
  if (at.getTime() <= deps.clock.now().getTime()) {
    throw invalid('calibration.error.meetingPast', `${date} ${input.time} is in the past`, { date, time: input.time ?? '' });
  }

  const meeting = { at: at.toISOString(), place, participantIds: participants.map((p) => p.id) };
  const saved = await deps.store.cycles.put({ ...cycle, meeting, updatedAt: deps.clock.now().toISOString() });
  await audit(deps, actor, 'cycle.meeting', cycle.id, { periodKey: cycle.periodKey, ...meeting, ...(cycle.meeting ? { previous: cycle.meeting } : {}) });

  const deliveries: Delivery[] = [];
  const unreachable: Person[] = [];
  for (const p of participants) {
    const to = dmTargetOf(p, input.platforms);
    if (!to) {
      unreachable.push(p);
      continue;
    }
    const view = meetingInviteView(p.locale, {
      periodKey: cycle.periodKey,
      at: meeting.at,
      timeZone: p.timeZone ?? deps.settings.companyTimeZone,
      place,
      organiser: actor.name,
      participants: participants.map((q) => q.name),
    });
    deliveries.push({ job: MEETING_JOB, runKey: `${cycle.periodKey}:${meeting.at}`, ...to, message: { text: view.title, view } });
  }
  const { queued } = await enqueue(deps, deliveries);
  return { cycle: saved, participants, unreachable, queued };
}

/** `/cycle meeting <period>` (HR): the cycle's meeting and its participants, or null when none is set. */
export async function showMeeting(deps: AppDeps, actor: Person, input: { period: string | undefined }): Promise<{ cycle: ReviewCycle; participants: Person[] }> {
  requireHr(actor, 'see the review meeting');
  const cycle = await requireCycle(deps, periodFrom(input.period));
  const ids = cycle.meeting?.participantIds ?? [];
  const people = ids.length ? await deps.store.people.find({ id: { in: ids } }) : [];
  const byId = new Map(people.map((p) => [p.id, p] as const));
  return { cycle, participants: ids.map((id) => byId.get(id)).filter((p): p is Person => p !== undefined) };
}
