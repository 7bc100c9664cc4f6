import { describe, expect, it } from 'vitest';
import { groupDigest, trendOf, type DigestMember } from '../../src/domain/scoring/digest.js';
import { linearForecast } from '../../src/domain/scoring/forecast.js';

const GRADES = ['A', 'B', 'C'];
const m = (name: string, total: number | null, previous: number | null = null, grade: string | null = total === null ? null : total >= 80 ? 'A' : total >= 60 ? 'B' : 'C'): DigestMember =>
  ({ repId: name, name, total, grade, previous });

describe('group digest', () => {
  it('lists at most three movers each way, biggest first, and leaves out the unchanged and the new', () => {
    const d = groupDigest(GRADES, [m('a', 70, 60), m('b', 70, 50), m('c', 70, 65), m('d', 70, 40), m('e', 70, 90), m('f', 70, 70), m('g', 70)]);
    expect(d.moversUp.map((r) => [r.name, r.vsPrevious])).toEqual([['d', 30], ['b', 20], ['a', 10]]);
    expect(d.moversDown.map((r) => [r.name, r.vsPrevious])).toEqual([['e', -20]]);
  });

  it('flags totals more than 1.5 population standard deviations from the mean, in both directions', () => {
    // 100, 60 ×6, 20: mean 60, σ = √(3200 / 8) = 20: 100 is +2σ and 20 is −2σ; the 60s are 0σ.
    const d = groupDigest(GRADES, [m('hi', 100), ...['p', 'q', 'r', 's', 't', 'u'].map((n) => m(n, 60)), m('lo', 20)]);
    expect(d.stdDev).toBe(20);
    expect(d.outliers.map((o) => [o.name, o.sigmas])).toEqual([['hi', 2], ['lo', -2]]);
    // Two reps are each exactly 1σ from their mean: never outliers.
    expect(groupDigest(GRADES, [m('x', 70), m('y', 70)]).outliers).toEqual([]);
  });

  it('counts every grade, lists reps without data by name, and has no average with nobody graded', () => {
    const d = groupDigest(GRADES, [m('b', 85), m('a', 65), m('z', null), m('y', null)]);
    expect(d.distribution).toEqual([{ grade: 'A', count: 1 }, { grade: 'B', count: 1 }, { grade: 'C', count: 0 }]);
    expect(d.noData).toEqual(['y', 'z']);
    expect(d.rows.map((r) => [r.name, r.vsAverage])).toEqual([['b', 10], ['a', -10]]);
    expect(groupDigest(GRADES, [m('z', null)])).toMatchObject({ average: null, stdDev: null, rows: [], outliers: [] });
  });

  it('reads the trend from the forecast slope', () => {
    expect(trendOf(linearForecast([20, 40, 90, 100]))).toBe('up');
    expect(trendOf(linearForecast([60, 50]))).toBe('down');
    expect(trendOf(linearForecast([70, 70.2, 70.1]))).toBe('steady');
    expect(trendOf(linearForecast([70]))).toBe('unknown');
  });
});
