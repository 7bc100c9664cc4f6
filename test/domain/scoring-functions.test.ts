import { describe, expect, it } from 'vitest';
import type { Scoring } from '../../src/domain/model/template.js';
import { applyScoring, needsTarget } from '../../src/domain/scoring/scoring-functions.js';

const ratio: Scoring = { type: 'ratio', cap: 1.2 };
const inverse: Scoring = { type: 'inverse', cap: 2 };
const rating: Scoring = { type: 'rating', min: 1, max: 5 };
const absolute: Scoring = {
  type: 'threshold',
  basis: 'absolute',
  steps: [
    { atLeast: 10, score: 60 },
    { atLeast: 20, score: 80 },
    { atLeast: 30, score: 100 },
  ],
  below: 20,
};
const onTarget: Scoring = {
  type: 'threshold',
  basis: 'target',
  steps: [
    { atLeast: 0.8, score: 60 },
    { atLeast: 1, score: 100 },
    { atLeast: 1.2, score: 120 },
  ],
  below: 0,
};

describe('ratio (actual / target, capped)', () => {
  it('below the cap', () => {
    // 30/36 = 0.8333 → 83.33
    const r = applyScoring(ratio, 30, 36);
    expect(r.score).toBeCloseTo(83.3333, 4);
    expect(r).toMatchObject({ capped: false, missing: null });
  });

  it('exactly at target and exactly at the cap is not capped', () => {
    expect(applyScoring(ratio, 36, 36)).toEqual({ score: 100, capped: false, missing: null }); // 36/36 = 1 → 100
    expect(applyScoring(ratio, 36, 30)).toEqual({ score: 120, capped: false, missing: null }); // 36/30 = 1.2 = cap → 120
  });

  it('above the cap scores the cap and says so', () => {
    expect(applyScoring(ratio, 45, 30)).toEqual({ score: 120, capped: true, missing: null }); // 45/30 = 1.5 → cap 1.2 → 120
    expect(applyScoring(ratio, 37, 30)).toEqual({ score: 120, capped: true, missing: null }); // 1.2333 → 120
  });

  it('an actual of 0 scores 0 (a real zero, not missing)', () => {
    expect(applyScoring(ratio, 0, 36)).toEqual({ score: 0, capped: false, missing: null });
  });

  it('no target (null or 0) → no_target; no actual → no_data, which wins', () => {
    expect(applyScoring(ratio, 30, null)).toEqual({ score: null, capped: false, missing: 'no_target' });
    expect(applyScoring(ratio, 30, 0)).toEqual({ score: null, capped: false, missing: 'no_target' });
    expect(applyScoring(ratio, null, 36)).toEqual({ score: null, capped: false, missing: 'no_data' });
    expect(applyScoring(ratio, null, null)).toEqual({ score: null, capped: false, missing: 'no_data' });
  });

  it('a collection rate against a 100% target with cap 1', () => {
    // 0.85 / 1 = 0.85 → 85; 1.1 / 1 = 1.1 → cap 1 → 100
    expect(applyScoring({ type: 'ratio', cap: 1 }, 0.85, 1)).toEqual({ score: 85, capped: false, missing: null });
    expect(applyScoring({ type: 'ratio', cap: 1 }, 1.1, 1)).toEqual({ score: 100, capped: true, missing: null });
  });
});

