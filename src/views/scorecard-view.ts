import type { ScorecardReport } from '../domain/read-models/scorecard-report.js';
import type { Locale } from '../domain/model/fields.js';
import { INDICATORS, type IndicatorKey } from '../domain/model/indicators.js';
import type { IndicatorLine } from '../domain/model/scorecard.js';
import { MIN_FORECAST_PERIODS } from '../domain/scoring/forecast.js';
import { aside, fmtDelta, fmtNumber, fmtPercent, fmtScore, fmtWeight } from './format.js';
import { storedText } from './labels.js';
import { t } from './i18n.js';
import { fmtIndicatorValue, indicatorName, moreOf, type ViewContext } from './indicator-values.js';
import { explainLine, type TableRow } from './scorecard-explain.js';
import type { Block, View } from './view.js';

export { fmtIndicatorValue, moreOf, type ViewContext } from './indicator-values.js';
export { describeScoring, explainLine } from './scorecard-explain.js';

/**
 * Texts a round repeats on every card (the same row labels, the same template's name), remembered
 * per locale: a 5,000-rep round asks for each ~5,000 times.
 */
// Per locale, category and indicator: no "category|key" string is built per row (issue 16 profile).
const rowLabels: Record<Locale, Map<IndicatorLine['category'], Map<IndicatorKey, string>>> = { en: new Map(), 'zh-CN': new Map() };
function rowLabel(locale: Locale, category: IndicatorLine['category'], key: IndicatorKey): string {
  let byKey = rowLabels[locale].get(category);
  if (byKey === undefined) {
    byKey = new Map();
    rowLabels[locale].set(category, byKey);
  }
  let label = byKey.get(key);
  if (label === undefined) {
    label = `${t(locale, `category.${category}`)} · ${indicatorName(locale, key)}`;
    byKey.set(key, label);
  }
  return label;
}
const templateNames: Record<Locale, Map<string, string>> = { en: new Map(), 'zh-CN': new Map() };
function templateName(locale: Locale, templateId: string): string {
  let name = templateNames[locale].get(templateId);
  if (name === undefined) {
    name = storedText(locale, templateId);
    if (templateNames[locale].size >= 1000) templateNames[locale].clear();
    templateNames[locale].set(templateId, name);
  }
  return name;
}

/** While the period runs: each additive indicator's pace, the projected total, and what reaches the next grade. */
export function pacingBlocks(ctx: ViewContext, report: Pick<ScorecardReport, 'pacing'>, opts: { projected?: boolean } = {}): Block[] {
  const p = report.pacing;
  if (!p) return [];
  const { locale } = ctx;
  // One loop rather than filter + map (issue 16); joined, so the text is one flat string (see t()).
  const lines: string[] = [];
  for (const i of p.indicators) {
    const info = INDICATORS[i.key];
    if (!info.additive || i.target === null) continue;
    lines.push(t(locale, 'pacing.line', {
      indicator: indicatorName(locale, i.key),
      actual: fmtIndicatorValue(ctx, i.key, i.actual),
      // A projected count is what the pace reaches in whole units: 1.6 new customers is 1, not 2.
      projected: fmtIndicatorValue(ctx, i.key, i.projected !== null && info.measure === 'count' ? Math.floor(i.projected + 1e-9) : i.projected),
      target: fmtIndicatorValue(ctx, i.key, i.target),
    }));
  }
  const blocks: Block[] = [
    { type: 'header', text: t(locale, 'pacing.title', { elapsed: fmtPercent(locale, p.elapsed) }) },
    { type: 'text', text: lines.join('\n') },
  ];
  // The scorecard leads with the projection already; other views (home, nudges) say it here.
  if (opts.projected !== false) blocks.push({ type: 'text', text: t(locale, 'pacing.projected', { total: fmtScore(locale, p.projected.total), grade: p.projected.grade || '—' }) });
  if (!p.nextGrade) {
    if (!p.projected.noData) blocks.push({ type: 'text', text: t(locale, 'pacing.top') });
  } else if (p.nextGrade.options.length === 0) {
    blocks.push({ type: 'text', text: t(locale, 'pacing.nextNone', { grade: p.nextGrade.grade }) });
  } else {
    const options: string[] = [];
    for (const o of p.nextGrade.options) options.push(moreOf(ctx, o.indicator, o.more));
    blocks.push({ type: 'text', text: t(locale, 'pacing.next', { grade: p.nextGrade.grade, options: options.join(t(locale, 'pacing.or')) }) });
  }
  return blocks;
}

