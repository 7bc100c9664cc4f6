import type { Period } from '../period.js';
import { INDICATORS } from '../model/indicators.js';
import type { Adjustment } from '../model/cycle.js';
import type { CategoryLine, IndicatorLine, Scorecard } from '../model/scorecard.js';
import { accountTiersOf, type AccountTier, type KpiTemplate } from '../model/template.js';
import { hasNoRecords, indicatorActual, type RawActuals } from './actuals.js';
import { gradeFor, lowestGrade, roundScore } from './grading.js';
import { applyScoring } from './scoring-functions.js';
import type { ResolvedTarget, TargetMap } from './targets.js';

export interface ScorecardInput {
  template: KpiTemplate;
  period: Period;
  repId: string;
  actuals: RawActuals;
  targets: TargetMap;
  adjustments?: readonly Pick<Adjustment, 'id' | 'delta' | 'reason' | 'byId'>[];
}

/**
 * Scores one rep for one period.
 *
 * Each indicator's actual is scored by the template's function against its target. An indicator
 * without data (or without a target) follows its missing-data policy: `neutral` scores it at the
 * stated value; `exclude` drops it and its weight is shared among the category's remaining
 * indicators in proportion (and a category left empty shares its weight among the others). The
 * total is Σ score × effective weight, rounded to two decimals, plus calibration adjustments.
 * A rep with no records in the period gets no grade (`noData`), so missing entries are chased,
 * not silently graded.
 */
export function computeScorecard(input: ScorecardInput): Scorecard {
  const { template, period, repId, actuals, targets } = input;
  const lines: IndicatorLine[] = [];
  // Σ weight of the included indicators of each category, in the template's order (0: none included).
  const included: number[] = [];
  // Whether any tier weighs its visits, without building the weights map (issue 16: per card of a round).
  const weightedVisits = accountTiersOf(template).some(weighsVisits);

  for (const cat of template.categories) {
    let catIncluded = 0;
    for (const spec of cat.indicators) {
      const actual = indicatorActual(spec.key, actuals, weightedVisits);
      const target = targets[spec.key] ?? NO_TARGET;
      const result = applyScoring(spec.scoring, actual.value, target.value);
      let score = result.score;
      let applied: IndicatorLine['applied'] = null;
      if (result.missing !== null) {
        if (spec.missing.policy === 'neutral') {
          score = spec.missing.score;
          applied = 'neutral';
        } else {
          applied = 'excluded';
        }
      }
      if (applied !== 'excluded') catIncluded += spec.weight;
      const line: IndicatorLine = {
        key: spec.key,
        category: cat.key,
        actual: actual.value,
        inputs: actual.inputs,
        target: target.value,
        targetSource: target.source,
        proration: target.proration,
        scoring: spec.scoring,
        score,
        missing: result.missing,
        applied,
        capped: result.capped,
        weight: spec.weight,
        effectiveWeight: 0,
        contribution: 0,
      };
      // Set afterwards rather than spread into the literal: the spread took the slow way to define
      // every property after it (issue 16). Only prorated lines carry it.
      if (target.leaveDays) line.leaveDays = target.leaveDays;
      lines.push(line);
    }
    included.push(catIncluded);
  }

  // Plain loops over the template's categories, in its order, summing as before (the same float
  // sums): a round scores every rep, and projects every rep's card once more for pacing (issue 16).
  const cats = template.categories;
  let includedCatWeight = 0;
  for (let c = 0; c < cats.length; c++) if (included[c]! > 0) includedCatWeight += cats[c]!.weight;
  const categories: CategoryLine[] = [];
  let contributions = 0;
  for (let c = 0; c < cats.length; c++) {
    const cat = cats[c]!;
    const indSum = included[c]!;
    if (!(indSum > 0)) {
      categories.push({ key: cat.key, weight: cat.weight, effectiveWeight: 0, score: null, contribution: 0 });
      continue;
    }
    const catShare = cat.weight / includedCatWeight;
    let catScore = 0;
    for (const line of lines) {
      if (line.category !== cat.key || line.applied === 'excluded') continue;
      const indShare = line.weight / indSum;
      line.effectiveWeight = catShare * indShare * 100;
      line.contribution = (line.score! * line.effectiveWeight) / 100;
      catScore += line.score! * indShare;
    }
    const contribution = catScore * catShare;
    categories.push({ key: cat.key, weight: cat.weight, effectiveWeight: catShare * 100, score: catScore, contribution });
    contributions += contribution;
  }

  // A rep with no record at all is listed as lacking data rather than graded on nothing: a missing
  // quarter is for the manager and HR to look into, not a silent penalty.
  const noData = includedCatWeight === 0 || hasNoRecords(actuals);
  const baseTotal = roundScore(contributions);
  const adjustments: Scorecard['adjustments'] = [];
  let deltas = 0;
  for (const a of input.adjustments ?? []) {
    adjustments.push({ id: a.id, delta: a.delta, reason: a.reason, by: a.byId });
    deltas += a.delta;
  }
  const total = roundScore(Math.max(0, baseTotal + deltas));
  const band = gradeFor(template, total);
  return {
    repId,
    periodKey: period.key,
    templateId: template.key,
    templateVersion: template.version,
    indicators: lines,
    categories,
    baseTotal,
    adjustments,
    total,
    grade: noData ? '' : band.grade,
    bonusMultiplier: noData ? 0 : band.bonusMultiplier,
    penalty: !noData && band.grade === lowestGrade(template).grade,
    noData,
  };
}

const NO_TARGET: Readonly<ResolvedTarget> = { value: null, source: null, proration: 1 };
const weighsVisits = (tier: AccountTier): boolean => tier.visitWeight !== 1;

/** Whether an indicator's actual grows through the period (used by pacing). */
export const isAdditive = (line: Pick<IndicatorLine, 'key'>): boolean => INDICATORS[line.key].additive;
