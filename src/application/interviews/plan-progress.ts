import type { ImprovementPlan } from '../../domain/model/cycle.js';
import type { Person } from '../../domain/model/people.js';
import type { Scorecard } from '../../domain/model/scorecard.js';
import { parsePeriod } from '../../domain/period.js';
import type { GoalProgress } from '../../views/plan-views.js';
import type { AppDeps } from '../deps.js';
import { manages, seesEveryone } from '../permissions.js';
import { scorePeriod } from '../score-period.js';
import { teamOf } from './interview-access.js';

/** Where a plan's goals stand: each goal's indicator actual in the plan's period (from a scorecard of it). */
export function goalProgress(plan: ImprovementPlan, card: Scorecard | null): GoalProgress[] {
  return plan.goals.map((goal) => ({ goal, current: goal.indicator ? (card?.indicators.find((l) => l.key === goal.indicator)?.actual ?? null) : null }));
}

/** The rep's open or finished plans measured in a period (not cancelled ones). */
export async function plansMeasuredIn(deps: Pick<AppDeps, 'store'>, repId: string, periodKey: string): Promise<ImprovementPlan[]> {
  return (await deps.store.plans.find({ repId })).filter((p) => p.targetPeriodKey === periodKey && p.state !== 'cancelled');
}

/**
 * The plans to show on a scorecard of `card`'s period, with progress from that card. Only the rep,
 * their manager and HR see a plan: a scorecard shared more widely does not carry it.
 */
export async function planProgressFor(deps: Pick<AppDeps, 'store'>, viewer: Person, rep: Person, card: Scorecard): Promise<{ plan: ImprovementPlan; goals: GoalProgress[] }[]> {
  if (viewer.id !== rep.id && !seesEveryone(viewer) && !manages(viewer, rep, await teamOf(deps, rep))) return [];
  return (await plansMeasuredIn(deps, rep.id, card.periodKey)).map((plan) => ({ plan, goals: goalProgress(plan, card) }));
}

/** Progress of one plan, scoring its period for the rep alone (check-ins). */
export async function currentProgress(deps: AppDeps, plan: ImprovementPlan, rep: Person): Promise<GoalProgress[]> {
  const scores = await scorePeriod(deps, parsePeriod(plan.targetPeriodKey), { reps: [rep] });
  return goalProgress(plan, scores.reps.get(rep.id)?.card ?? null);
}
