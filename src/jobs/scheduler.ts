import cron, { type ScheduledTask } from 'node-cron';
import type { AppDeps } from '../application/deps.js';
import { dispatchDue, type DispatchOptions, type DispatchReport } from '../application/delivery/dispatch.js';
import { runJob, type Job, type JobResult } from '../application/jobs/job.js';
import type { ScheduleConfig } from '../config/schedule-config.js';
import { todayIn, type LocalDate } from '../domain/dates.js';
import type { PlatformName } from '../domain/model/delivery.js';
import { isWorkDay, workCalendar } from '../domain/work-calendar.js';
import type { ChatPlatform } from '../ports/chat.js';

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
  /** Starts the cron tasks and the outbox dispatcher. */
  start(): void;
  /**
   * Stops the cron tasks and the dispatcher, waits for a job run and a dispatch in progress to
   * finish, then gives back the job leases this replica took, so another replica is not kept
   * waiting for them to expire.
   */
  stop(): Promise<void>;
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
      sleep: opts.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))),
      ...(opts.onOutcome ? { onOutcome: opts.onOutcome } : {}),
    }).finally(() => {
      dispatching = undefined;
    });
    return dispatching;
  };

  const runNow = async (jobName: string, o: { date?: LocalDate; dryRun?: boolean; platforms?: readonly PlatformName[] } = {}): Promise<JobResult> => {
    const job = opts.jobs.find((j) => j.name === jobName);
    if (!job) throw new Error(`no job named ${jobName}; jobs: ${opts.jobs.map((j) => j.name).join(', ')}`);
    const date = o.date ?? todayIn(tz, deps.clock.now());
    const result = await runJob(jobDeps, job, { date, platforms: o.platforms ?? platforms, calendar, owner: opts.owner, ...(o.dryRun ? { dryRun: true } : {}), ...(o.date ? { force: true } : {}) });
    if (result.queued > 0) void dispatchNow().catch((e: unknown) => log.error({ err: e }, 'dispatch failed'));
    return result;
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
      timer = setInterval(() => void dispatchNow().catch((e: unknown) => log.error({ err: e }, 'dispatch failed')), config.dispatchIntervalMs);
      timer.unref();
      log.info({ jobs: opts.jobs.filter(enabled).map((j) => `${j.name} (${scheduleOf(j)})`), platforms }, 'scheduler started');
    },
    async stop() {
      if (timer) clearInterval(timer);
      await Promise.all(tasks.map((t) => t.destroy()));
      tasks.length = 0;
      await Promise.allSettled([...running]);
      await dispatching?.catch(() => undefined);
      for (const id of leases) {
        await deps.store.releaseLease(id, opts.owner).catch((e: unknown) => log.warn({ err: e, lease: id }, 'could not release a lease'));
      }
      if (leases.size > 0) log.info({ released: leases.size }, 'job leases released');
      leases.clear();
    },
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
