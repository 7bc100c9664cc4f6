import { isLocalDate } from '../../domain/dates.js';
import { AppError } from '../../domain/errors.js';
import type { ImprovementPlan, Interview, PlanGoal } from '../../domain/model/cycle.js';
import type { PlatformName } from '../../domain/model/delivery.js';
import type { Person } from '../../domain/model/people.js';
import { t } from '../../views/i18n.js';
import { planView } from '../../views/plan-views.js';
import { audit } from '../cycle/cycles.js';
import type { AppDeps } from '../deps.js';
import { enqueue } from '../delivery/enqueue.js';
import { today } from '../guards.js';
import { dmTargetOf } from '../jobs/recipients.js';
import { managerOf } from '../people/manager-of.js';
import { draftPlan, noGoalsToPrefill } from './draft-plan.js';

export const PLAN_JOB = 'interview-plan';

export interface LogInput {
  rep: Person;
  period?: string | undefined;
  notes: string;
  repView: string;
  /** Goals written by the manager; none: the prefilled ones. `due` defaults to the end of the plan's quarter. */
  goals: { text: string; due?: string | undefined; line: string }[];
  platforms: readonly PlatformName[];
}

const NOTES_MAX = 4000;
const GOAL_MAX = 500;

function tooLong(field: string, max: number): AppError {
  return new AppError('VALIDATION', `${field} is longer than ${max}`, { params: { messageId: 'interview.error.tooLong', field, max } });
}

function badGoal(line: string, problem: string): AppError {
  return new AppError('VALIDATION', `goal line "${line}": ${problem}`, { params: { messageId: 'interview.error.badGoal', line, problem } });
}

/** Written goals, checked: a text, and a real due date when one is given. */
function writtenGoals(input: LogInput, defaultDue: string, locale: Person['locale']): PlanGoal[] {
  return input.goals.map((g) => {
    if (!g.text.trim()) throw badGoal(g.line, t(locale, 'interview.error.goalEmpty'));
    if (g.text.length > GOAL_MAX) throw tooLong('goal', GOAL_MAX);
    if (g.due !== undefined && !isLocalDate(g.due)) throw badGoal(g.line, t(locale, 'interview.error.goalDate', { value: g.due }));
    return { text: g.text.trim(), dueDate: g.due ?? defaultDue };
  });
}

/**
 * `/interview log @rep [period]` (the rep's manager or HR): records the interview as held today
 * with the notes and the rep's view, and opens the improvement plan for the next quarter — the
 * goals written, or else the prefilled ones. The rep gets the plan by DM with an Acknowledge button.
 * An interview is logged once; everything is audited.
 */
export async function logInterview(deps: AppDeps, actor: Person, input: LogInput): Promise<{ interview: Interview; plan: ImprovementPlan }> {
  const draft = await draftPlan(deps, actor, input);
  const { rep, period, target } = draft;
  if (input.notes.length > NOTES_MAX) throw tooLong('notes', NOTES_MAX);
  if (input.repView.length > NOTES_MAX) throw tooLong('view', NOTES_MAX);
  const goals = input.goals.length ? writtenGoals(input, target.to, actor.locale) : draft.goals;
  if (goals.length === 0) throw noGoalsToPrefill(draft);
  const [existing] = await deps.store.interviews.find({ repId: rep.id, periodKey: period.key }, { limit: 1 });
  if (existing?.state === 'held') {
    throw new AppError('CONFLICT', `the ${period.key} interview with ${rep.name} was held`, { params: { messageId: 'interview.error.held', name: rep.name, period: period.key, date: existing.heldOn ?? '' } });
  }
  const stamp = deps.clock.now().toISOString();
  const managerId = existing?.managerId ?? (await managerOf(deps, rep))?.id ?? actor.id;
  const interview = await deps.store.interviews.put({
    ...(existing ?? { id: deps.newId(), periodKey: period.key, repId: rep.id, createdAt: stamp }),
    managerId,
    state: 'held',
    heldOn: today(deps),
    notes: input.notes.trim(),
    repView: input.repView.trim(),
    updatedAt: stamp,
  });
  const plan = (
    await deps.store.plans.insert({
      id: deps.newId(),
      periodKey: period.key,
      targetPeriodKey: target.key,
      repId: rep.id,
      managerId,
      interviewId: interview.id,
      goals,
      checkIns: draft.checkIns.map((date) => ({ date, note: '', done: false })),
      state: 'open',
      createdAt: stamp,
    })
  ).record;
  await audit(deps, actor, 'interview.held', interview.id, { periodKey: period.key, repId: rep.id, heldOn: interview.heldOn, reason: 'feedback interview logged' });
  await audit(deps, actor, 'plan.open', plan.id, {
    periodKey: period.key,
    targetPeriodKey: target.key,
    repId: rep.id,
    goals: goals.map((g) => ({ text: g.text, indicator: g.indicator, baseline: g.baseline, target: g.target, dueDate: g.dueDate })),
    reason: input.goals.length ? 'goals written in the interview' : 'goals prefilled from the weakest weighted indicators of the published result',
  });
  const to = dmTargetOf(rep, input.platforms);
  if (to) {
    const view = planView(rep.locale, { repName: rep.name, plan, notes: interview.notes, repView: interview.repView, ackButton: true });
    await enqueue(deps, [{ job: PLAN_JOB, runKey: plan.id, ...to, message: { text: view.title, view } }]);
  }
  return { interview, plan };
}
