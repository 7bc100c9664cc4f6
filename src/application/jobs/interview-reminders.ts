import { addDays, isoWeek, localParts } from '../../domain/dates.js';
import type { Interview } from '../../domain/model/cycle.js';
import type { Person } from '../../domain/model/people.js';
import { periodsBefore, quarterOf } from '../../domain/period.js';
import { toHoldView } from '../../views/interview-views.js';
import { checkInView } from '../../views/plan-views.js';
import type { AppDeps } from '../deps.js';
import type { Delivery } from '../delivery/enqueue.js';
import { interviewDeliveries } from '../interviews/interview-messages.js';
import { repsOf } from '../interviews/interview-overview.js';
import { currentProgress } from '../interviews/plan-progress.js';
import type { Job, JobRun } from './job.js';
import { atLocalTime, dmTargetOf } from './recipients.js';

/** Days after publication before a manager is reminded of the interviews still to hold. */
export const TO_HOLD_AFTER_DAYS = 7;
/** How many past quarters still have interviews to remind about. */
const LOOKBACK_QUARTERS = 2;

type People = (id: string) => Promise<Person | null>;

/** Reminders the day before and on the day of each scheduled interview, keyed by the interview's time. */
async function interviewReminders(deps: AppDeps, run: JobRun, interviews: readonly Interview[], person: People): Promise<Delivery[]> {
  const out: Delivery[] = [];
  const tomorrow = addDays(run.date, 1);
  for (const i of interviews) {
    if (i.state !== 'scheduled' || !i.scheduledAt) continue;
    const day = localParts(new Date(i.scheduledAt), deps.settings.companyTimeZone).date;
    const when = day === tomorrow ? 'tomorrow' : day === run.date ? 'today' : null;
    if (!when) continue;
    const [rep, manager] = [await person(i.repId), await person(i.managerId)];
    if (!rep || !manager) continue;
    // On the day, no later than an hour before it starts (or at once for an early interview).
    const early = new Date(new Date(i.scheduledAt).getTime() - 3_600_000).toISOString();
    const notBefore = (p: Person) => (when === 'today' ? [atLocalTime(deps, p, run.date, 8), early].sort()[0]! : atLocalTime(deps, p, run.date, 9));
    out.push(...interviewDeliveries(deps, i, { rep, manager }, { kind: 'reminder', when }, { job: interviewRemindersJob.name, runKey: `${i.id}@${i.scheduledAt}:${when}`, platforms: run.platforms, notBefore }));
  }
  return out;
}

/** Once a week, each manager whose reps' results are 7+ days old hears which reps have no interview yet. */
async function toHold(deps: AppDeps, run: JobRun, periodKeys: readonly string[], interviews: readonly Interview[]): Promise<Delivery[]> {
  const out: Delivery[] = [];
  for (const periodKey of periodKeys) {
    const [cycle] = await deps.store.cycles.find({ periodKey }, { limit: 1 });
    if (!cycle || cycle.state !== 'published') continue;
    const results = await deps.store.results.find({ periodKey, version: 1 });
    const publishedOn = results.map((r) => localParts(new Date(r.publishedAt), deps.settings.companyTimeZone).date).sort()[0];
    if (!publishedOn || addDays(publishedOn, TO_HOLD_AFTER_DAYS) > run.date) continue;
    const graded = new Set(results.map((r) => r.repId));
    const withInterview = new Set(interviews.filter((i) => i.periodKey === periodKey).map((i) => i.repId));
    const managers = (await deps.store.people.find()).filter((p) => p.active && p.roles.includes('manager'));
    for (const manager of managers) {
      const names = (await repsOf(deps, manager)).filter((r) => graded.has(r.id) && !withInterview.has(r.id)).map((r) => r.name);
      const to = dmTargetOf(manager, run.platforms);
      if (names.length === 0 || !to) continue;
      const view = toHoldView(manager.locale, { periodKey, publishedOn, names });
      out.push({ job: interviewRemindersJob.name, runKey: `${periodKey}:to-hold:${isoWeek(run.date)}`, ...to, message: { text: view.title, view }, notBefore: atLocalTime(deps, manager, run.date, 9) });
    }
  }
  return out;
}

/** On each check-in date of an open plan: the goals and the progress so far, to the manager and the rep. */
async function checkIns(deps: AppDeps, run: JobRun, person: People): Promise<Delivery[]> {
  const out: Delivery[] = [];
  for (const plan of await deps.store.plans.find({ state: 'open' })) {
    if (!plan.checkIns.some((c) => c.date === run.date && !c.done)) continue;
    const [rep, manager] = [await person(plan.repId), await person(plan.managerId)];
    if (!rep || !manager) continue;
    const goals = await currentProgress(deps, plan, rep);
    for (const reader of manager.id === rep.id ? [rep] : [manager, rep]) {
      const to = reader.active ? dmTargetOf(reader, run.platforms) : null;
      if (!to) continue;
      const view = checkInView({ locale: reader.locale, currency: deps.settings.baseCurrency }, { repName: rep.name, periodKey: plan.targetPeriodKey, goals });
      out.push({ job: interviewRemindersJob.name, runKey: `${plan.id}:check-in:${run.date}`, ...to, message: { text: view.title, view }, notBefore: atLocalTime(deps, reader, run.date, 9) });
    }
  }
  return out;
}

/**
 * Every morning: interview reminders (the day before and on the day), the weekly "interviews to
 * hold" to managers a week after publication, and improvement-plan check-ins on their dates. Each
 * message's run key names its interview, week or check-in, so nothing is sent twice.
 */
export const interviewRemindersJob: Job = {
  name: 'interview-reminders',
  description: 'Interview reminders (day before, on the day), weekly interviews to hold, plan check-ins (daily, 08:00)',
  defaultSchedule: '0 8 * * *',
  workDaysOnly: false,
  runKey: (date) => date,
  async plan(deps, run) {
    const cache = new Map<string, Promise<Person | null>>();
    const person: People = (id) => {
      if (!cache.has(id)) cache.set(id, deps.store.people.get(id));
      return cache.get(id)!;
    };
    const current = quarterOf(run.date);
    const periodKeys = [current, ...periodsBefore(current, LOOKBACK_QUARTERS)].map((p) => p.key);
    const interviews = await deps.store.interviews.find({ periodKey: { in: periodKeys } });
    return [...(await interviewReminders(deps, run, interviews, person)), ...(await toHold(deps, run, periodKeys, interviews)), ...(await checkIns(deps, run, person))];
  },
};
