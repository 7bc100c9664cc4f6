import type { ScorecardReport } from '../domain/read-models/scorecard-report.js';
import type { CycleCalendar } from '../domain/cycle-calendar.js';
import type { ReviewCycle } from '../domain/model/cycle.js';
import type { Locale } from '../domain/model/fields.js';
import type { Scorecard } from '../domain/model/scorecard.js';
import type { GuidelineWarning } from '../domain/scoring/guideline.js';
import { aside, fmtDelta, fmtMoney, fmtMoneyExact, fmtNumber, fmtPercent, fmtScore, fmtWeight, listOf } from './format.js';
import { t } from './i18n.js';
import { fmtIndicatorValue, scorecardView, type ViewContext } from './scorecard-view.js';
import { fullScorecardLabel, movedText } from './summary-views.js';
import type { Block, View } from './view.js';

/** The review cycle's answers and the publication's messages, as platform-neutral views. */

export type GradeCounts = readonly { grade: string; count: number }[];

const gradeList = (counts: GradeCounts): string => counts.map((g) => `${g.grade} ${g.count}`).join(' · ');
const multiplier = (locale: Locale, m: number): string => fmtNumber(locale, m, 2);

export const stateName = (locale: Locale, cycle: Pick<ReviewCycle, 'state'>): string => t(locale, `cycle.state.${cycle.state}`);

export function cycleStatusView(locale: Locale, s: { periodKey: string; cycle: ReviewCycle | null; graded: number; noData: number; calendar?: CycleCalendar | null }): View {
  const title = t(locale, 'cycle.status.title', { period: s.periodKey });
  const counts = [
    { label: t(locale, 'cycle.status.graded'), value: String(s.graded) },
    { label: t(locale, 'cycle.status.noData'), value: String(s.noData) },
  ];
  if (!s.cycle) return { title, blocks: [{ type: 'header', text: title }, { type: 'text', text: t(locale, 'cycle.status.none', { period: s.periodKey }) }, { type: 'fields', fields: counts }] };
  const c = s.cycle;
  return {
    title,
    blocks: [
      { type: 'header', text: title },
      {
        type: 'fields',
        fields: [
          { label: t(locale, 'cycle.status.state'), value: stateName(locale, c) },
          { label: t(locale, 'cycle.status.close'), value: c.entryCloseDate ?? t(locale, 'cycle.status.closeNone') },
          ...daysLeftFields(locale, s.calendar),
          { label: t(locale, 'cycle.status.template'), value: `${c.templateId} v${c.templateVersion}` },
          ...counts,
        ],
      },
    ],
  };
}

/** While reps may still log for the period: how many days, and from when the cycle may move on. */
function daysLeftFields(locale: Locale, cal: CycleCalendar | null | undefined): { label: string; value: string }[] {
  if (!cal || cal.daysLeft === 0) return [];
  return [{ label: t(locale, 'cycle.status.daysLeft'), value: t(locale, 'cycle.status.daysLeftValue', { days: cal.daysLeft, lastDay: cal.lastEntryDay, openFrom: cal.openFrom }) }];
}

export interface PreviewData {
  periodKey: string;
  gradeCounts: GradeCounts;
  graded: number;
  noData: number;
  averageMultiplier: number;
  aboveOne: number;
  belowOne: number;
  penalisedNames: string[];
  /** Σ base bonus × multiplier; null without a base bonus. */
  totalBonus: number | null;
  baseBonus: number | null;
  approvedAwards: { name: string; title: string }[];
  pendingAwards: { name: string; title: string }[];
  warnings: readonly GuidelineWarning[];
  /** Managers' adjustment proposals HR has not decided (absent: none). */
  pendingAdjustments?: readonly { name: string; delta: number; by: string }[];
  /** Leave in the period still waiting for approval (absent: none). */
  pendingLeave?: readonly { name: string; from: string; to: string }[];
  /** How long reps may still log: before that, no Publish button, only the command with a reason. */
  calendar?: CycleCalendar | undefined;
}

