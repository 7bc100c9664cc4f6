import { describe, expect, it } from 'vitest';
import { defaultTemplate } from '../../src/domain/scoring/default-template.js';
import { forecastNext, linearForecast } from '../../src/domain/scoring/forecast.js';
import { scaleTop } from '../../src/domain/scoring/grading.js';

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

describe('forecastNext (what people read)', () => {
  it('makes no forecast from fewer than three periods', () => {
    expect(forecastNext([], 120)).toBeNull();
    expect(forecastNext([80], 120)).toBeNull();
    // The case: 43.9 → 25.4 projected 7.0; two points are a line through noise.
    expect(forecastNext([43.9, 25.4], 120)).toBeNull();
  });

  it('gives the least-squares value with ±1 standard error of the prediction as its range', () => {
    // 60, 70, 65, 85: line 59.5 + 7x, next 87.5. Residuals 0.5, 3.5, −8.5, 4.5 → SSE 105.
    // s = √(105 / 2) = 7.2457; se = s · √(1 + 1/4 + (4 − 1.5)² / 5) = 7.2457 · √2.5 = 11.4564.
    expect(forecastNext([60, 70, 65, 85], 120)).toEqual({ value: 87.5, low: 76, high: 99, basis: 4 });
    // A perfectly straight history has no spread: the range is the value itself.
    expect(forecastNext([80, 82, 84], 120)).toEqual({ value: 86, low: 86, high: 86, basis: 3 });
  });

  it('never forecasts below 0 or above the top of the scale', () => {
    const falling = forecastNext([43.9, 25.4, 9], 120)!;
    expect(falling.value).toBe(0);
    expect(falling.low).toBe(0);
    expect(falling.high).toBeGreaterThanOrEqual(0);
    const rising = forecastNext([90, 105, 118], 120)!;
    expect(rising.value).toBe(120);
    expect(rising.high).toBe(120);
  });

  it('knows the top of a template’s scale (caps above 100% let a total pass 100)', () => {
    const template = defaultTemplate('2026-01-01T00:00:00.000Z');
    const top = scaleTop(template);
    expect(top).toBeGreaterThan(100);
    // Every indicator at its cap (ratios), 100 (ratings): the weighted mean of those tops.
    const manual = template.categories.reduce((sum, c) => {
      const w = c.indicators.reduce((s, i) => s + i.weight, 0);
      const cat = c.indicators.reduce((s, i) => s + (i.weight / w) * (i.scoring.type === 'ratio' || i.scoring.type === 'inverse' ? i.scoring.cap * 100 : 100), 0);
      return sum + (c.weight / template.categories.reduce((s, x) => s + x.weight, 0)) * cat;
    }, 0);
    expect(top).toBeCloseTo(manual, 9);
  });
});

describe('trendForecast with the scale remembered per template (issue 16)', () => {
  it('clamps each template’s forecast to its own top, however the templates alternate', async () => {
    const { trendForecast } = await import('../../src/domain/scoring/forecast.js');
    const capped = (cap: number) => {
      const t = defaultTemplate('2026-01-01T00:00:00Z');
      return { ...t, categories: t.categories.map((c) => ({ ...c, indicators: c.indicators.map((i) => (i.scoring.type === 'ratio' ? { ...i, scoring: { ...i.scoring, cap } } : i)) })) };
    };
    const low = capped(1);
    const high = capped(1.5);
    const rising = [100, 110, 120, 130];
    for (let round = 0; round < 2; round++) {
      expect(trendForecast(low, rising, '2026-Q4')!.value).toBe(Math.round(scaleTop(low) * 10) / 10);
      expect(trendForecast(high, rising, '2026-Q4')!.value).toBe(140);
      expect(scaleTop(low)).toBeLessThan(140);
    }
  });
});
