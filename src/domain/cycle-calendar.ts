import { addDays, daysBetween, type LocalDate } from './dates.js';
import type { Period } from './period.js';

/**
 * When a review cycle may move on. Reviewing, publishing and closing a period freeze it: from then
 * on reps cannot log anything for it. So they wait until the period is over and, when the cycle
 * has an entry close date after the period's end, until entries have closed too.
 */
export interface CycleCalendar {
  /** The last day reps may still log entries: the period's end or the entry close date, whichever is later. */
  lastEntryDay: LocalDate;
  /** The first day reviewing, publishing and closing are allowed without an override. */
  openFrom: LocalDate;
  /** Days from today until `openFrom` (0 once it has come). */
  daysLeft: number;
  /** Whether the period itself is still running today (not only its entry window). */
  periodRunning: boolean;
}

export function cycleCalendar(period: Period, entryCloseDate: LocalDate | undefined, today: LocalDate): CycleCalendar {
  const lastEntryDay = entryCloseDate && entryCloseDate > period.to ? entryCloseDate : period.to;
  const openFrom = addDays(lastEntryDay, 1);
  return { lastEntryDay, openFrom, daysLeft: Math.max(0, daysBetween(today, openFrom)), periodRunning: today <= period.to };
}

/** Whether moving the cycle today would cut reps off before their period (or entry window) is over. */
export const isEarly = (c: CycleCalendar): boolean => c.daysLeft > 0;
