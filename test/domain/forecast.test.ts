import { describe, expect, it } from 'vitest';
import { linearForecast } from '../../src/domain/scoring/forecast.js';

describe('linearForecast', () => {
  it('no history → no forecast', () => {
    expect(linearForecast([])).toBeNull();
  });

  it('one point → flat', () => {
    expect(linearForecast([80])).toEqual({ slope: 0, intercept: 80, next: 80, basis: 1 });
  });

  it('two points → the line through them', () => {
    // slope 80 − 70 = 10, intercept 70, next 70 + 10 × 2 = 90
    expect(linearForecast([70, 80])).toEqual({ slope: 10, intercept: 70, next: 90, basis: 2 });
    // falling: slope −5, next 85 − 10 = 75
    expect(linearForecast([85, 80])).toEqual({ slope: -5, intercept: 85, next: 75, basis: 2 });
  });

  it('four points → least squares', () => {
    // x̄ = 1.5, ȳ = (60 + 70 + 65 + 85) / 4 = 70
    // Σ(x − x̄)(y − ȳ) = (−1.5)(−10) + (−.5)(0) + (.5)(−5) + (1.5)(15) = 15 + 0 − 2.5 + 22.5 = 35
    // Σ(x − x̄)² = 2.25 + .25 + .25 + 2.25 = 5 → slope 7; intercept 70 − 7 × 1.5 = 59.5; next 59.5 + 7 × 4 = 87.5
    expect(linearForecast([60, 70, 65, 85])).toEqual({ slope: 7, intercept: 59.5, next: 87.5, basis: 4 });
  });

  it('a constant history forecasts the same value', () => {
    expect(linearForecast([75, 75, 75, 75])).toEqual({ slope: 0, intercept: 75, next: 75, basis: 4 });
  });

  it('three points on a line', () => {
    // 80, 82, 84: slope 2, intercept 80, next 86
    const f = linearForecast([80, 82, 84]);
    expect(f?.slope).toBeCloseTo(2, 12);
    expect(f?.intercept).toBeCloseTo(80, 12);
    expect(f?.next).toBeCloseTo(86, 12);
    expect(f?.basis).toBe(3);
  });
});
