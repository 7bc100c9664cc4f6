import type { ImprovementPlan, PlanGoal } from '../domain/model/cycle.js';
import type { Locale } from '../domain/model/fields.js';
import { INDICATORS, type IndicatorKey } from '../domain/model/indicators.js';
import { fmtMoney, fmtNumber, fmtPercent } from './format.js';
import { t } from './i18n.js';
import type { Block, View } from './view.js';

/** Improvement plans: goal texts, the plan sent to the rep, its progress on a scorecard and at check-ins. */

export interface PlanCtx {
  locale: Locale;
  currency: string;
}

/** A goal's value as the indicator is measured: money, a share, a rating, a count. */
export function goalValue(ctx: PlanCtx, indicator: IndicatorKey, x: number | null): string {
  switch (INDICATORS[indicator].measure) {
    case 'amount':
      return fmtMoney(ctx.locale, x, ctx.currency);
    case 'ratio':
      return fmtPercent(ctx.locale, x);
    default:
      return fmtNumber(ctx.locale, x, 1);
  }
}

/** "Client visits 8 of 12: +4 next quarter", in the reader's language. */
export function goalText(ctx: PlanCtx, goal: { indicator: IndicatorKey; baseline: number; target: number }): string {
  const measure = INDICATORS[goal.indicator].measure;
  const params = {
    label: t(ctx.locale, `indicator.${goal.indicator}`),
    baseline: goalValue(ctx, goal.indicator, goal.baseline),
    target: goalValue(ctx, goal.indicator, goal.target),
  };
  if (measure === 'rating') return t(ctx.locale, 'plan.goal.rating', params);
  if (measure === 'ratio') return t(ctx.locale, 'plan.goal.percent', { ...params, gap: fmtNumber(ctx.locale, (goal.target - goal.baseline) * 100, 1) });
  return t(ctx.locale, 'plan.goal.count', { ...params, gap: goalValue(ctx, goal.indicator, goal.target - goal.baseline) });
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
  if (m.plan.checkIns.length) blocks.push({ type: 'context', text: t(locale, 'plan.checkIns', { dates: m.plan.checkIns.map((c) => c.date).join(', ') }) });
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
  if (m.checkIns.length) blocks.push({ type: 'context', text: t(locale, 'plan.checkIns', { dates: m.checkIns.join(', ') }) });
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
