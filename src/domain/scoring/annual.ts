import type { KpiTemplate } from '../model/template.js';
import { gradeFor, roundScore } from './grading.js';

export interface AnnualSummary {
  /** Quarter totals Q1–Q4; null for a quarter without a graded score. */
  quarters: (number | null)[];
  /** Weighted mean of the graded quarters (their weights renormalised), or null if none. */
  total: number | null;
  grade: string | null;
  bonusMultiplier: number | null;
}

/** The annual score: the template's quarter weights over the quarters that have a score. */
export function annualSummary(template: KpiTemplate, quarterTotals: readonly (number | null)[]): AnnualSummary {
  let weighted = 0;
  let weights = 0;
  quarterTotals.forEach((t, i) => {
    const w = template.annualQuarterWeights[i] ?? 0;
    if (t === null || w === 0) return;
    weighted += t * w;
    weights += w;
  });
  if (weights === 0) return { quarters: [...quarterTotals], total: null, grade: null, bonusMultiplier: null };
  const total = roundScore(weighted / weights);
  const band = gradeFor(template, total);
  return { quarters: [...quarterTotals], total, grade: band.grade, bonusMultiplier: band.bonusMultiplier };
}