export const PUBLISH_CONFIRM = 'decide:publish.confirm';

const awardList = (awards: readonly { name: string; title: string }[]): string => awards.map((a) => `${a.name}: ${a.title}`).join('\n');

/**
 * The confirmation of `/publish-results`: what will happen (grades, bonus effect, penalties,
 * awards, guideline warnings), a Publish button that asks once more, and the typed command.
 */
export function publicationPreviewView(ctx: ViewContext, p: PreviewData): View {
  const { locale } = ctx;
  const title = t(locale, 'publish.preview.title', { period: p.periodKey });
  const blocks: Block[] = [
    { type: 'header', text: title },
    { type: 'text', text: t(locale, 'publish.preview.grades', { list: gradeList(p.gradeCounts), graded: p.graded, noData: p.noData }) },
    { type: 'text', text: t(locale, 'publish.preview.bonus', { average: multiplier(locale, p.averageMultiplier), up: p.aboveOne, down: p.belowOne }) },
  ];
  if (p.totalBonus !== null && p.baseBonus !== null) {
    blocks.push({ type: 'text', text: t(locale, 'publish.preview.bonusAmount', { total: fmtMoneyExact(locale, p.totalBonus, ctx.currency), base: fmtMoneyExact(locale, p.baseBonus, ctx.currency) }) });
  }
  blocks.push({ type: 'text', text: p.penalisedNames.length > 0 ? t(locale, 'publish.preview.penalty', { names: listOf(locale, p.penalisedNames) }) : t(locale, 'publish.preview.noPenalty') });
  blocks.push({ type: 'text', text: p.approvedAwards.length > 0 ? t(locale, 'publish.preview.awards', { list: awardList(p.approvedAwards) }) : t(locale, 'publish.preview.noAwards') });
  if (p.pendingAwards.length > 0) blocks.push({ type: 'text', text: t(locale, 'publish.preview.pendingAwards', { list: awardList(p.pendingAwards) }) });
  // Undecided proposals and leave change no score once published: HR should decide them first.
  if (p.pendingAdjustments?.length) {
    const list = p.pendingAdjustments.map((x) => t(locale, 'fairness.publish.pendingAdjustment', { name: x.name, delta: fmtDelta(locale, x.delta), by: x.by })).join('\n');
    blocks.push({ type: 'text', text: t(locale, 'fairness.publish.pendingAdjustments', { list }) });
  }
  if (p.pendingLeave?.length) {
    const list = p.pendingLeave.map((x) => t(locale, 'fairness.publish.pendingLeaveItem', { name: x.name, from: x.from, to: x.to })).join('\n');
    blocks.push({ type: 'text', text: t(locale, 'fairness.publish.pendingLeave', { list }) });
  }
  for (const w of p.warnings) {
    blocks.push({ type: 'text', text: t(locale, 'publish.preview.guideline', { grade: w.grade, count: w.count, share: fmtNumber(locale, w.share, 1), max: fmtNumber(locale, w.max, 1) }) });
  }
  if (p.calendar && p.calendar.daysLeft > 0) {
    // A button cannot carry a reason, and publishing now needs one: the command is the only way.
    const command = t(locale, 'publish.preview.earlyCommand', { period: p.periodKey });
    const c = p.calendar;
    blocks.push({ type: 'text', text: t(locale, 'publish.preview.early', { period: p.periodKey, lastDay: c.lastEntryDay, days: c.daysLeft, openFrom: c.openFrom, command }) });
    return { title, blocks };
  }
  blocks.push({
    type: 'actions',
    buttons: [
      {
        id: PUBLISH_CONFIRM,
        label: t(locale, 'publish.preview.button'),
        value: p.periodKey,
        style: 'primary',
        confirm: {
          title: t(locale, 'publish.preview.confirmTitle', { period: p.periodKey }),
          text: t(locale, 'publish.preview.confirmText', { graded: p.graded }),
          confirm: t(locale, 'publish.preview.button'),
          deny: t(locale, 'publish.preview.deny'),
        },
      },
    ],
  });
  blocks.push({ type: 'context', text: t(locale, 'publish.preview.confirm', { command: `/publish-results ${p.periodKey} confirm` }) });
  return { title, blocks };
}

