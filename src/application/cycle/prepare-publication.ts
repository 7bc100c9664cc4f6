import type { CycleCalendar } from '../../domain/cycle-calendar.js';
import { AppError } from '../../domain/errors.js';
import type { Adjustment, Award, ReviewCycle } from '../../domain/model/cycle.js';
import type { Absence } from '../../domain/model/self-and-leave.js';
import { guidelineWarnings, type GuidelineWarning } from '../../domain/scoring/guideline.js';
import type { Person } from '../../domain/model/people.js';
import { quarterOf } from '../../domain/period.js';
import type { AppDeps } from '../deps.js';
import { today } from '../guards.js';
import { scorePeriod, type PeriodScores, type ScoredRep } from '../score-period.js';
import { readSetting, type CyclePolicy } from '../settings.js';
import { annualScores, type AnnualQuarter } from './annual-scores.js';
import { bonusAmountOf } from './appeal-result.js';
import { calendarOf } from './calendar-check.js';
import { assertState, periodFrom, requireCycle, requireHr } from './cycles.js';

export interface PublicationPlan {
  cycle: ReviewCycle;
  /** For a year, also each rep's published quarters and their weights. */
  scores: PeriodScores & { quarters?: Map<string, AnnualQuarter[]> };
  /** Reps with a grade, highest total first. */
  graded: ScoredRep[];
  noData: ScoredRep[];
  /** Grade → count, in the template's order (highest first), zero counts included. */
  gradeCounts: { grade: string; count: number }[];
  averageMultiplier: number;
  aboveOne: number;
  belowOne: number;
  penalised: ScoredRep[];
  policy: CyclePolicy;
  /** Σ base bonus × multiplier over the graded reps; null without a base bonus. */
  totalBonus: number | null;
  /** Special awards of the period approved by HR: they go into the results. */
  approvedAwards: Award[];
  /** Awards still waiting for HR: published without them unless decided first. */
  pendingAwards: Award[];
  /** Managers' adjustment proposals HR has not decided: they do not count unless accepted first. */
  pendingAdjustments: Adjustment[];
  /** Leave in the period waiting for approval: it prorates no target unless approved first. */
  pendingLeave: Absence[];
  /** Grades over the distribution guideline (a warning, not a block). */
  warnings: GuidelineWarning[];
  /** How long reps may still log for the period: publishing before that needs an override. */
  calendar: CycleCalendar;
}

/**
 * What `/publish-results` would publish (HR, cycle in review): the graded reps and their cards
 * with the cycle's template, the grade counts, the bonus effect, who gets the penalty flag, the
 * special awards, the distribution guideline's warnings, and what still waits for a decision
 * (managers' adjustment proposals, leave waiting for approval).
 */
export async function preparePublication(deps: AppDeps, actor: Person, input: { period?: string | undefined }): Promise<PublicationPlan> {
  requireHr(actor, 'publish results');
  const period = input.period ? periodFrom(input.period) : quarterOf(today(deps));
  const cycle = await requireCycle(deps, period);
  assertState(cycle, 'in_review');
  // A year is published from its published quarters, weighted (see annual-scores.ts).
  const scores = period.kind === 'year' ? await annualScores(deps, await scorePeriod(deps, period)) : await scorePeriod(deps, period);
  const all = [...scores.reps.values()];
  const graded = all.filter((s) => !s.card.noData).sort((a, b) => b.card.total - a.card.total);
  if (graded.length === 0) {
    throw new AppError('VALIDATION', `nobody is graded in ${period.key}`, { params: { messageId: 'cycle.error.nobodyGraded', period: period.key } });
  }
  const gradeCounts = scores.template.grades.map((g) => ({ grade: g.grade, count: graded.filter((s) => s.card.grade === g.grade).length }));
  const multipliers = graded.map((s) => s.card.bonusMultiplier);
  const [policy, awards, adjustments, absences] = await Promise.all([
    readSetting(deps, 'cycle.policy'),
    deps.store.awards.find({ periodKey: period.key }),
    deps.store.adjustments.find({ periodKey: period.key }),
    deps.store.absences.find({ from: { lte: period.to }, to: { gte: period.from } }),
  ]);
  const gradedIds = new Set(graded.map((s) => s.rep.id));
  return {
    cycle,
    scores,
    graded,
    noData: all.filter((s) => s.card.noData),
    gradeCounts,
    averageMultiplier: multipliers.reduce((a, b) => a + b, 0) / multipliers.length,
    aboveOne: multipliers.filter((m) => m > 1).length,
    belowOne: multipliers.filter((m) => m < 1).length,
    penalised: graded.filter((s) => s.card.penalty),
    policy,
    totalBonus: policy.baseBonus === null ? null : graded.reduce((sum, s) => sum + bonusAmountOf(policy.baseBonus, s.card.bonusMultiplier)!, 0),
    // An award for a rep who is not graded (no data) cannot go into a result.
    approvedAwards: awards.filter((a) => a.state === 'approved' && gradedIds.has(a.repId)),
    pendingAwards: awards.filter((a) => a.state === 'pending'),
    // Decisions HR should make before the results are frozen (issue 14): shown as warnings, not a block.
    pendingAdjustments: adjustments.filter((a) => a.state === 'pending'),
    pendingLeave: absences.filter((a) => a.approval === 'pending').sort((a, b) => a.from.localeCompare(b.from)),
    warnings: guidelineWarnings(gradeCounts, graded.length, policy.guideline),
    calendar: calendarOf(deps, cycle),
  };
}
