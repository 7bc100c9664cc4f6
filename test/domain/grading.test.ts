import { describe, expect, it } from 'vitest';
import { gradeFor, lowestGrade, nextBandAbove, roundScore } from '../../src/domain/scoring/grading.js';
import { aDefaultTemplate } from './builders.js';

const t = aDefaultTemplate(); // S ≥ 105, A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 0

describe('roundScore', () => {
  it.each([
    [80.6625, 80.66],
    [83.81944444, 83.82],
    [94.999999, 95], // float noise from sums grades as the intended value
    [74.99999999999999, 75],
    [75.00000000000001, 75],
    [89.995, 90], // half a cent rounds up
    [74.99499999999999, 75], // 43.5 + 8 + 23.495 in floating point: the exact sum is 74.995
    [1.005, 1.01], // 1.005 × 100 is 100.49999999999999 in floating point
    [64.32499999999999, 64.33], // a real scorecard sum whose exact value is 64.325
    [74.994, 74.99],
    [0, 0],
  ])('%s → %s', (x, rounded) => {
    expect(roundScore(x)).toBe(rounded);
  });

  it('answers exactly as rounding through 12 significant digits does, also on its fast path (issue 16)', () => {
    const reference = (x: number): number => Math.round(Number((x * 100).toPrecision(12))) / 100;
    let seed = 16;
    const random = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const xs: number[] = [0, -0, 1e-300, -1e-300, 9_999.995, -9_999.995, 1e4, 1e5, 123_456.785, Number.MAX_VALUE, -Infinity, NaN];
    for (let i = 0; i < 20_000; i++) {
      const x = (random() - 0.3) * 200;
      xs.push(x, Math.round(x * 100) / 100 + 0.005, Math.round(x * 100) / 100 - 0.005, x / 3 + 1 / 7, Math.round(x * 1000) / 1000);
    }
    // Sums of scorecard-like parts, where float noise sits right next to a half cent.
    for (let i = 0; i < 5_000; i++) xs.push(Math.round(random() * 6000) / 100 + Math.round(random() * 3000) / 1000 + Math.round(random() * 2000) / 1000);
    for (const x of xs) expect(Object.is(roundScore(x), reference(x)), `roundScore(${x})`).toBe(true);
  });

  it('keeps two-decimal differences exact, also when negative', () => {
    expect(roundScore(80 - 83.67)).toBe(-3.67); // −3.6700000000000017 in floating point
    expect(roundScore(0.1 + 0.2)).toBe(0.3);
  });
});

describe('gradeFor: exactly at and just below each band', () => {
  it.each([
    [150, 'S', 1.5],
    [105, 'S', 1.5],
    [104.99, 'A', 1.2],
    [90, 'A', 1.2],
    [89.99, 'B', 1],
    [75, 'B', 1],
    [74.99, 'C', 0.6],
    [60, 'C', 0.6],
    [59.99, 'D', 0],
    [0, 'D', 0],
  ])('%s → %s (× %s)', (total, grade, bonus) => {
    expect(gradeFor(t, total)).toEqual({ grade, minScore: expect.any(Number), bonusMultiplier: bonus });
  });

  it('grades the rounded total: float sums just under a boundary reach it', () => {
    expect(gradeFor(t, 89.99999999999999).grade).toBe('A');
    expect(gradeFor(t, 104.995).grade).toBe('S'); // → 105.00
    expect(gradeFor(t, 104.994).grade).toBe('A'); // → 104.99
    expect(gradeFor(t, 59.995).grade).toBe('C'); // → 60.00
    expect(gradeFor(t, 59.994).grade).toBe('D'); // → 59.99
  });

  it('falls back to the lowest band for a total below every minimum', () => {
    expect(gradeFor(t, -5).grade).toBe('D');
  });

  it('works with any band names', () => {
    const bands = {
      grades: [
        { grade: 'Excellent', minScore: 80, bonusMultiplier: 2 },
        { grade: 'Pass', minScore: 50, bonusMultiplier: 1 },
        { grade: 'Fail', minScore: 0, bonusMultiplier: 0 },
      ],
    };
    expect(gradeFor(bands, 80).grade).toBe('Excellent');
    expect(gradeFor(bands, 79.99).grade).toBe('Pass');
    expect(gradeFor(bands, 49.99).grade).toBe('Fail');
    expect(lowestGrade(bands).grade).toBe('Fail');
  });
});

describe('lowestGrade and nextBandAbove', () => {
  it('the lowest band is the last one', () => {
    expect(lowestGrade(t)).toEqual({ grade: 'D', minScore: 0, bonusMultiplier: 0 });
  });

  it('the next band up, or null at the top or for an unknown grade', () => {
    expect(nextBandAbove(t, 'D')?.grade).toBe('C');
    expect(nextBandAbove(t, 'B')).toEqual({ grade: 'A', minScore: 90, bonusMultiplier: 1.2 });
    expect(nextBandAbove(t, 'A')?.grade).toBe('S');
    expect(nextBandAbove(t, 'S')).toBeNull();
    expect(nextBandAbove(t, '')).toBeNull();
  });
});
