import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import {
  containsDate,
  elapsedShare,
  isPeriodKey,
  nextPeriod,
  parsePeriod,
  peerReviewKeys,
  periodsBefore,
  previousPeriod,
  quarterOf,
  quartersOfYear,
} from '../../src/domain/period.js';

describe('parsePeriod', () => {
  it.each([
    // key, from, to, days
    ['2026-Q1', '2026-01-01', '2026-03-31', 90], // 31 + 28 + 31
    ['2026-Q2', '2026-04-01', '2026-06-30', 91], // 30 + 31 + 30
    ['2026-Q3', '2026-07-01', '2026-09-30', 92], // 31 + 31 + 30
    ['2026-Q4', '2026-10-01', '2026-12-31', 92], // 31 + 30 + 31
    ['2028-Q1', '2028-01-01', '2028-03-31', 91], // leap year: 31 + 29 + 31
  ])('%s runs %s … %s (%i days)', (key, from, to, days) => {
    const p = parsePeriod(key);
    expect(p).toMatchObject({ key, kind: 'quarter', from, to, days });
  });

  it('reads a year', () => {
    expect(parsePeriod('2026')).toEqual({ key: '2026', kind: 'year', year: 2026, from: '2026-01-01', to: '2026-12-31', days: 365 });
    expect(parsePeriod('2028').days).toBe(366);
  });

  it('accepts a lower-case q and surrounding spaces', () => {
    expect(parsePeriod(' 2026-q3 ')).toMatchObject({ key: '2026-Q3', year: 2026, quarter: 3 });
  });

  it.each(['2026-Q5', '2026-Q0', '2026Q3', '26-Q3', '2026-13', '2026-H1', '', 'Q3 2026', '2026-Q3-extra'])(
    'refuses %j with a VALIDATION AppError',
    (bad) => {
      let caught: unknown;
      try {
        parsePeriod(bad);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(AppError);
      const err = caught as AppError;
      expect(err.code).toBe('VALIDATION');
      expect(err.message).toContain('is not a period');
      expect(err.params).toEqual({ messageId: 'period.invalid', value: bad });
      expect(err.issues).toEqual([{ path: 'period', message: 'expected YYYY-Qn or YYYY' }]);
    },
  );

  it('isPeriodKey agrees on canonical keys', () => {
    expect(isPeriodKey('2026-Q3')).toBe(true);
    expect(isPeriodKey('2026')).toBe(true);
    expect(isPeriodKey('2026-Q5')).toBe(false);
    expect(isPeriodKey('2026-q3')).toBe(false); // stored keys are canonical
  });
});

describe('quarterOf', () => {
  it.each([
    ['2026-01-01', '2026-Q1'],
    ['2026-03-31', '2026-Q1'],
    ['2026-04-01', '2026-Q2'],
    ['2026-06-30', '2026-Q2'],
    ['2026-07-01', '2026-Q3'],
    ['2026-09-30', '2026-Q3'],
    ['2026-10-01', '2026-Q4'],
    ['2026-12-31', '2026-Q4'],
    ['2028-02-29', '2028-Q1'],
  ])('%s is in %s', (date, key) => {
    expect(quarterOf(date).key).toBe(key);
  });
});

describe('previous / next / before', () => {
  it('the quarter before Q1 is Q4 of the previous year, and back', () => {
    expect(previousPeriod(parsePeriod('2026-Q1')).key).toBe('2025-Q4');
    expect(previousPeriod(parsePeriod('2026-Q3')).key).toBe('2026-Q2');
    expect(nextPeriod(parsePeriod('2025-Q4')).key).toBe('2026-Q1');
    expect(nextPeriod(parsePeriod('2026-Q2')).key).toBe('2026-Q3');
  });

  it('a year steps by years', () => {
    expect(previousPeriod(parsePeriod('2026')).key).toBe('2025');
    expect(nextPeriod(parsePeriod('2026')).key).toBe('2027');
  });

  it('periodsBefore lists the earlier periods oldest first', () => {
    expect(periodsBefore(parsePeriod('2026-Q2'), 3).map((p) => p.key)).toEqual(['2025-Q3', '2025-Q4', '2026-Q1']);
    expect(periodsBefore(parsePeriod('2026'), 2).map((p) => p.key)).toEqual(['2024', '2025']);
    expect(periodsBefore(parsePeriod('2026-Q2'), 0)).toEqual([]);
  });

  it('quartersOfYear lists Q1–Q4', () => {
    expect(quartersOfYear(2028).map((q) => [q.key, q.days])).toEqual([
      ['2028-Q1', 91],
      ['2028-Q2', 91],
      ['2028-Q3', 92],
      ['2028-Q4', 92],
    ]);
  });
});

describe('containsDate', () => {
  const q3 = parsePeriod('2026-Q3');
  it('includes both ends and nothing outside', () => {
    expect(containsDate(q3, '2026-07-01')).toBe(true);
    expect(containsDate(q3, '2026-09-30')).toBe(true);
    expect(containsDate(q3, '2026-06-30')).toBe(false);
    expect(containsDate(q3, '2026-10-01')).toBe(false);
  });
});

describe('peerReviewKeys', () => {
  it('a quarter reads its own reviews; a year reads its four quarters', () => {
    expect(peerReviewKeys(parsePeriod('2026-Q3'))).toEqual(['2026-Q3']);
    expect(peerReviewKeys(parsePeriod('2026'))).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
  });
});

describe('elapsedShare', () => {
  const q3 = parsePeriod('2026-Q3'); // 92 days
  it('is 0 before the period and 1 on or after its last day', () => {
    expect(elapsedShare(q3, '2026-06-30')).toBe(0);
    expect(elapsedShare(q3, '2026-09-30')).toBe(1);
    expect(elapsedShare(q3, '2026-12-01')).toBe(1);
  });

  it('counts the current day as elapsed', () => {
    expect(elapsedShare(q3, '2026-07-01')).toBeCloseTo(1 / 92, 12); // first day: 1/92
    expect(elapsedShare(q3, '2026-08-15')).toBe(0.5); // Jul 31 days + Aug 15 = 46 → 46/92
    expect(elapsedShare(q3, '2026-09-29')).toBeCloseTo(91 / 92, 12);
  });

  it('uses the leap-year length', () => {
    // 2028-Q1 has 91 days; Feb 29 is day 31 + 29 = 60 → 60/91
    expect(elapsedShare(parsePeriod('2028-Q1'), '2028-02-29')).toBeCloseTo(60 / 91, 12);
  });
});

describe('implausible years', () => {
  it('refuses a period key outside 1970–2999 as a typo', () => {
    for (const key of ['0050-Q1', '0050', '1969-Q4', '3000']) {
      expect(() => parsePeriod(key), key).toThrow(/is not a period/);
    }
    expect(parsePeriod('1970-Q1').from).toBe('1970-01-01');
  });
});
