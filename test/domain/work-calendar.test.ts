import { describe, expect, it } from 'vitest';
import { firstWorkDayOfMonth, isWorkDay, nextWorkDay, workCalendar, workDaysBetween } from '../../src/domain/work-calendar.js';

// China 2026 National Day: Oct 1–7 off; Sunday Sep 27 and Saturday Oct 10 are make-up work days (调休).
const china = workCalendar({
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  makeUpDays: ['2026-09-27', '2026-10-10'],
});

describe('work calendar', () => {
  it('has weekends off by default', () => {
    const plain = workCalendar();
    expect(['2026-11-23', '2026-11-27', '2026-11-28', '2026-11-29'].map((d) => isWorkDay(plain, d))).toEqual([true, true, false, false]);
  });

  it('skips holidays and works make-up days', () => {
    expect(isWorkDay(china, '2026-10-01')).toBe(false); // Thursday, holiday
    expect(isWorkDay(china, '2026-09-27')).toBe(true); // Sunday, make-up day
    expect(isWorkDay(china, '2026-10-10')).toBe(true); // Saturday, make-up day
    expect(isWorkDay(china, '2026-10-11')).toBe(false); // an ordinary Sunday
  });

  it('finds the next work day and the first work day of a month', () => {
    expect(nextWorkDay(china, '2026-10-01')).toBe('2026-10-08');
    expect(firstWorkDayOfMonth(china, '2026-10-20')).toBe('2026-10-08');
    expect(firstWorkDayOfMonth(workCalendar(), '2026-11-15')).toBe('2026-11-02'); // Nov 1 is a Sunday
  });

  it('counts work days in a range', () => {
    // Sep 28 (Mon) … Oct 11 (Sun): Sep 28, 29, 30 + Oct 8, 9 + make-up Oct 10 = 6
    expect(workDaysBetween(china, '2026-09-28', '2026-10-11')).toBe(6);
  });

  it('refuses a calendar with something that is not a date', () => {
    expect(() => workCalendar({ holidays: ['2026-02-30'] })).toThrow(/not dates: 2026-02-30/);
  });
});
