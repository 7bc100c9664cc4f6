import type { GradeBand, KpiTemplate } from '../model/template.js';

/**
 * Totals are rounded to two decimals before grading, so 94.999999 from float sums grades as 95.
 * Float noise is dropped first (12 significant digits), so a sum whose exact value is 74.995 but
 * which floating point holds as 74.99499999999999 rounds half up to 75, as it would on paper.
 */
export function roundScore(x: number): number {
  const y = x * 100;
  // Fast path (issue 16: the string round trip was ~3 % of planning a 5,000-rep round, called a few
  // times per card). Below 10⁶ the 12-digit rounding moves y by at most 5·10⁻⁷, so unless y lies
  // within 10⁻⁶ of a half it cannot change which way y rounds: Math.round(y) is the same answer.
  // 0 is left to the exact path, which turns −0 into 0.
  if (y !== 0 && Math.abs(y) < 1e6) {
    const fraction = y - Math.floor(y);
    if (Math.abs(fraction - 0.5) > 1e-6) return Math.round(y) / 100;
  }
  return Math.round(Number(y.toPrecision(12))) / 100;
}

/** The band a total falls in: the first (highest) band whose minimum it reaches. */
export function gradeFor(template: Pick<KpiTemplate, 'grades'>, total: number): GradeBand {
  const rounded = roundScore(total);
  for (const band of template.grades) if (rounded >= band.minScore) return band;
  return template.grades[template.grades.length - 1]!;
}

export const lowestGrade = (template: Pick<KpiTemplate, 'grades'>): GradeBand =>
  template.grades[template.grades.length - 1]!;

/** The next band above `grade`, or null at the top. */
export function nextBandAbove(template: Pick<KpiTemplate, 'grades'>, grade: string): GradeBand | null {
  const i = template.grades.findIndex((g) => g.grade === grade);
  return i > 0 ? template.grades[i - 1]! : null;
}

/** The highest score an indicator's scoring function can give. */
const topScore = (s: KpiTemplate['categories'][number]['indicators'][number]['scoring']): number =>
  s.type === 'ratio' || s.type === 'inverse' ? s.cap * 100 : s.type === 'rating' ? 100 : Math.max(s.below, ...s.steps.map((x) => x.score));

/**
 * The top of a template's scale: the total a rep scoring the maximum on every indicator reaches
 * (caps above 100% let it pass 100). Forecasts never go above it.
 */
export function scaleTop(template: Pick<KpiTemplate, 'categories'>): number {
  const catWeights = template.categories.reduce((s, c) => s + c.weight, 0);
  return template.categories.reduce((sum, c) => {
    const indWeights = c.indicators.reduce((s, i) => s + i.weight, 0);
    const top = c.indicators.reduce((s, i) => s + (i.weight / indWeights) * topScore(i.scoring), 0);
    return sum + (c.weight / catWeights) * top;
  }, 0);
}
