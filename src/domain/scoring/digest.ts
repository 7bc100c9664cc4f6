import type { Forecast } from './forecast.js';
import { roundScore } from './grading.js';

/**
 * The statistics of a review digest for a group of reps (a team, the company): their totals, the
 * grade distribution, the biggest movers against the previous period, the outliers and who has no
 * graded score. Pure: the caller supplies totals already scored.
 */

/** A total further than this many standard deviations from the group mean is an outlier. */
export const OUTLIER_SIGMAS = 1.5;
/** How many movers up and down a digest lists. */
export const TOP_MOVERS = 3;

export interface DigestMember {
  repId: string;
  name: string;
  /** Null when the rep has no graded score for the period. */
  total: number | null;
  grade: string | null;
  /** The rep's total for the previous period, when graded. */
  previous: number | null;
}

export interface DigestRow {
  repId: string;
  name: string;
  total: number;
  grade: string;
  vsPrevious: number | null;
  vsAverage: number;
}

export interface GroupDigest {
  /** Graded reps, highest total first (then by name). */
  rows: DigestRow[];
  /** Names of reps without a graded score. */
  noData: string[];
  average: number | null;
  /** Population standard deviation of the graded totals. */
  stdDev: number | null;
  /** Every grade of the template, highest first, with how many reps got it. */
  distribution: { grade: string; count: number }[];
  moversUp: DigestRow[];
  moversDown: DigestRow[];
  /** Graded reps more than OUTLIER_SIGMAS standard deviations from the mean, with their distance in σ (signed). */
  outliers: (DigestRow & { sigmas: number })[];
}

export function groupDigest(grades: readonly string[], members: readonly DigestMember[]): GroupDigest {
  const graded = members.filter((m): m is DigestMember & { total: number; grade: string } => m.total !== null && m.grade !== null);
  const n = graded.length;
  const mean = n ? graded.reduce((s, m) => s + m.total, 0) / n : null;
  const stdDev = mean === null ? null : Math.sqrt(graded.reduce((s, m) => s + (m.total - mean) ** 2, 0) / n);
  const rows: DigestRow[] = graded
    .map((m) => ({
      repId: m.repId,
      name: m.name,
      total: m.total,
      grade: m.grade,
      vsPrevious: m.previous === null ? null : roundScore(m.total - m.previous),
      vsAverage: roundScore(m.total - mean!),
    }))
    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
  const withDelta = rows.filter((r) => r.vsPrevious !== null);
  const byDelta = (dir: 1 | -1) =>
    withDelta
      .filter((r) => r.vsPrevious! * dir > 0)
      .sort((a, b) => (b.vsPrevious! - a.vsPrevious!) * dir || a.name.localeCompare(b.name))
      .slice(0, TOP_MOVERS);
  const outliers =
    stdDev && stdDev > 0
      ? rows.map((r) => ({ ...r, sigmas: roundScore((r.total - mean!) / stdDev) })).filter((r) => Math.abs(r.total - mean!) > OUTLIER_SIGMAS * stdDev + 1e-9)
      : [];
  return {
    rows,
    noData: members.filter((m) => m.total === null || m.grade === null).map((m) => m.name).sort((a, b) => a.localeCompare(b)),
    average: mean === null ? null : roundScore(mean),
    stdDev: stdDev === null ? null : roundScore(stdDev),
    distribution: grades.map((grade) => ({ grade, count: graded.filter((m) => m.grade === grade).length })),
    moversUp: byDelta(1),
    moversDown: byDelta(-1),
    outliers,
  };
}

/** Rising, falling or steady: the forecast line's slope, with under half a point a period counted as steady. */
export type Trend = 'up' | 'down' | 'steady' | 'unknown';
export function trendOf(forecast: Forecast | null): Trend {
  if (!forecast || forecast.basis < 2) return 'unknown';
  if (forecast.slope >= 0.5) return 'up';
  if (forecast.slope <= -0.5) return 'down';
  return 'steady';
}
