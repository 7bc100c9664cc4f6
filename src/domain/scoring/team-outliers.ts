/**
 * Which totals stand out from their team, by Tukey's fences: below the lower quartile − k × the
 * interquartile range or above the upper quartile + k × it. Quartiles, unlike a fixed gap of
 * points or a standard deviation that one extreme score inflates, do not mark half a spread-out
 * team nor hide the one rep far from a tight one; a small team has no meaningful quartiles, so it
 * marks nobody. The rule is stated in the calibration pack beside the marks.
 */
export const TEAM_OUTLIER_RULE = { k: 1.5, minTeam: 5 } as const;

/** The q-quantile of sorted values, interpolated between neighbours (the usual "type 7" definition). */
function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** The team's fences, or null when the team is too small to have any. */
export function teamFences(totals: readonly number[], rule: { k: number; minTeam: number } = TEAM_OUTLIER_RULE): { low: number; high: number } | null {
  if (totals.length < rule.minTeam) return null;
  const sorted = [...totals].sort((a, b) => a - b);
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  const iqr = q3 - q1;
  return { low: q1 - rule.k * iqr, high: q3 + rule.k * iqr };
}

export const outsideFences = (total: number, fences: { low: number; high: number } | null): boolean =>
  fences !== null && (total < fences.low || total > fences.high);
