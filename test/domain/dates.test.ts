import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isLocalDate, isValidTimeZone, localParts, todayIn, weekday, zonedInstant, isoWeek } from '../../src/domain/dates.js';

describe('isLocalDate', () => {
  it.each([
    ['2026-09-30', true],
    ['2028-02-29', true], // 2028 is a leap year
    ['2026-02-29', false], // 2026 is not
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-9-30', false],
    ['2026-09-30T00:00', false],
    ['', false],
  ])('%s → %s', (s, ok) => {
    expect(isLocalDate(s)).toBe(ok);
  });
});

describe('addDays', () => {
  it('moves across month, leap-day and year boundaries', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-07-01', 46)).toBe('2026-08-16'); // 31 days of July → Aug 16 is day 47 of Q3
    expect(addDays('2026-07-01', 0)).toBe('2026-07-01');
  });

  it('is not shifted by daylight-saving changes (Europe switches on 2026-03-29 and 2026-10-25)', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
  });

  it('refuses a malformed date', () => {
    expect(() => addDays('2026/07/01', 1)).toThrow(RangeError);
  });
});

describe('daysBetween', () => {
  it('counts whole days, positive when the second date is later', () => {
    expect(daysBetween('2026-07-01', '2026-09-30')).toBe(91); // 30 + 31 + 30
    expect(daysBetween('2026-09-30', '2026-07-01')).toBe(-91);
    expect(daysBetween('2026-07-01', '2026-07-01')).toBe(0);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2); // through Feb 29
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
    expect(daysBetween('2028-01-01', '2029-01-01')).toBe(366);
  });
});

describe('weekday', () => {
  it('is 0 for Sunday … 6 for Saturday', () => {
    // 2026-01-01 is a Thursday; Sep 30 is 272 days later, 272 mod 7 = 6 → Wednesday
    expect(weekday('2026-01-01')).toBe(4);
    expect(weekday('2026-09-30')).toBe(3);
    expect(weekday('2026-10-04')).toBe(0);
    expect(weekday('2026-10-03')).toBe(6);
  });
});

describe('time zones', () => {
  const instant = new Date('2026-09-30T16:30:00Z');

  it('the same instant is a different local day on either side of a zone boundary', () => {
    expect(todayIn('Asia/Shanghai', instant)).toBe('2026-10-01'); // UTC+8 → 00:30 next day
    expect(todayIn('Europe/London', instant)).toBe('2026-09-30'); // BST, UTC+1 → 17:30
    expect(todayIn('UTC', instant)).toBe('2026-09-30');
  });

  it('so the instant falls in Q4 in Shanghai and in Q3 in London', () => {
    expect(localParts(instant, 'Asia/Shanghai')).toEqual({ date: '2026-10-01', hour: 0, minute: 30 });
    expect(localParts(instant, 'Europe/London')).toEqual({ date: '2026-09-30', hour: 17, minute: 30 });
  });

  it('uses standard time in winter and a 0–23 hour cycle', () => {
    // London is UTC+0 in January; New York is UTC−5
    expect(localParts(new Date('2026-01-01T00:05:00Z'), 'Europe/London')).toEqual({ date: '2026-01-01', hour: 0, minute: 5 });
    expect(localParts(new Date('2026-01-01T03:00:00Z'), 'America/New_York')).toEqual({ date: '2025-12-31', hour: 22, minute: 0 });
  });

  it('recognises valid and invalid zone names', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('Europe/London')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});

describe('zonedInstant', () => {
  it('finds the UTC instant of a local wall-clock time', () => {
    expect(zonedInstant('2026-11-27', 9, 0, 'Asia/Shanghai').toISOString()).toBe('2026-11-27T01:00:00.000Z'); // UTC+8
    expect(zonedInstant('2026-11-27', 9, 0, 'Europe/London').toISOString()).toBe('2026-11-27T09:00:00.000Z'); // GMT in winter
    expect(zonedInstant('2026-07-01', 9, 0, 'Europe/London').toISOString()).toBe('2026-07-01T08:00:00.000Z'); // BST
    expect(zonedInstant('2026-11-27', 9, 30, 'Asia/Kolkata').toISOString()).toBe('2026-11-27T04:00:00.000Z'); // UTC+5:30
    expect(zonedInstant('2026-11-27', 0, 15, 'America/Los_Angeles').toISOString()).toBe('2026-11-27T08:15:00.000Z');
  });
});

describe('isoWeek', () => {
  it('numbers weeks from Monday, week 1 holding the first Thursday', () => {
    expect(isoWeek('2026-11-26')).toBe('2026-W48');
    expect(isoWeek('2026-11-23')).toBe('2026-W48'); // Monday
    expect(isoWeek('2026-11-29')).toBe('2026-W48'); // Sunday
    expect(isoWeek('2027-01-01')).toBe('2026-W53'); // a Friday: still 2026's last week
    expect(isoWeek('2026-01-01')).toBe('2026-W01'); // a Thursday
    expect(isoWeek('2024-12-30')).toBe('2025-W01'); // a Monday belonging to 2025
  });
});
