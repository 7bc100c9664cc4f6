import { describe, expect, it } from 'vitest';
import { annualSummary } from '../../src/domain/scoring/annual.js';
import { aDefaultTemplate } from './builders.js';

describe('annualSummary', () => {
  const t = aDefaultTemplate(); // quarters weighted 25 / 25 / 25 / 25

  it('the weighted mean of four quarters', () => {
    // (80 + 92 + 88 + 70) / 4 = 330 / 4 = 82.5 → B
    expect(annualSummary(t, [80, 92, 88, 70])).toEqual({ quarters: [80, 92, 88, 70], total: 82.5, grade: 'B', bonusMultiplier: 1 });
  });

  it('a missing quarter is left out and the other weights renormalised', () => {
    // (80 + 90 + 70) / 3 = 80 (not 240 / 4 = 60)
    expect(annualSummary(t, [80, null, 90, 70])).toEqual({ quarters: [80, null, 90, 70], total: 80, grade: 'B', bonusMultiplier: 1 });
  });

  it('uses the template’s quarter weights', () => {
    const weighted = { ...t, annualQuarterWeights: [10, 20, 30, 40] };
    // (80×10 + 90×30 + 70×40) / (10 + 30 + 40) = (800 + 2700 + 2800) / 80 = 78.75 → B
    expect(annualSummary(weighted, [80, null, 90, 70])).toMatchObject({ total: 78.75, grade: 'B' });
    // all four: (800 + 20×100 + 2700 + 2800) / 100 = 83 → B
    expect(annualSummary(weighted, [80, 100, 90, 70])).toMatchObject({ total: 83, grade: 'B' });
  });

  it('rounds the total to two decimals before grading', () => {
    // (90 + 90 + 89.99) / 3 = 89.99667 → 90 → A
    expect(annualSummary(t, [90, 90, 89.99, null])).toMatchObject({ total: 90, grade: 'A', bonusMultiplier: 1.2 });
    // (60 + 59.97) / 2 = 59.985 → 59.99 → D
    expect(annualSummary(t, [60, 59.97, null, null])).toMatchObject({ total: 59.99, grade: 'D', bonusMultiplier: 0 });
  });

  it('a quarter with zero weight does not count', () => {
    const weighted = { ...t, annualQuarterWeights: [0, 50, 50, 0] };
    // (90 + 70) / 2 = 80; Q1's 10 is ignored
    expect(annualSummary(weighted, [10, 90, 70, null])).toMatchObject({ total: 80, grade: 'B' });
    // only a zero-weight quarter has a score → no annual total
    expect(annualSummary(weighted, [10, null, null, null])).toEqual({ quarters: [10, null, null, null], total: null, grade: null, bonusMultiplier: null });
  });

  it('no graded quarter → no annual result', () => {
    expect(annualSummary(t, [null, null, null, null])).toEqual({ quarters: [null, null, null, null], total: null, grade: null, bonusMultiplier: null });
  });
});
