import type { LocalDate } from '../../domain/dates.js';
import type { PlatformName } from '../../domain/model/delivery.js';
import { isWorkDay, type WorkCalendar } from '../../domain/work-calendar.js';
import type { AppDeps } from '../deps.js';
import { enqueue, type Delivery } from '../delivery/enqueue.js';
import { applyAbsences } from './away.js';

/** One scheduled job: when it runs, which run a date belongs to, and what it sends. */
export interface Job {
  name: string;
  description: string;
  /** Default cron expression, in the company time zone. */
  defaultSchedule: string;
  /** Skips non-work days (holidays, weekends) and runs on make-up work days. */
  workDaysOnly: boolean;
  /** The run a date belongs to (the date, the week, the month …): at most one run per key. */
  runKey(date: LocalDate): string;
  /** Whether this date has a run at all (e.g. only the first work day of a month). Default: yes. */
  dueOn?(date: LocalDate, calendar: WorkCalendar): boolean;
  /** The messages of the run, each to be queued under (job, run, recipient). */
  plan(deps: AppDeps, run: JobRun): Promise<Delivery[]>;
  /**
   * What happens to a DM for someone on leave (`/away`) that day: `skip` (default: nudges and
   * reminders are about the day) or `defer` until they are back (reports worth reading later).
   */
  whileAway?: 'skip' | 'defer';
}

export interface JobRun {
  /** The company-local date of the run. */
  date: LocalDate;
  runKey: string;
  platforms: readonly PlatformName[];
  calendar: WorkCalendar;
}

export interface JobResult {
  job: string;
  runKey: string;
  ran: boolean;
  /** Why it did not run. */
  skipped?: 'not-a-work-day' | 'not-due' | 'another-replica-has-it';
  deliveries: Delivery[];
  queued: number;
  alreadyQueued: number;
}

/** The id of a job run's lease (one per job and run key). */
export const runLeaseId = (job: string, runKey: string): string => `job:${job}:${runKey}`;

/** Whether this run finished queuing its messages (its lease carries `completedAt`). */
export async function runCompleted(deps: Pick<AppDeps, 'store'>, job: string, runKey: string): Promise<boolean> {
  return (await deps.store.leases.get(runLeaseId(job, runKey)))?.completedAt !== undefined;
}

/**
 * Runs a job for a date: checks the calendar, takes the run's lease (so with several replicas one
 * plans it), plans the messages and queues them. Queuing is idempotent, so even a rerun after the
 * lease expired sends nothing twice. A dry run plans and returns the messages, queuing nothing.
 */
export async function runJob(
  deps: AppDeps,
  job: Job,
  input: { date: LocalDate; platforms: readonly PlatformName[]; calendar: WorkCalendar; owner: string; dryRun?: boolean; force?: boolean; leaseMs?: number },
): Promise<JobResult> {
  const runKey = job.runKey(input.date);
  const base = { job: job.name, runKey, deliveries: [] as Delivery[], queued: 0, alreadyQueued: 0 };
  if (!input.force) {
    if (job.workDaysOnly && !isWorkDay(input.calendar, input.date)) return { ...base, ran: false, skipped: 'not-a-work-day' };
    if (job.dueOn && !job.dueOn(input.date, input.calendar)) return { ...base, ran: false, skipped: 'not-due' };
  }
  const now = deps.clock.now();
  const lease = { id: runLeaseId(job.name, runKey), owner: input.owner, expiresAt: new Date(now.getTime() + (input.leaseMs ?? 10 * 60_000)).toISOString(), acquiredAt: now.toISOString() };
  if (!input.dryRun) {
    const held = await deps.store.acquireLease({ ...lease, now: lease.acquiredAt });
    if (!held) return { ...base, ran: false, skipped: 'another-replica-has-it' };
  }
  const planned = await job.plan(deps, { date: input.date, runKey, platforms: input.platforms, calendar: input.calendar });
  const { kept: deliveries, paused } = await applyAbsences(deps, planned, input.date, job.whileAway ?? 'skip');
  if (input.dryRun) return { ...base, ran: true, deliveries };
  const { queued, skipped } = await enqueue(deps, deliveries);
  // Done: the catch-up after a restart leaves this run alone (a run without this mark died before
  // its messages were all queued, and is run again).
  await deps.store.leases.put({ ...lease, completedAt: deps.clock.now().toISOString() });
  deps.logger.info({ job: job.name, runKey, planned: planned.length, pausedForLeave: paused, queued, alreadyQueued: skipped }, 'job run');
  return { ...base, ran: true, deliveries, queued, alreadyQueued: skipped };
}
