import cron from 'node-cron';
import { z } from 'zod';
import { addDays, isLocalDate } from '../domain/dates.js';

/**
 * The schedule settings, part of the one environment schema (config.ts): each job's cron
 * expression (company time zone), which jobs are off, the holiday calendar, and how often the
 * outbox is dispatched. Defaults are in each job's definition.
 */
const fix = (setting: string, problem: string, howTo: string): string => `${setting}: ${problem}. Fix: ${howTo}`;

/** `2026-10-01..2026-10-07,2027-01-01` → every date listed or in a range. */
function dateList(setting: string) {
  return z
    .string()
    .optional()
    .transform((s, ctx) => {
      const out: string[] = [];
      for (const part of (s ?? '').split(',').map((x) => x.trim()).filter(Boolean)) {
        const [from = '', to = from] = part.split('..').map((x) => x.trim());
        if (!isLocalDate(from) || !isLocalDate(to) || to < from) {
          ctx.addIssue({ code: 'custom', message: fix(setting, `"${part}" is not a date or a date range`, 'list dates like 2026-10-01..2026-10-07,2027-01-01') });
          return z.NEVER;
        }
        for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
      }
      return out;
    });
}

export const JOB_NAMES = ['follow-up-reminders', 'weekly-nudge', 'weekly-ranking', 'monthly-scorecard', 'quarterly-digest', 'annual-summary', 'interview-reminders', 'cycle-reminders'] as const;
const envName = (job: string): string => `SCHEDULE_${job.toUpperCase().replace(/-/g, '_')}`;

const cronSetting = (setting: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || cron.validate(v), { message: fix(setting, 'is not a cron expression', 'write minute hour day month weekday, e.g. "0 16 * * 5" for Fridays at 16:00') });

export const ScheduleEnvShape = {
  JOBS_DISABLED: z
    .string()
    .optional()
    .transform((s) => (s ?? '').split(',').map((x) => x.trim()).filter(Boolean))
    .refine((names) => names.every((n) => (JOB_NAMES as readonly string[]).includes(n)), {
      message: fix('JOBS_DISABLED', 'names a job that does not exist', `use some of ${JOB_NAMES.join(', ')}`),
    }),
  HOLIDAYS: dateList('HOLIDAYS'),
  MAKEUP_WORKDAYS: dateList('MAKEUP_WORKDAYS'),
  DISPATCH_INTERVAL_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(3600)
    .default(10)
    .catch(() => -1)
    .refine((n) => n > 0, { message: fix('DISPATCH_INTERVAL_SECONDS', 'must be a whole number from 1 to 3600', 'e.g. 10') }),
  ...Object.fromEntries(JOB_NAMES.map((j) => [envName(j), cronSetting(envName(j))])),
} as const;

export interface ScheduleConfig {
  /** Cron overrides by job name. */
  schedules: Record<string, string>;
  disabled: string[];
  holidays: string[];
  makeUpDays: string[];
  dispatchIntervalMs: number;
}

export function toScheduleConfig(e: Record<string, unknown>): ScheduleConfig {
  const schedules: Record<string, string> = {};
  for (const job of JOB_NAMES) {
    const v = e[envName(job)];
    if (typeof v === 'string') schedules[job] = v;
  }
  return {
    schedules,
    disabled: e.JOBS_DISABLED as string[],
    holidays: e.HOLIDAYS as string[],
    makeUpDays: e.MAKEUP_WORKDAYS as string[],
    dispatchIntervalMs: (e.DISPATCH_INTERVAL_SECONDS as number) * 1000,
  };
}
