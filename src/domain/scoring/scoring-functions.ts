import type { Scoring } from '../model/template.js';

export type ScoreResult =
  | { score: number; capped: boolean; missing: null }
  | { score: null; capped: false; missing: 'no_data' | 'no_target' };

const noData = { score: null, capped: false, missing: 'no_data' } as const;
const noTarget = { score: null, capped: false, missing: 'no_target' } as const;

/** Applies a template's scoring function to an actual and its target. Pure. */
export function applyScoring(scoring: Scoring, actual: number | null, target: number | null): ScoreResult {
  if (actual === null) return noData;
  switch (scoring.type) {
    case 'ratio': {
      if (target === null || target <= 0) return noTarget;
      const ratio = actual / target;
      return { score: Math.min(ratio, scoring.cap) * 100, capped: ratio > scoring.cap, missing: null };
    }
    case 'inverse': {
      if (target === null || target <= 0) return noTarget;
      if (actual <= 0) return { score: scoring.cap * 100, capped: true, missing: null };
      const ratio = target / actual;
      return { score: Math.min(ratio, scoring.cap) * 100, capped: ratio > scoring.cap, missing: null };
    }
    case 'rating': {
      const share = (actual - scoring.min) / (scoring.max - scoring.min);
      return { score: Math.min(Math.max(share, 0), 1) * 100, capped: false, missing: null };
    }
    case 'threshold': {
      let value = actual;
      if (scoring.basis === 'target') {
        if (target === null || target <= 0) return noTarget;
        value = actual / target;
      }
      let score = scoring.below;
      for (const step of scoring.steps) if (value >= step.atLeast) score = step.score;
      return { score, capped: false, missing: null };
    }
  }
}

/** Whether the scoring function compares the actual with a target. */
export const needsTarget = (s: Scoring): boolean =>
  s.type === 'ratio' || s.type === 'inverse' || (s.type === 'threshold' && s.basis === 'target');
