import { gradeFor, lowestGrade, roundScore } from '../../domain/scoring/grading.js';
import type { PublishedResult } from '../../domain/model/cycle.js';
import type { Scorecard } from '../../domain/model/scorecard.js';
import type { KpiTemplate } from '../../domain/model/template.js';

/** The bonus amount of a multiplier: base × multiplier, to the cent; none without a base bonus. */
export const bonusAmountOf = (baseBonus: number | null, multiplier: number): number | undefined =>
  baseBonus === null ? undefined : Math.round(baseBonus * multiplier * 100) / 100;

/**
 * The scorecard of an accepted appeal: the frozen card with one more adjustment, and the total,
 * grade, multiplier and penalty recomputed with the grades of the template it was scored with
 * (the same arithmetic as a calibration adjustment: never below 0, rounded before grading).
 */
export function appealedScorecard(template: Pick<KpiTemplate, 'grades'>, card: Scorecard, adjustment: { id: string; delta: number; reason: string; by: string }): Scorecard {
  const adjustments = [...card.adjustments, adjustment];
  const total = roundScore(Math.max(0, card.baseTotal + adjustments.reduce((s, a) => s + a.delta, 0)));
  const band = gradeFor(template, total);
  return { ...structuredClone(card), adjustments, total, grade: band.grade, bonusMultiplier: band.bonusMultiplier, penalty: band.grade === lowestGrade(template).grade };
}

/** The next version of a result: a copy with the appealed scorecard; the older version stays as it is. */
export function nextVersion(
  previous: PublishedResult,
  input: { id: string; scorecard: Scorecard; baseBonus: number | null; at: string; by: string; reason: string; appealId: string },
): PublishedResult {
  const bonusAmount = bonusAmountOf(input.baseBonus, input.scorecard.bonusMultiplier);
  const { bonusAmount: _old, ...rest } = previous;
  return {
    ...structuredClone(rest),
    id: input.id,
    version: previous.version + 1,
    scorecard: input.scorecard,
    ...(bonusAmount !== undefined ? { bonusAmount } : {}),
    publishedAt: input.at,
    publishedBy: input.by,
    reason: input.reason.slice(0, 500),
    appealId: input.appealId,
  };
}

/**
 * The base bonus a period was published with, read back from its frozen first versions (amount ÷
 * multiplier), so an appeal's new amount uses the same base even if the policy changed since:
 * null when the period was published without amounts; `fallback` (the current policy) only when
 * no published amount reveals the base (every multiplier 0).
 */
export function publishedBaseBonus(firstVersions: readonly Pick<PublishedResult, 'bonusAmount' | 'scorecard'>[], fallback: number | null): number | null {
  const withAmount = firstVersions.filter((r) => r.bonusAmount !== undefined);
  if (withAmount.length === 0) return null;
  const ref = withAmount.find((r) => r.scorecard.bonusMultiplier > 0);
  return ref ? Math.round((ref.bonusAmount! / ref.scorecard.bonusMultiplier) * 100) / 100 : fallback;
}
