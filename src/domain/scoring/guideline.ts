/**
 * The grade distribution guideline: HR's policy caps the share of graded reps in a grade
 * (e.g. at most 20% S). It is a warning shown at calibration and publication, never a block.
 */

export interface GradeCount {
  grade: string;
  count: number;
}

export interface GuidelineWarning {
  grade: string;
  count: number;
  /** Percent of the graded reps, rounded to one decimal for display. */
  share: number;
  /** The guideline's maximum percent for the grade. */
  max: number;
}

/**
 * The grades whose share of `graded` reps exceeds the guideline's maximum, in the order of
 * `gradeCounts`. The comparison is exact (count × 100 > max × graded), so 1 of 5 against a
 * 20% cap is not a warning even where floating point would make the share 20.000000000000004.
 * Grades the guideline does not mention are never warned about; nobody graded → no warnings.
 */
export function guidelineWarnings(
  gradeCounts: readonly GradeCount[],
  graded: number,
  guideline: Readonly<Record<string, number>>,
): GuidelineWarning[] {
  if (!(graded > 0)) return [];
  const warnings: GuidelineWarning[] = [];
  for (const { grade, count } of gradeCounts) {
    const max = guideline[grade];
    if (max === undefined || !Object.hasOwn(guideline, grade)) continue;
    if (count * 100 > max * graded) {
      warnings.push({ grade, count, share: Math.round((count * 1000) / graded) / 10, max });
    }
  }
  return warnings;
}

/** Count the grades of a list of graded results, keeping the order of `grades` (the template's bands). */
export function countGrades(grades: readonly string[], results: readonly { grade: string }[]): GradeCount[] {
  const counts = new Map<string, number>(grades.map((g) => [g, 0]));
  for (const r of results) counts.set(r.grade, (counts.get(r.grade) ?? 0) + 1);
  return [...counts].map(([grade, count]) => ({ grade, count }));
}
