import { addDays, daysBetween, type LocalDate } from '../../domain/dates.js';
import type { PlanGoal } from '../../domain/model/cycle.js';
import type { Locale } from '../../domain/model/fields.js';
import { INDICATORS } from '../../domain/model/indicators.js';
import type { IndicatorLine, Scorecard } from '../../domain/model/scorecard.js';
import { nextPeriod, parsePeriod, type Period } from '../../domain/period.js';
import { goalText } from '../../views/plan-views.js';

/** How many of the weakest indicators a prefilled plan takes up. */
export const PREFILLED_GOALS = 3;
/** Check-ins about every four weeks. */
const CHECK_IN_DAYS = 28;

/** Points of the total an indicator lost: its share of the total × how far its score fell short of 100. */
export const pointsLost = (line: IndicatorLine): number =>
  line.score === null ? 0 : (line.effectiveWeight * Math.max(0, 100 - line.score)) / 100;

/** The value that scores 100: the target, or the top of a rating scale or of an absolute threshold. */
function fullScoreValue(line: IndicatorLine): number | null {
  if (line.scoring.type === 'rating') return line.scoring.max;
  if (line.scoring.type === 'threshold' && line.scoring.basis === 'absolute') return Math.max(...line.scoring.steps.map((s) => s.atLeast));
  return line.target;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;
/** A count's goal is whole: 1.8 new customers to reach is 2. */
const goalTarget = (l: IndicatorLine, x: number): number => (INDICATORS[l.key].measure === 'count' ? Math.ceil(x - 1e-9) : round2(x));

/**
 * The prefilled plan of a frozen result: the indicators that lost the most weighted points (only
 * those with an actual to improve on and a value to reach), as measurable goals due at the end of
 * the next quarter, as actions in whole numbers with a halfway milestone: "Make 36 client visits
 * (18 by 2027-02-14; 15 in 2026-Q3)". Most points lost first.
 */
export function prefillGoals(card: Scorecard, ctx: { locale: Locale; currency: string }, max = PREFILLED_GOALS): PlanGoal[] {
  const next = nextPeriod(parsePeriod(card.periodKey));
  const dueDate = next.to;
  const when = { periodKey: card.periodKey, mid: addDays(next.from, Math.floor(next.days / 2)) };
  return card.indicators
    .filter((l) => l.actual !== null && l.applied === null && pointsLost(l) > 0 && fullScoreValue(l) !== null)
    .map((l, i) => ({ l, i, lost: pointsLost(l) }))
    .sort((a, b) => b.lost - a.lost || a.i - b.i)
    .slice(0, max)
    .map(({ l }) => {
      const goal = { indicator: l.key, baseline: round2(l.actual!), target: goalTarget(l, fullScoreValue(l)!), dueDate };
      return { ...goal, text: goalText(ctx, goal, when) };
    });
}

/** Check-in dates: every four weeks from the later of the interview and the plan's quarter start, within the quarter. */
export function checkInDates(target: Period, heldOn: LocalDate): LocalDate[] {
  const start = heldOn > target.from ? heldOn : target.from;
  const out: LocalDate[] = [];
  for (let d = addDays(start, CHECK_IN_DAYS); d <= target.to; d = addDays(d, CHECK_IN_DAYS)) out.push(d);
  // A plan agreed late in its quarter still gets one check-in, on the quarter's last day.
  if (out.length === 0 && daysBetween(heldOn, target.to) > 0) out.push(target.to);
  return out;
}