export interface ChannelSummary {
  periodKey: string;
  gradeCounts: GradeCounts;
  graded: number;
  awards: readonly { name: string; title: string }[];
  /** The top performers the policy and the ranking privacy allow (empty: none named); total null when scores are private. */
  top: readonly { name: string; grade: string; total: number | null }[];
}

/** The channel post: the grade distribution, the special awards, and the top performers only when enabled. */
export function channelSummaryView(locale: Locale, s: ChannelSummary): View {
  const title = t(locale, 'publish.channel.title', { period: s.periodKey });
  const blocks: Block[] = [{ type: 'header', text: title }, { type: 'text', text: t(locale, 'publish.channel.body', { graded: s.graded, list: gradeList(s.gradeCounts) }) }];
  if (s.awards.length > 0) blocks.push({ type: 'text', text: t(locale, 'publish.channel.awards', { list: awardList(s.awards) }) });
  if (s.top.length > 0) {
    const lines = s.top.map((r, i) => `${i + 1}. ${r.name} · ${r.grade}${r.total === null ? '' : ` · ${fmtScore(locale, r.total)}`}`);
    blocks.push({ type: 'text', text: t(locale, 'publish.channel.top', { list: lines.join('\n') }) });
  }
  return { title, blocks };
}

export interface RepResultExtras {
  bonusAmount: number | null;
  awards: readonly string[];
  /** The last day to appeal (company time). */
  appealUntil: string;
  /** An annual result: the published quarters it is the weighted mean of. */
  annual?: readonly { periodKey: string; total: number | null; weight: number }[] | undefined;
}

/**
 * A rep's own result, summary first: grade, total and bonus, what moved the total most, what
 * happens next and how to appeal until when; then, folded, the comparison with the team and their
 * own history and the full scorecard with its trend.
 */
export function repResultView(ctx: ViewContext, report: ScorecardReport, x: RepResultExtras): View {
  const { locale } = ctx;
  const card = report.card;
  const title = t(locale, 'publish.dm.title', { period: report.period.key });
  const summary = t(locale, 'publish.dm.summary', { grade: card.grade, total: fmtScore(locale, card.total), multiplier: multiplier(locale, card.bonusMultiplier) });
  const lead = [summary];
  if (x.bonusAmount !== null) lead.push(t(locale, 'publish.dm.bonusAmount', { amount: fmtMoneyExact(locale, x.bonusAmount, ctx.currency) }));
  for (const award of x.awards) lead.push(t(locale, 'publish.dm.award', { title: award }));
  if (card.penalty) lead.push(t(locale, 'publish.dm.penalty'));
  lead.push(movedText(ctx, card));
  const blocks: Block[] = [
    { type: 'header', text: title },
    { type: 'text', text: lead.join('\n') },
    { type: 'text', text: t(locale, card.penalty ? 'summary.next.penalty' : 'summary.next.result') },
    { type: 'context', text: t(locale, 'publish.dm.appeal', { date: x.appealUntil, period: report.period.key }) },
  ];
  const detail: Block[] = [];
  if (x.annual) {
    const parts = x.annual.map((q) => (q.total === null ? `${q.periodKey} —` : `${q.periodKey} ${fmtScore(locale, q.total)} × ${fmtNumber(locale, q.weight, 1)}%`));
    detail.push({ type: 'text', text: t(locale, 'publish.dm.annual', { list: parts.join(' · ') }) });
  }
  const c = report.comparison;
  // The exact average only where the viewer may learn it; else a band, or nothing in a small team.
  if (c.teamAverage !== null) detail.push({ type: 'text', text: t(locale, 'publish.dm.team', { average: fmtScore(locale, c.teamAverage), delta: fmtDelta(locale, c.vsTeam) }) });
  else if (c.teamBand) detail.push({ type: 'text', text: t(locale, `publish.dm.teamBand.${c.teamBand}`) });
  const history = report.history.filter((h) => h.total !== null).map((h) => aside(locale, `${h.periodKey} ${fmtScore(locale, h.total)}`, h.grade));
  detail.push({ type: 'text', text: history.length > 0 ? t(locale, 'publish.dm.history', { list: history.join(' · '), delta: fmtDelta(locale, c.vsPrevious) }) : t(locale, 'publish.dm.noHistory') });
  detail.push(...scorecardView(ctx, report).blocks);
  blocks.push({ type: 'details', summary: fullScorecardLabel(locale), blocks: detail });
  return { title: `${title}: ${summary}`, blocks };
}

