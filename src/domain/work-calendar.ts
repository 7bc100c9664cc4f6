import { addDays, isLocalDate, weekday, type LocalDate } from './dates.js';

/**
 * Which days are work days: weekends off by default, plus a company holiday list (dates off) and
 * make-up work days (such as China's 调休 Saturdays) that are worked although they fall on a weekend.
 */
export interface WorkCalendar {
  holidays: ReadonlySet<LocalDate>;
  makeUpDays: ReadonlySet<LocalDate>;
  /** Weekdays off, 0 = Sunday … 6 = Saturday. Default Saturday and Sunday. */
  weekendDays: ReadonlySet<number>;
}

export function workCalendar(input: { holidays?: readonly string[]; makeUpDays?: readonly string[]; weekendDays?: readonly number[] } = {}): WorkCalendar {
  const dates = (xs: readonly string[] | undefined): Set<LocalDate> => {
    const bad = (xs ?? []).filter((d) => !isLocalDate(d));
    if (bad.length > 0) throw new RangeError(`not dates: ${bad.join(', ')}`);
    return new Set(xs ?? []);
  };
  return { holidays: dates(input.holidays), makeUpDays: dates(input.makeUpDays), weekendDays: new Set(input.weekendDays ?? [0, 6]) };
}

export function isWorkDay(cal: WorkCalendar, date: LocalDate): boolean {
  if (cal.makeUpDays.has(date)) return true;
  if (cal.holidays.has(date)) return false;
  return !cal.weekendDays.has(weekday(date));
}

/** The first work day on or after `date` (searching at most a year ahead). */
export function nextWorkDay(cal: WorkCalendar, date: LocalDate): LocalDate | null {
  for (let i = 0, d = date; i < 366; i++, d = addDays(d, 1)) if (isWorkDay(cal, d)) return d;
  return null;
}

/** The first work day of the month `date` falls in. */
export function firstWorkDayOfMonth(cal: WorkCalendar, date: LocalDate): LocalDate | null {
  return nextWorkDay(cal, `${date.slice(0, 7)}-01`);
}

/** Work days from `from` to `to` inclusive. */
export function workDaysBetween(cal: WorkCalendar, from: LocalDate, to: LocalDate): number {
  let n = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkDay(cal, d)) n++;
  return n;
}
