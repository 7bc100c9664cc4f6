import { describe, expect, it } from 'vitest';
import { addActuals, emptyActuals, hasNoRecords, indicatorActual } from '../../src/domain/scoring/actuals.js';
import { anActuals, aSolidQuarter } from './builders.js';

describe('indicatorActual', () => {
  const a = aSolidQuarter();

  it('sums and counts are taken as they are, with their inputs', () => {
    expect(indicatorActual('revenue', a)).toEqual({ value: 1_200_000, inputs: { revenue: 1_200_000 } });
    expect(indicatorActual('volume', a)).toEqual({ value: 270, inputs: { units: 270 } });
    expect(indicatorActual('accounts_served', a)).toEqual({ value: 10, inputs: { accounts: 10 } });
    expect(indicatorActual('visits', a)).toEqual({ value: 30, inputs: { visits: 30 } });
    expect(indicatorActual('new_customers', a)).toEqual({ value: 1, inputs: { newCustomers: 1 } });
    expect(indicatorActual('intel_shared', a)).toEqual({ value: 3, inputs: { posts: 3 } });
  });

  it('collection rate is collected / due', () => {
    // 850,000 / 1,000,000 = 0.85
    expect(indicatorActual('collection_rate', a)).toEqual({ value: 0.85, inputs: { collected: 850_000, due: 1_000_000 } });
  });

  it('ratings are the mean of what was received', () => {
    // 8.5 / 2 = 4.25; 14 / 4 = 3.5
    expect(indicatorActual('satisfaction', a)).toEqual({ value: 4.25, inputs: { sum: 8.5, count: 2 } });
    expect(indicatorActual('collaboration', a)).toEqual({ value: 3.5, inputs: { sum: 14, count: 4 } });
  });

  it('nothing due, no feedback, no peer review → no data (null), not zero', () => {
    const none = emptyActuals();
    expect(indicatorActual('collection_rate', none)).toEqual({ value: null, inputs: { collected: 0, due: 0 } });
    expect(indicatorActual('satisfaction', none)).toEqual({ value: null, inputs: { sum: 0, count: 0 } });
    expect(indicatorActual('collaboration', none)).toEqual({ value: null, inputs: { sum: 0, count: 0 } });
  });

  it('zero deals or visits is a real zero', () => {
    expect(indicatorActual('revenue', emptyActuals()).value).toBe(0);
    expect(indicatorActual('visits', emptyActuals()).value).toBe(0);
  });
});

describe('hasNoRecords', () => {
  it('is true only when nothing at all was recorded', () => {
    expect(hasNoRecords(emptyActuals())).toBe(true);
    expect(hasNoRecords(anActuals({ visits: 1 }))).toBe(false);
    expect(hasNoRecords(anActuals({ revenue: 1 }))).toBe(false);
    expect(hasNoRecords(anActuals({ due: 100 }))).toBe(false);
    expect(hasNoRecords(anActuals({ satisfactionSum: 4, satisfactionCount: 1 }))).toBe(false);
    expect(hasNoRecords(anActuals({ collaborationSum: 4, collaborationCount: 1 }))).toBe(false);
    expect(hasNoRecords(anActuals({ intel: 1 }))).toBe(false);
  });
});

describe('addActuals', () => {
  it('adds a partial aggregate field by field, in place', () => {
    const a = anActuals({ revenue: 100, visits: 2 });
    const out = addActuals(a, { revenue: 50, satisfactionSum: 4, satisfactionCount: 1 });
    expect(out).toBe(a);
    expect(out).toEqual(anActuals({ revenue: 150, visits: 2, satisfactionSum: 4, satisfactionCount: 1 }));
  });
});