describe('inverse (lower is better: target / actual, capped)', () => {
  it('above, at and below target', () => {
    expect(applyScoring(inverse, 20, 10)).toEqual({ score: 50, capped: false, missing: null }); // 10/20 = 0.5 → 50
    expect(applyScoring(inverse, 10, 10)).toEqual({ score: 100, capped: false, missing: null }); // 10/10 → 100
    expect(applyScoring(inverse, 5, 10)).toEqual({ score: 200, capped: false, missing: null }); // 10/5 = 2 = cap → 200
    expect(applyScoring(inverse, 4, 10)).toEqual({ score: 200, capped: true, missing: null }); // 10/4 = 2.5 → cap 2 → 200
  });

  it('an actual of 0 is the best possible: cap × 100, capped', () => {
    expect(applyScoring(inverse, 0, 10)).toEqual({ score: 200, capped: true, missing: null });
  });

  it('needs a target; no data wins over no target', () => {
    expect(applyScoring(inverse, 3, null)).toEqual({ score: null, capped: false, missing: 'no_target' });
    expect(applyScoring(inverse, 0, 0)).toEqual({ score: null, capped: false, missing: 'no_target' });
    expect(applyScoring(inverse, null, 10)).toEqual({ score: null, capped: false, missing: 'no_data' });
  });
});

describe('rating ((actual − min) / (max − min), clamped)', () => {
  it.each([
    [1, 0], // (1−1)/4 = 0
    [2, 25], // 1/4
    [3, 50], // 2/4
    [4.25, 81.25], // 3.25/4 = 0.8125
    [5, 100], // 4/4
    [0.5, 0], // −0.125 → clamped to 0
    [6, 100], // 1.25 → clamped to 1
  ])('rating %s → %s', (actual, score) => {
    expect(applyScoring(rating, actual, null)).toEqual({ score, capped: false, missing: null });
  });

  it('ignores any target and still reports no data', () => {
    expect(applyScoring(rating, 3, 999)).toEqual({ score: 50, capped: false, missing: null });
    expect(applyScoring(rating, null, null)).toEqual({ score: null, capped: false, missing: 'no_data' });
  });

  it('works for a 0–10 scale', () => {
    expect(applyScoring({ type: 'rating', min: 0, max: 10 }, 7, null).score).toBe(70); // 7/10
  });
});

describe('threshold on the absolute value', () => {
  it.each([
    [0, 20], // below every step → `below`
    [9.99, 20],
    [10, 60], // exactly at a step reaches it
    [19.99, 60],
    [20, 80],
    [29, 80],
    [30, 100],
    [500, 100], // the highest step reached
  ])('actual %s → %s', (actual, score) => {
    expect(applyScoring(absolute, actual, null)).toEqual({ score, capped: false, missing: null });
  });

  it('does not need a target', () => {
    expect(applyScoring(absolute, 25, 1000).score).toBe(80);
    expect(needsTarget(absolute)).toBe(false);
  });
});

describe('threshold on a share of the target', () => {
  it.each([
    [39, 0], // 39/50 = 0.78 < 0.8 → below 0
    [40, 60], // 40/50 = 0.8, exactly the step
    [49, 60], // 0.98
    [50, 100], // 1.0
    [59, 100], // 1.18
    [60, 120], // 60/50 = 1.2, exactly the top step
    [80, 120],
  ])('actual %s of target 50 → %s', (actual, score) => {
    expect(applyScoring(onTarget, actual, 50)).toEqual({ score, capped: false, missing: null });
  });

  it('exact boundaries with a target that is not a round number (24/30 = 0.8)', () => {
    expect(applyScoring(onTarget, 24, 30).score).toBe(60);
    expect(applyScoring(onTarget, 23, 30).score).toBe(0); // 0.7667
  });

  it('no target → no_target; no actual → no_data', () => {
    expect(applyScoring(onTarget, 40, null)).toEqual({ score: null, capped: false, missing: 'no_target' });
    expect(applyScoring(onTarget, 40, 0)).toEqual({ score: null, capped: false, missing: 'no_target' });
    expect(applyScoring(onTarget, null, 50)).toEqual({ score: null, capped: false, missing: 'no_data' });
  });
});

describe('needsTarget', () => {
  it('ratio, inverse and target-based thresholds need a target; ratings do not', () => {
    expect(needsTarget(ratio)).toBe(true);
    expect(needsTarget(inverse)).toBe(true);
    expect(needsTarget(onTarget)).toBe(true);
    expect(needsTarget(rating)).toBe(false);
    expect(needsTarget(absolute)).toBe(false);
  });
});
