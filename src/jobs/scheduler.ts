import cron, { type ScheduledTask } from 'node-cron';
import type { AppDeps } from '../application/deps.js';
import { dispatchDue, type DispatchOptions, type DispatchReport } from '../application/delivery/dispatch.js';
import { runCompleted, runJob, type Job, type JobResult } from '../application/jobs/job.js';
import type { ScheduleConfig } from '../config/schedule-config.js';
import { todayIn, type LocalDate } from '../domain/dates.js';
import type { PlatformName } from '../domain/model/delivery.js';
import { isWorkDay, workCalendar } from '../domain/work-calendar.js';
import type { ChatPlatform } from '../ports/chat.js';
import { lastSlotToday } from './catch-up.js';

export interface SchedulerOptions {
  deps: AppDeps;
  jobs: readonly Job[];
  config: ScheduleConfig;
  /** The running platforms' outgoing side. */
  platforms: ReadonlyMap<PlatformName, ChatPlatform>;
  /** This replica's id (leases and claims carry it). */
  owner: string;
  /** Pacing waits; real time by default (simulations pass one that moves their clock). */
  sleep?: (ms: number) => Promise<void>;
  /** Each send's outcome (metrics). */
  onOutcome?: DispatchOptions['onOutcome'];
}

export interface JobInfo {
  job: string;
  description: string;
  schedule: string;
  enabled: boolean;
  next: Date | null;
}

export interface Scheduler {
  /** Starts the cron tasks and the outbox dispatcher, and catches up today's missed runs (catchUp). */
  start(): void;
  /**
   * Stops the cron tasks and the dispatcher: a send in flight is not waited for (a hung platform
   * must not hold the shutdown), and the outbox items this replica claimed and did not finish go
   * back to pending at once (the one in flight marked ambiguous, as it may have gone out). Waits
   * for a job run in progress, then gives back the leases of runs that did not complete, so the
   * next start or another replica runs them without waiting for the lease to expire.
   */
  stop(): Promise<void>;
  /**
   * For each enabled job, the last slot of its schedule earlier today (company time zone): when
   * that run is not recorded as complete (the replica was down over its minute, or died before
   * queuing everything), runs it now. Runs are idempotent (lease, outbox keys), so a catch-up
   * never sends twice. A run whose lease is still held by a dead process is retried when that
   * lease expires (start() sets the timer).
   */
  catchUp(): Promise<JobResult[]>;
  /** Runs a job now for a date (default today), e.g. from `npm run jobs -- run`. */
  runNow(jobName: string, opts?: { date?: LocalDate; dryRun?: boolean; platforms?: readonly PlatformName[] }): Promise<JobResult>;
  /** Sends what is due now. */
  dispatchNow(): Promise<DispatchReport>;
  list(): JobInfo[];
}

/**
 * The bot's heartbeat: each job on its cron schedule in the company's time zone, plus a dispatcher
 * that sends the outbox every few seconds. Each job run goes through runJob (calendar check,
 * lease, idempotent queue), so several replicas can run the same schedule.
 */
