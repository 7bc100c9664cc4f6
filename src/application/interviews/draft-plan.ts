import { AppError } from '../../domain/errors.js';
import type { PlanGoal } from '../../domain/model/cycle.js';
import type { Person } from '../../domain/model/people.js';
import { nextPeriod, type Period } from '../../domain/period.js';
import type { AppDeps } from '../deps.js';
import { today } from '../guards.js';
import { requireInterviewer, reviewedQuarter } from './interview-access.js';
import { checkInDates, prefillGoals } from './prefill-goals.js';

export interface PlanDraft {
  rep: Person;
  period: Period;
  target: Period;
  goals: PlanGoal[];
  checkIns: string[];
}

/**
 * `/interview plan @rep [period]` (the rep's manager or HR): the plan a log would prefill from the
 * rep's frozen result — the weakest weighted indicators as goals, check-ins every four weeks —
 * with nothing stored. The goal texts are in the rep's language: the plan is written to them.
 */
export async function draftPlan(deps: AppDeps, actor: Person, input: { rep: Person; period?: string | undefined }): Promise<PlanDraft> {
  await requireInterviewer(deps, actor, input.rep);
  const { period, result } = await reviewedQuarter(deps, input.rep, input.period);
  const target = nextPeriod(period);
  const goals = prefillGoals(result.scorecard, { locale: input.rep.locale, currency: deps.settings.baseCurrency });
  return { rep: input.rep, period, target, goals, checkIns: checkInDates(target, today(deps)) };
}

/** The refusal when there is nothing to prefill and no goal was written. */
export const noGoalsToPrefill = (d: PlanDraft): AppError =>
  new AppError('VALIDATION', `${d.rep.name} lost no points in ${d.period.key}`, { params: { messageId: 'interview.error.noGoals', name: d.rep.name, period: d.period.key } });