/** A manager's team results, with the feedback interviews to hold. */
export function teamResultsView(ctx: ViewContext, periodKey: string, rows: readonly { name: string; card: Scorecard; bonusAmount: number | null }[]): View {
  const { locale } = ctx;
  const title = t(locale, 'publish.team.title', { period: periodKey });
  const amounts = rows.some((r) => r.bonusAmount !== null);
  return {
    title,
    blocks: [
      { type: 'header', text: title },
      {
        type: 'table',
        columns: [
          { label: t(locale, 'publish.team.col.rep') },
          { label: t(locale, 'publish.team.col.total'), align: 'right' },
          { label: t(locale, 'publish.team.col.grade') },
          { label: t(locale, 'publish.team.col.bonus'), align: 'right' },
          ...(amounts ? [{ label: t(locale, 'publish.team.col.amount'), align: 'right' as const }] : []),
        ],
        rows: rows.map((r) => [
          r.card.penalty ? aside(locale, r.name, t(locale, 'publish.team.penalty')) : r.name,
          fmtScore(locale, r.card.total),
          r.card.grade,
          `×${multiplier(locale, r.card.bonusMultiplier)}`,
          ...(amounts ? [fmtMoneyExact(locale, r.bonusAmount, ctx.currency)] : []),
        ]),
      },
      { type: 'text', text: t(locale, 'publish.team.interviews', { list: rows.map((r) => `/interview @${r.name}`).join('\n') }) },
    ],
  };
}

const WEAKEST = 3;
const lost = (l: Scorecard['indicators'][number]): number => (100 - Math.min(100, l.score ?? 0)) * l.effectiveWeight;

/** The penalty flags for HR, each with its evidence: the rep's weakest weighted indicators, actual against target. */
export function penaltyFlagView(ctx: ViewContext, periodKey: string, reps: readonly { name: string; card: Scorecard }[]): View {
  const { locale } = ctx;
  const title = t(locale, 'publish.penalty.title', { period: periodKey });
  const blocks: Block[] = [{ type: 'header', text: title }, { type: 'text', text: t(locale, 'publish.penalty.body') }];
  for (const r of reps) {
    const weakest = r.card.indicators
      .filter((l) => l.applied !== 'excluded' && l.score !== null)
      // Weakest by the points lost against a full score: a weighty indicator missed matters most.
      .sort((a, b) => lost(b) - lost(a))
      .slice(0, WEAKEST)
      .map((l) =>
        t(locale, 'publish.penalty.line', {
          indicator: t(locale, `indicator.${l.key}`),
          actual: fmtIndicatorValue(ctx, l.key, l.actual),
          target: fmtIndicatorValue(ctx, l.key, l.target),
          score: fmtScore(locale, l.score),
          weight: fmtWeight(locale, l.effectiveWeight / 100),
        }),
      );
    blocks.push({ type: 'text', text: `${t(locale, 'publish.penalty.rep', { name: r.name, grade: r.card.grade, total: fmtScore(locale, r.card.total) })}\n${weakest.join('\n')}` });
  }
  return { title, blocks };
}
