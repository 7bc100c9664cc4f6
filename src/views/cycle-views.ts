import type { ScorecardReport } from '../application/get-scorecard.js';
import type { ReviewCycle } from '../domain/model/cycle.js';
import type { Locale } from '../domain/model/fields.js';
import type { Scorecard } from '../domain/model/scorecard.js';
import { fmtNumber, fmtScore } from './format.js';
import { t } from './i18n.js';
import { scorecardView, type ViewContext } from './scorecard-view.js';
import type { View } from './view.js';

/** The review cycle's answers and the publication's messages, as platform-neutral views. */

export type GradeCounts = readonly { grade: string; count: number }[];

const gradeList = (counts: GradeCounts): string => counts.map((g) => `${g.grade} ${g.count}`).join(' · ');
const multiplier = (locale: Locale, m: number): string => fmtNumber(locale, m, 2);

export const stateName = (locale: Locale, cycle: Pick<ReviewCycle, 'state'>): string => t(locale, `cycle.state.${cycle.state}`);

export function cycleStatusView(locale: Locale, s: { periodKey: string; cycle: ReviewCycle | null; graded: number; noData: number }): View {
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
          { label: t(locale, 'cycle.status.template'), value: `${c.templateId} v${c.templateVersion}` },
          ...counts,
        ],
      },
    ],
  };
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
}

/** The confirmation summary of the first `/publish-results`, ending with the exact command to confirm. */
export function publicationPreviewView(locale: Locale, p: PreviewData): View {
  const title = t(locale, 'publish.preview.title', { period: p.periodKey });
  return {
    title,
    blocks: [
      { type: 'header', text: title },
      { type: 'text', text: t(locale, 'publish.preview.grades', { list: gradeList(p.gradeCounts), graded: p.graded, noData: p.noData }) },
      { type: 'text', text: t(locale, 'publish.preview.bonus', { average: multiplier(locale, p.averageMultiplier), up: p.aboveOne, down: p.belowOne }) },
      { type: 'text', text: p.penalisedNames.length > 0 ? t(locale, 'publish.preview.penalty', { names: p.penalisedNames.join(', ') }) : t(locale, 'publish.preview.noPenalty') },
      { type: 'text', text: t(locale, 'publish.preview.confirm', { command: `/publish-results ${p.periodKey} confirm` }) },
    ],
  };
}

/** The channel post: grade distribution only, no individual scores. */
export function channelSummaryView(locale: Locale, s: { periodKey: string; gradeCounts: GradeCounts; graded: number }): View {
  const title = t(locale, 'publish.channel.title', { period: s.periodKey });
  return { title, blocks: [{ type: 'header', text: title }, { type: 'text', text: t(locale, 'publish.channel.body', { graded: s.graded, list: gradeList(s.gradeCounts) }) }] };
}

/** A rep's own result: the grade, the multiplier, the full scorecard, and how to appeal. */
export function repResultView(ctx: ViewContext, report: ScorecardReport): View {
  const { locale } = ctx;
  const card = report.card;
  const title = t(locale, 'publish.dm.title', { period: report.period.key });
  const summary = t(locale, 'publish.dm.summary', { grade: card.grade, total: fmtScore(locale, card.total), multiplier: multiplier(locale, card.bonusMultiplier) });
  return {
    title: `${title}: ${summary}`,
    blocks: [
      { type: 'header', text: title },
      { type: 'text', text: summary },
      ...(card.penalty ? [{ type: 'text' as const, text: t(locale, 'publish.dm.penalty') }] : []),
      ...scorecardView(ctx, report).blocks,
      { type: 'context', text: t(locale, 'publish.dm.appeal') },
    ],
  };
}

/** A manager's team results, with the interviews to hold. */
export function teamResultsView(locale: Locale, periodKey: string, rows: readonly { name: string; card: Scorecard }[]): View {
  const title = t(locale, 'publish.team.title', { period: periodKey });
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
        ],
        rows: rows.map((r) => [r.name, fmtScore(locale, r.card.total), r.card.grade, `×${multiplier(locale, r.card.bonusMultiplier)}`]),
      },
      { type: 'text', text: t(locale, 'publish.team.interviews') },
    ],
  };
}