type Field = { label: string; value: string };

/**
 * The team comparison as the viewer may see it: the exact average and delta, only a band (above /
 * around / below) when the exact figures would reveal teammates' scores, or nothing at all.
 */
function pushTeamComparison(fields: Field[], locale: Locale, c: ScorecardReport['comparison']): void {
  if (c.teamAverage !== null) fields.push({ label: t(locale, 'compare.team', { average: fmtScore(locale, c.teamAverage) }), value: fmtDelta(locale, c.vsTeam) });
  else if (c.teamBand) fields.push({ label: t(locale, 'compare.teamBand'), value: t(locale, `compare.band.${c.teamBand}`) });
}

/**
 * The headline figures. A final card: total, grade, bonus tier. A provisional one (the period still
 * runs): the projection at the current pace first, then the total so far, and no bonus tier.
 */
function headlineFields(ctx: ViewContext, report: ScorecardReport): Field[] {
  const { locale } = ctx;
  const { card } = report;
  const total = card.noData ? '—' : fmtScore(locale, card.total);
  const projected = report.provisional ? report.pacing?.projected : undefined;
  const fields: Field[] = projected
    ? [
        { label: t(locale, 'scorecard.projectedTotal'), value: projected.noData ? '—' : fmtScore(locale, projected.total) },
        { label: t(locale, 'scorecard.projectedGrade'), value: projected.grade || '—' },
        { label: t(locale, 'scorecard.soFar'), value: total },
      ]
    : [
        { label: t(locale, 'scorecard.total'), value: total },
        { label: t(locale, 'scorecard.grade'), value: card.grade || '—' },
        { label: t(locale, 'scorecard.bonus'), value: card.noData ? '—' : `×${fmtNumber(locale, card.bonusMultiplier, 2)}` },
      ];
  pushTeamComparison(fields, locale, report.comparison);
  fields.push({ label: t(locale, 'compare.previous', { previous: fmtScore(locale, report.comparison.previousTotal) }), value: fmtDelta(locale, report.comparison.vsPrevious) });
  return fields;
}

/**
 * The trend: past periods (those before the rep's first total left out: they are not "missing"),
 * this period once it is over, and the forecast with its method and range, or why there is none.
 */
export function trendBlocks(ctx: ViewContext, report: ScorecardReport): Block[] {
  const { locale } = ctx;
  const { card } = report;
  const trend: string[] = [];
  let started = false;
  for (const h of report.history) {
    started ||= h.total !== null;
    // The grade in the reader's brackets: "85.8 (B)", "85.8（B）".
    if (started) trend.push(h.grade ? aside(locale, `${h.periodKey} ${fmtScore(locale, h.total)}`, h.grade) : `${h.periodKey} ${fmtScore(locale, h.total)}`);
  }
  if (!report.pacing && !card.noData) trend.push(aside(locale, `${report.period.key} ${fmtScore(locale, card.total)}`, card.grade));
  const blocks: Block[] = [{ type: 'header', text: t(locale, 'trend.title') }];
  if (trend.length > 0) blocks.push({ type: 'text', text: trend.join(' → ') });
  const f = report.forecast;
  blocks.push({
    type: 'text',
    text: f
      ? t(locale, 'trend.forecast', { period: f.periodKey, value: fmtScore(locale, f.value), low: fmtScore(locale, f.low), high: fmtScore(locale, f.high), count: f.basis })
      : t(locale, 'trend.noForecast', { min: MIN_FORECAST_PERIODS }),
  });
  return blocks;
}