export function createScheduler(opts: SchedulerOptions): Scheduler {
  const { deps, config } = opts;
  const tz = deps.settings.companyTimeZone;
  const calendar = workCalendar({ holidays: config.holidays, makeUpDays: config.makeUpDays });
  const platforms = [...opts.platforms.keys()];
  const scheduleOf = (job: Job): string => config.schedules[job.name] ?? job.defaultSchedule;
  const enabled = (job: Job): boolean => !config.disabled.includes(job.name);
  const tasks: ScheduledTask[] = [];
  let timer: NodeJS.Timeout | undefined;
  let dispatching: Promise<DispatchReport> | undefined;
  let stopping = new AbortController();
  const retries = new Set<NodeJS.Timeout>();
  const log = deps.logger.child({ component: 'scheduler' });
  // Leases this replica holds (recorded as runJob takes them), given back on stop.
  const leases = new Set<string>();
  const running = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>): Promise<T> => {
    running.add(p);
    void p.finally(() => running.delete(p)).catch(() => undefined);
    return p;
  };
  const store = new Proxy(deps.store, {
    get(target, prop, receiver) {
      if (prop !== 'acquireLease') return Reflect.get(target, prop, receiver) as unknown;
      return async (input: Parameters<typeof target.acquireLease>[0]) => {
        const held = await target.acquireLease(input);
        if (held && input.owner === opts.owner) leases.add(input.id);
        return held;
      };
    },
  });
  const jobDeps: AppDeps = { ...deps, store };

  const dispatchNow = (): Promise<DispatchReport> => {
    // One dispatch at a time per replica; a call while one runs waits for that one.
    dispatching ??= dispatchDue(deps, opts.platforms, {
      owner: opts.owner,
      signal: stopping.signal,
      sleep: opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
      ...(opts.onOutcome ? { onOutcome: opts.onOutcome } : {}),
    }).finally(() => {
      dispatching = undefined;
    });
    return dispatching;
  };

  const runFor = async (job: Job, date: LocalDate, o: { dryRun?: boolean; force?: boolean; platforms?: readonly PlatformName[] } = {}): Promise<JobResult> => {
    const result = await runJob(jobDeps, job, { date, platforms: o.platforms ?? platforms, calendar, owner: opts.owner, ...(o.dryRun ? { dryRun: true } : {}), ...(o.force ? { force: true } : {}) });
    if (result.queued > 0) void dispatchNow().catch((e: unknown) => log.error({ err: e }, 'dispatch failed'));
    return result;
  };

  const runNow = async (jobName: string, o: { date?: LocalDate; dryRun?: boolean; platforms?: readonly PlatformName[] } = {}): Promise<JobResult> => {
    const job = opts.jobs.find((j) => j.name === jobName);
    if (!job) throw new Error(`no job named ${jobName}; jobs: ${opts.jobs.map((j) => j.name).join(', ')}`);
    return runFor(job, o.date ?? todayIn(tz, deps.clock.now()), { ...o, ...(o.date ? { force: true } : {}) });
  };

  const catchUp = async (): Promise<JobResult[]> => {
    const results: JobResult[] = [];
    for (const job of opts.jobs.filter(enabled)) {
      const slot = lastSlotToday(scheduleOf(job), tz, deps.clock.now());
      if (!slot) continue;
      const date = todayIn(tz, slot);
      if (await runCompleted(deps, job.name, job.runKey(date))) continue;
      log.info({ job: job.name, slot: slot.toISOString() }, 'catching up a run that did not complete');
      results.push(await track(runFor(job, date)));
    }
    return results;
  };

  /** Catches up, and again when a lease held by a process that died expires. */
  const catchUpAndRetry = async (): Promise<void> => {
    const results = await catchUp();
    const held = results.filter((r) => r.skipped === 'another-replica-has-it');
    const leases = await Promise.all(held.map((r) => deps.store.leases.get(`job:${r.job}:${r.runKey}`)));
    const expiry = Math.min(...leases.map((l) => (l ? Date.parse(l.expiresAt) : Infinity)));
    if (!Number.isFinite(expiry) || stopping.signal.aborted) return;
    const t = setTimeout(() => {
      retries.delete(t);
      void catchUpAndRetry().catch((e: unknown) => log.error({ err: e }, 'catch-up failed'));
    }, Math.max(0, expiry - deps.clock.now().getTime()) + 1000);
    t.unref();
    retries.add(t);
  };

  return {
    start() {
      for (const job of opts.jobs.filter(enabled)) {
        tasks.push(
          cron.schedule(
            scheduleOf(job),
            async () => {
              try {
                await track(runNow(job.name));
              } catch (e) {
                log.error({ err: e, job: job.name }, 'job failed');
              }
            },
            { timezone: tz, name: job.name, noOverlap: true },
          ),
        );
      }
      stopping = new AbortController();
      void catchUpAndRetry().catch((e: unknown) => log.error({ err: e }, 'catch-up failed'));
      timer = setInterval(() => void dispatchNow().catch((e: unknown) => log.error({ err: e }, 'dispatch failed')), config.dispatchIntervalMs);
      timer.unref();
      log.info({ jobs: opts.jobs.filter(enabled).map((j) => `${j.name} (${scheduleOf(j)})`), platforms }, 'scheduler started');
    },
    async stop() {
      if (timer) clearInterval(timer);
      for (const t of retries) clearTimeout(t);
      retries.clear();
      stopping.abort();
      await Promise.all(tasks.map((t) => t.destroy()));
      tasks.length = 0;
      await Promise.allSettled([...running]);
      await dispatching?.catch(() => undefined);
      // A completed run keeps its lease (its completion mark); one that failed gives it back.
      let released = 0;
      for (const id of leases) {
        try {
          if ((await deps.store.leases.get(id))?.completedAt) continue;
          await deps.store.releaseLease(id, opts.owner);
          released++;
        } catch (e) {
          log.warn({ err: e, lease: id }, 'could not release a lease');
        }
      }
      if (released > 0) log.info({ released }, 'job leases released');
      leases.clear();
    },
    catchUp,
    runNow,
    dispatchNow,
    list: () =>
      opts.jobs.map((job) => {
        // The next cron match on which the job really runs: a work day if it needs one, a due date.
        const probe = cron.createTask(scheduleOf(job), () => undefined, { timezone: tz });
        const next = enabled(job)
          ? (probe.getNextRuns(400).find((at) => {
              const date = todayIn(tz, at);
              return (!job.workDaysOnly || isWorkDay(calendar, date)) && (!job.dueOn || job.dueOn(date, calendar));
            }) ?? null)
          : null;
        void probe.destroy();
        return { job: job.name, description: job.description, schedule: scheduleOf(job), enabled: enabled(job), next };
      }),
  };
}
