import type { GradeCount, GuidelineWarning } from '../scoring/guideline.js';

/** One rep in the calibration pack. */
export interface PackRow {
  name: string;
  team: string | null;
  /** Null when the rep lacks data (no grade). */
  total: number | null;
  grade: string | null;
  lastTotal: number | null;
  lastGrade: string | null;
  /** Average total of the graded reps of the rep's team; null without a team. */
  teamAverage: number | null;
  /** Sum of calibration adjustments so far. */
  adjusted: number;
  outlier: ('team' | 'bands')[];
}

/** Everything the review (calibration) meeting needs, as `/cycle calibrate` posts it to HR. */
export interface CalibrationPack {
  periodKey: string;
  previousKey: string;
  rows: PackRow[];
  graded: number;
  overall: GradeCount[];
  byManager: { manager: string; graded: number; counts: GradeCount[] }[];
  /** Reps lacking data altogether (no grade). */
  noData: string[];
  /** Indicators no graded rep has data for: said once, not once per rep. */
  emptyIndicators: string[];
  /** Each other indicator lacking data or a target, with the graded reps it is missing for. */
  missing: { key: string; why: 'no_data' | 'no_target'; names: string[] }[];
  adjustments: { name: string; delta: number; reason: string; by: string; at: string }[];
  guideline: Record<string, number>;
  warnings: GuidelineWarning[];
  /** Team outliers: outside the fences of k × the interquartile range, in teams of minTeam or more; grade outliers: bands moved. */
  rule: { k: number; minTeam: number; bands: number };
  /** Reps' self-reviews (1–5 per category), beside the computed scores; never part of them. */
  selfReviews: { name: string; performance: number; behaviour: number; teamwork: number; comment: string }[];
  /** Peer-review patterns to look at: mutual top ratings, a reviewer rating everyone the same. */
  peerFlags: ({ kind: 'mutual-top'; names: [string, string]; periods: number } | { kind: 'same-rating'; reviewer: string; rating: number; count: number })[];
}