/**
 * The full explained scorecard: every number with its inputs, formula, weight and contribution.
 * One pass over the indicator lines makes the table's row and the explanation's line together,
 * the explanation reusing the figures the row formatted (issue 16: each was formatted twice).
 */
export function scorecardView(ctx: ViewContext, report: ScorecardReport): View {
  const { locale } = ctx;
  const { card } = report;
  const title = t(locale, 'scorecard.title', { name: report.rep.name, period: report.period.key });
  const rows: string[][] = [];
  const explanation = [t(locale, 'scorecard.explain')];
  for (const l of card.indicators) {
    const excluded = l.applied === 'excluded';
    const row: TableRow = {
      actual: fmtIndicatorValue(ctx, l.key, l.actual),
      target: fmtIndicatorValue(ctx, l.key, l.target),
      score: excluded ? '—' : fmtScore(locale, l.score),
      weight: excluded ? '—' : fmtWeight(locale, l.effectiveWeight / 100),
      points: excluded ? '—' : fmtScore(locale, l.contribution),
    };
    rows.push([rowLabel(locale, l.category, l.key), row.actual, row.target, row.score, row.weight, row.points]);
    explanation.push(explainLine(ctx, l, report.period.days, row));
  }
  const blocks: Block[] = [{ type: 'header', text: title }, { type: 'fields', fields: headlineFields(ctx, report) }];
  if (card.noData) blocks.push({ type: 'text', text: t(locale, 'scorecard.noData') });
  if (report.provisional) {
    // Nothing is decided mid-quarter: the grade is a projection, and nobody is flagged on it.
    blocks.push({ type: 'context', text: t(locale, 'scorecard.provisional', { period: report.period.key, end: report.period.to }) });
    for (const b of pacingBlocks(ctx, report, { projected: false })) blocks.push(b);
  } else if (card.penalty) {
    blocks.push({ type: 'text', text: t(locale, 'scorecard.penalty') });
  }
  blocks.push({
    type: 'table',
    columns: [
      { label: t(locale, 'scorecard.col.indicator') },
      { label: t(locale, 'scorecard.col.actual'), align: 'right' },
      { label: t(locale, 'scorecard.col.target'), align: 'right' },
      { label: t(locale, 'scorecard.col.score'), align: 'right' },
      { label: t(locale, 'scorecard.col.weight'), align: 'right' },
      { label: t(locale, 'scorecard.col.points'), align: 'right' },
    ],
    rows,
  });
  for (const a of card.adjustments) {
    blocks.push({ type: 'text', text: t(locale, 'scorecard.adjustment', { delta: fmtDelta(locale, a.delta), reason: a.reason }) });
  }
  // Joined: one flat string rather than a tree of pieces kept alive with the view (see t()).
  blocks.push({ type: 'context', text: explanation.join('\n') });
  const sources = report.feedbackSources;
  if (sources && sources.rep + sources.customer > 0) blocks.push({ type: 'context', text: t(locale, 'fairness.scorecard.feedbackSources', sources) });
  // Approved leave prorates targets; leave waiting for approval is shown as such and changes nothing.
  if (report.leave && (report.leave.approvedDays > 0 || report.leave.pendingDays > 0)) {
    const pending = report.leave.pendingDays > 0 ? t(locale, 'fairness.scorecard.leavePending', { days: report.leave.pendingDays }) : '';
    blocks.push({ type: 'context', text: t(locale, 'fairness.scorecard.leave', { approved: report.leave.approvedDays, pending }) });
  }
  for (const b of trendBlocks(ctx, report)) blocks.push(b);
  blocks.push({ type: 'context', text: t(locale, 'scorecard.template', { template: templateName(locale, card.templateId), version: card.templateVersion }) });
  return { title, blocks };
}
