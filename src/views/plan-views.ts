import type { ImprovementPlan, PlanGoal } from '../domain/model/cycle.js';
import type { Locale } from '../domain/model/fields.js';
import { INDICATORS, type IndicatorKey } from '../domain/model/indicators.js';
import { fmtCount, fmtRating, listOf } from './format.js';
import { t, tn, type MessageKey } from './i18n.js';
import { fmtIndicatorValue } from './scorecard-view.js';
import type { Block, View } from './view.js';

/** Improvement plans: goal texts, the plan sent to the rep, its progress on a scorecard and at check-ins. */

export interface PlanCtx {
  locale: Locale;
  currency: string;
}

/** A goal's value as the indicator is measured: money as written, a whole percentage, a rating, a whole count. */
export function goalValue(ctx: PlanCtx, indicator: IndicatorKey, x: number | null): string {
  return fmtIndicatorValue(ctx, indicator, x);
}

export interface GoalWhen {
  /** The period the baseline was measured in (the one reviewed). */
  periodKey: string;
  /** The halfway milestone of the plan's quarter, for goals that add up through it. */
  mid: string;
}

/**
 * A goal as an action with a measure and a date, in whole numbers: "Make 36 client visits (18 by
 * 2027-02-14; 15 in 2026-Q3)", "Win 2 new customers (1 by …)", "Collect 100% of the amounts that
 * fall due (61% in 2026-Q3)" — what to do, not the gap restated.
 */
export function goalText(ctx: PlanCtx, goal: { indicator: IndicatorKey; baseline: number; target: number }, when: GoalWhen): string {
  const l = ctx.locale;
  const key = goal.indicator;
  const info = INDICATORS[key];
  const baseline = goalValue(ctx, key, goal.baseline);
  const target = goalValue(ctx, key, goal.target);
  if (info.additive && info.measure === 'count') {
    const n = Math.ceil(goal.target - 1e-9);
    const half = Math.ceil(n / 2);
    return t(l, 'plan.action.additive', {
      verb: t(l, `plan.verb.${key}` as MessageKey),
      target: `${fmtCount(l, n)} ${tn(l, `noun.${key}`, n)}`,
      half: fmtCount(l, half),
      mid: when.mid,
      baseline,
      period: when.periodKey,
    });
  }
  if (info.additive) {
    return t(l, 'plan.action.additive', { verb: t(l, `plan.verb.${key}` as MessageKey), target, half: goalValue(ctx, key, goal.target / 2), mid: when.mid, baseline, period: when.periodKey });
  }
  if (info.measure === 'rating') return t(l, 'plan.action.rating', { indicator: t(l, `indicator.${key}`), target: fmtRating(l, goal.target), baseline: fmtRating(l, goal.baseline), period: when.periodKey });
  return t(l, key === 'coverage' ? 'plan.action.coverage' : 'plan.action.collection_rate', { target, baseline, period: when.periodKey });
}

const goalLines = (locale: Locale, goals: readonly PlanGoal[]): string => goals.map((g) => `• ${t(locale, 'plan.goal.line', { text: g.text, due: g.dueDate })}`).join('\n');

export interface PlanViewModel {
  repName: string;
  plan: Pick<ImprovementPlan, 'id' | 'periodKey' | 'targetPeriodKey' | 'goals' | 'checkIns' | 'acknowledgedAt'>;
  notes?: string;
  repView?: string;
  /** Offer the Acknowledge button (the rep's own DM, not yet acknowledged). */
  ackButton: boolean;
}

/** The plan as the rep receives it (with the Acknowledge button) and as a click leaves it. */
export function planView(locale: Locale, m: PlanViewModel): View {
  const title = t(locale, 'plan.title', { name: m.repName, period: m.plan.targetPeriodKey });
  const blocks: Block[] = [
    { type: 'header', text: title },
    { type: 'context', text: t(locale, 'plan.reviewed', { period: m.plan.periodKey, target: m.plan.targetPeriodKey }) },
    { type: 'text', text: goalLines(locale, m.plan.goals) },
  ];
  if (m.plan.checkIns.length) blocks.push({ type: 'context', text: t(locale, 'plan.checkIns', { dates: listOf(locale, m.plan.checkIns.map((c) => c.date)) }) });
  if (m.notes) blocks.push({ type: 'text', text: t(locale, 'plan.notes', { notes: m.notes }) });
  if (m.repView) blocks.push({ type: 'text', text: t(locale, 'plan.repView', { view: m.repView }) });
  if (m.plan.acknowledgedAt) blocks.push({ type: 'context', text: t(locale, 'plan.acknowledged', { date: m.plan.acknowledgedAt.slice(0, 10) }) });
  else if (m.ackButton) {
    blocks.push({ type: 'context', text: t(locale, 'plan.ackHint') });
    blocks.push({ type: 'actions', buttons: [{ id: 'decide:plan.ack', label: t(locale, 'plan.ack'), value: m.plan.id, style: 'primary' }] });
  }
  return { title, blocks };
}

/** `/interview plan @rep`: the goals a log would prefill, nothing stored. */
export function planPreviewView(locale: Locale, m: { repName: string; periodKey: string; targetPeriodKey: string; goals: readonly PlanGoal[]; checkIns: readonly string[] }): View {
  const title = t(locale, 'plan.previewTitle', { name: m.repName, period: m.periodKey, target: m.targetPeriodKey });
  const blocks: Block[] = [{ type: 'header', text: title }, { type: 'text', text: goalLines(locale, m.goals) }];
  if (m.checkIns.length) blocks.push({ type: 'context', text: t(locale, 'plan.checkIns', { dates: listOf(locale, m.checkIns) }) });
  blocks.push({ type: 'context', text: t(locale, 'plan.previewHint') });
  return { title, blocks };
}

export interface GoalProgress {
  goal: PlanGoal;
  /** The indicator's actual so far in the plan's period; null without an indicator or data. */
  current: number | null;
}

/** The goals with where the rep stands now: a table of goal, now, target, due date. */
export function planProgressBlocks(ctx: PlanCtx, periodKey: string, goals: readonly GoalProgress[]): Block[] {
  const l = ctx.locale;
  const value = (g: PlanGoal, x: number | null | undefined) => (g.indicator && x !== undefined ? goalValue(ctx, g.indicator, x) : '—');
  return [
    { type: 'divider' },
    { type: 'header', text: t(l, 'plan.progress.title', { period: periodKey }) },
    {
      type: 'table',
      columns: [{ label: t(l, 'plan.progress.goal') }, { label: t(l, 'plan.progress.now'), align: 'right' }, { label: t(l, 'plan.progress.target'), align: 'right' }, { label: t(l, 'plan.progress.due') }],
      rows: goals.map(({ goal, current }) => [goal.text, goal.indicator ? value(goal, current) : '—', value(goal, goal.target), goal.dueDate]),
    },
  ];
}

/** A check-in reminder to the manager or the rep: the goals and the progress so far. */
export function checkInView(ctx: PlanCtx, m: { repName: string; periodKey: string; goals: readonly GoalProgress[] }): View {
  const title = t(ctx.locale, 'plan.checkIn.title', { rep: m.repName });
  return { title, blocks: [{ type: 'text', text: t(ctx.locale, 'plan.checkIn.text', { rep: m.repName, period: m.periodKey }) }, ...planProgressBlocks(ctx, m.periodKey, m.goals)] };
}
