import { annualSummary } from '../../domain/scoring/annual.js';
import { gradeFor, lowestGrade, roundScore } from '../../domain/scoring/grading.js';
import type { Scorecard } from '../../domain/model/scorecard.js';
import { quartersOfYear } from '../../domain/period.js';
import type { AppDeps } from '../deps.js';
import type { PeriodScores, ScoredRep } from '../score-period.js';
import { latestResults } from './frozen-report.js';

/** One quarter of an annual result: its published total (null without one) and its weight in percent after renormalisation. */
export interface AnnualQuarter {
  periodKey: string;
  total: number | null;
  weight: number;
}

/**
 * The quarters an annual result is made of: each quarter's latest published total and its share
 * of the template's quarter weights, renormalised over the quarters that have a total.
 */
export function annualQuarters(weights: readonly number[], totals: readonly { periodKey: string; total: number | null }[]): AnnualQuarter[] {
  const sum = totals.reduce((s, q, i) => s + (q.total === null ? 0 : (weights[i] ?? 0)), 0);
  return totals.map((q, i) => ({ ...q, weight: q.total === null || sum === 0 ? 0 : ((weights[i] ?? 0) * 100) / sum }));
}

/**
 * A year's scores for the annual publication: each rep's total is the weighted mean of their
 * published quarters (domain/scoring/annual.ts, the template's quarter weights) plus any annual
 * calibration adjustment, graded with the template; the indicator lines are the year's actuals
 * against the year's targets, for the explanation. A rep with no published quarter lacks data.
 */
export async function annualScores(deps: Pick<AppDeps, 'store'>, year: PeriodScores): Promise<PeriodScores & { quarters: Map<string, AnnualQuarter[]> }> {
  const template = year.template;
  const keys = quartersOfYear(year.period.year).map((q) => q.key);
  const published = await Promise.all(keys.map((k) => latestResults(deps, k)));
  const reps = new Map<string, ScoredRep>();
  const quarters = new Map<string, AnnualQuarter[]>();
  for (const [id, scored] of year.reps) {
    const totals = keys.map((periodKey, i) => {
      const r = published[i]!.get(id);
      return { periodKey, total: r && !r.scorecard.noData ? r.scorecard.total : null };
    });
    const summary = annualSummary(template, totals.map((q) => q.total));
    quarters.set(id, annualQuarters(template.annualQuarterWeights, totals));
    reps.set(id, { ...scored, card: annualCard(template, scored.card, summary.total) });
  }
  return { ...year, reps, quarters };
}

function annualCard(template: PeriodScores['template'], live: Scorecard, weighted: number | null): Scorecard {
  if (weighted === null) return { ...live, baseTotal: 0, total: 0, grade: '', bonusMultiplier: 0, penalty: false, noData: true };
  const total = roundScore(Math.max(0, weighted + live.adjustments.reduce((s, a) => s + a.delta, 0)));
  const band = gradeFor(template, total);
  return { ...live, baseTotal: weighted, total, grade: band.grade, bonusMultiplier: band.bonusMultiplier, penalty: band.grade === lowestGrade(template).grade, noData: false };
}
