import type { ScorecardReport } from '../domain/read-models/scorecard-report.js';
import type { Locale } from '../domain/model/fields.js';
import { INDICATORS, type ExplainValue, type IndicatorKey } from '../domain/model/indicators.js';
import type { IndicatorLine } from '../domain/model/scorecard.js';
import type { Scoring } from '../domain/model/template.js';
import { MIN_FORECAST_PERIODS } from '../domain/scoring/forecast.js';
import { fmtCount, fmtDelta, fmtMoney, fmtNumber, fmtPercent, fmtWeight, fmtRating, fmtScore } from './format.js';
import { storedText } from './labels.js';
import { isMessageKey, t, tn, type MessageKey } from './i18n.js';
import type { Block, View } from './view.js';

export interface ViewContext {
  locale: Locale;
  currency: string;
}

/**
 * An indicator's value in its own unit, by the kind of figure its descriptor says it is: money as
 * written ("¥1.5M"), a whole percentage, a rating with one decimal, a whole count (a prorated
 * target of 1.8 new customers reads "2": nobody wins 0.8 of a customer).
 */
export function fmtIndicatorValue(ctx: ViewContext, key: IndicatorKey, v: number | null): string {
  switch (INDICATORS[key].measure) {
    case 'amount':
      return fmtMoney(ctx.locale, v, ctx.currency);
    case 'ratio':
      return fmtPercent(ctx.locale, v);
    case 'rating':
      return v === null ? '—' : `${fmtRating(ctx.locale, v)} / 5`;
    case 'count':
      return fmtCount(ctx.locale, v);
  }
}

/** "3 more client visits" / "1 more new customer" (and "¥1.4M more revenue"): more of an indicator, in its unit. */
export function moreOf(ctx: ViewContext, key: IndicatorKey, more: number): string {
  const indicator = t(ctx.locale, `indicator.${key}`);
  // Mid-sentence the indicator reads as a noun ("¥1.2M more revenue"), not as its capitalised label.
  if (INDICATORS[key].measure === 'amount') return t(ctx.locale, 'pacing.more.amount', { amount: fmtMoney(ctx.locale, more, ctx.currency), indicator: isMessageKey(`noun.${key}`) ? t(ctx.locale, `noun.${key}` as MessageKey) : indicator });
  if (INDICATORS[key].measure === 'count') {
    const n = Math.round(more);
    return t(ctx.locale, 'pacing.more.count', { n: fmtCount(ctx.locale, n), noun: tn(ctx.locale, `noun.${key}`, n) });
  }
  return t(ctx.locale, 'pacing.more.value', { value: fmtIndicatorValue(ctx, key, more), indicator });
}

/**
 * Texts a round repeats on every card (the same template's formulas, the same row labels),
 * remembered per template object and locale: a 5,000-rep round asks for each ~5,000 times.
 */
const scoringTexts: Record<Locale, WeakMap<Scoring, string>> = { en: new WeakMap(), 'zh-CN': new WeakMap() };
const rowLabels: Record<Locale, Map<string, string>> = { en: new Map(), 'zh-CN': new Map() };
function rowLabel(locale: Locale, category: IndicatorLine['category'], key: IndicatorKey): string {
  const id = `${category}|${key}`;
  let label = rowLabels[locale].get(id);
  if (label === undefined) {
    label = `${t(locale, `category.${category}`)} · ${t(locale, `indicator.${key}`)}`;
    // Categories and indicators are a handful; the bound only guards against a template gone wild.
    if (rowLabels[locale].size >= 1000) rowLabels[locale].clear();
    rowLabels[locale].set(id, label);
  }
  return label;
}

export function describeScoring(locale: Locale, s: Scoring): string {
  let text = scoringTexts[locale].get(s);
  if (text === undefined) {
    text = scoringText(locale, s);
    scoringTexts[locale].set(s, text);
  }
  return text;
}

function scoringText(locale: Locale, s: Scoring): string {
  switch (s.type) {
    case 'ratio':
      return t(locale, 'scoring.ratio', { cap: fmtNumber(locale, s.cap * 100) });
    case 'inverse':
      return t(locale, 'scoring.inverse', { cap: fmtNumber(locale, s.cap * 100) });
    case 'rating':
      return t(locale, 'scoring.rating', { min: s.min, max: s.max });
    case 'threshold':
      return t(locale, 'scoring.threshold', { basis: t(locale, `scoring.threshold.${s.basis}`) });
  }
}

/** The inputs behind an actual: "¥0.8M collected of ¥1M due", "average of 6 ratings" (each indicator says which, see its descriptor). */
function describeInputs(ctx: ViewContext, line: IndicatorLine): string | null {
  const e = INDICATORS[line.key].explain?.(line.inputs);
  if (!e) return null;
  // "average of 1 ratings" reads wrong: the count picks its plural form.
  if (e.message === 'inputs.ratings' && typeof e.params.count === 'number') return tn(ctx.locale, 'ratings', e.params.count);
  const show = (v: ExplainValue): string | number =>
    typeof v === 'number' ? fmtNumber(ctx.locale, v) : 'money' in v ? fmtMoney(ctx.locale, v.money, ctx.currency) : fmtNumber(ctx.locale, v.decimal, 1);
  // The descriptors' message keys are checked against both catalogues by test/domain/indicators.test.ts.
  return t(ctx.locale, e.message as MessageKey, Object.fromEntries(Object.entries(e.params).map(([k, v]) => [k, show(v)])));
}

/** The arithmetic that turned the actual into the score, e.g. "48 ÷ 36 = 133.3% → capped at 120%". */
function describeArithmetic(ctx: ViewContext, line: IndicatorLine): string | null {
  const { locale } = ctx;
  if (line.score === null || line.applied !== null || line.actual === null) return null;
  // A ratio's arithmetic keeps the decimal its score has ("61.2% ÷ 100% = 61.2%", not "61% ÷ …").
  // So does a prorated count target: "1 ÷ 1.04 = 95.8%", where the table's whole "1" would not add up.
  const measure = INDICATORS[line.key].measure;
  const exact = (x: number | null) =>
    x !== null && measure === 'ratio' ? `${fmtNumber(locale, x * 100, 1)}%` : x !== null && measure === 'count' && !Number.isInteger(x) ? fmtNumber(locale, x, 2) : fmtIndicatorValue(ctx, line.key, x);
  const a = exact(line.actual);
  const tg = exact(line.target);
  switch (line.scoring.type) {
    case 'ratio':
      return `${a} ÷ ${tg} = ${fmtNumber(locale, (line.actual / line.target!) * 100, 1)}%${line.capped ? ` → ${t(locale, 'scorecard.capped')} ${fmtNumber(locale, line.scoring.cap * 100)}%` : ''}`;
    case 'inverse':
      return `${tg} ÷ ${a}${line.capped ? ` → ${t(locale, 'scorecard.capped')} ${fmtNumber(locale, line.scoring.cap * 100)}%` : ''}`;
    case 'rating':
      return `(${fmtRating(locale, line.actual)} − ${line.scoring.min}) ÷ (${line.scoring.max} − ${line.scoring.min}) × 100`;
    case 'threshold':
      return null;
  }
}

/**
 * One line per indicator: formula and arithmetic, inputs, target source and proration, what the
 * missing-data policy did, and the points it adds (score × weight).
 */
export function explainLine(ctx: ViewContext, line: IndicatorLine, periodDays?: number): string {
  const { locale } = ctx;
  const parts = [describeScoring(locale, line.scoring)];
  const arithmetic = describeArithmetic(ctx, line);
  if (arithmetic) parts.push(arithmetic);
  const inputs = describeInputs(ctx, line);
  if (inputs) parts.push(inputs);
  if (line.targetSource) parts.push(t(locale, `target.${line.targetSource}`));
  if (line.proration < 1 && line.targetSource && line.targetSource !== 'rep') {
    // Say what happened: a rep employed the whole period and on leave was not "employed part of it"
    // (the share employed is the proration plus the leave it took off).
    const share = fmtPercent(locale, line.proration);
    const leave = line.leaveDays ? tn(locale, 'days', line.leaveDays) : '';
    parts.push(
      !line.leaveDays
        ? t(locale, 'target.prorated', { share })
        : periodDays !== undefined && line.proration + line.leaveDays / periodDays < 1 - 1e-9
          ? t(locale, 'target.proratedLeave', { share, days: leave })
          : t(locale, 'target.proratedLeaveOnly', { share, days: leave }),
    );
  }
  if (line.missing && line.applied) {
    parts.push(t(locale, `missing.${line.missing}.${line.applied}`, { score: fmtScore(locale, line.score) }));
  }
  if (line.applied !== 'excluded') {
    parts.push(
      t(locale, 'scorecard.points', {
        score: fmtScore(locale, line.score),
        weight: fmtWeight(locale, line.effectiveWeight / 100),
        points: fmtScore(locale, line.contribution),
      }),
    );
  }
  return t(locale, 'scorecard.formula', { indicator: t(locale, `indicator.${line.key}`), formula: parts.join(t(locale, 'list.separator')) });
}

/** While the period runs: each additive indicator's pace, the projected total, and what reaches the next grade. */
export function pacingBlocks(ctx: ViewContext, report: Pick<ScorecardReport, 'pacing'>, opts: { projected?: boolean } = {}): Block[] {
  const p = report.pacing;
  if (!p) return [];
  const { locale } = ctx;
  const lines = p.indicators
    .filter((i) => INDICATORS[i.key].additive && i.target !== null)
    .map((i) =>
      t(locale, 'pacing.line', {
        indicator: t(locale, `indicator.${i.key}`),
        actual: fmtIndicatorValue(ctx, i.key, i.actual),
        // A projected count is what the pace reaches in whole units: 1.6 new customers is 1, not 2.
        projected: fmtIndicatorValue(ctx, i.key, i.projected !== null && INDICATORS[i.key].measure === 'count' ? Math.floor(i.projected + 1e-9) : i.projected),
        target: fmtIndicatorValue(ctx, i.key, i.target),
      }),
    );
  const blocks: Block[] = [
    { type: 'header', text: t(locale, 'pacing.title', { elapsed: fmtPercent(locale, p.elapsed) }) },
    { type: 'text', text: lines.join('\n') },
    // The scorecard leads with the projection already; other views (home, nudges) say it here.
    ...(opts.projected === false ? [] : [{ type: 'text' as const, text: t(locale, 'pacing.projected', { total: fmtScore(locale, p.projected.total), grade: p.projected.grade || '—' }) }]),
  ];
  if (!p.nextGrade) {
    if (!p.projected.noData) blocks.push({ type: 'text', text: t(locale, 'pacing.top') });
  } else if (p.nextGrade.options.length === 0) {
    blocks.push({ type: 'text', text: t(locale, 'pacing.nextNone', { grade: p.nextGrade.grade }) });
  } else {
    const options = p.nextGrade.options.map((o) => moreOf(ctx, o.indicator, o.more));
    blocks.push({ type: 'text', text: t(locale, 'pacing.next', { grade: p.nextGrade.grade, options: options.join(t(locale, 'pacing.or')) }) });
  }
  return blocks;
}

/**
 * The team comparison as the viewer may see it: the exact average and delta, only a band (above /
 * around / below) when the exact figures would reveal teammates' scores, or nothing at all.
 */
function teamComparisonFields(locale: ViewContext['locale'], c: ScorecardReport['comparison']): { label: string; value: string }[] {
  if (c.teamAverage !== null) return [{ label: t(locale, 'compare.team', { average: fmtScore(locale, c.teamAverage) }), value: fmtDelta(locale, c.vsTeam) }];
  if (c.teamBand) return [{ label: t(locale, 'compare.teamBand'), value: t(locale, `compare.band.${c.teamBand}`) }];
  return [];
}

/**
 * The headline figures. A final card: total, grade, bonus tier. A provisional one (the period still
 * runs): the projection at the current pace first, then the total so far, and no bonus tier.
 */
function headlineFields(ctx: ViewContext, report: ScorecardReport): { label: string; value: string }[] {
  const { locale } = ctx;
  const { card } = report;
  const comparison = [
    ...teamComparisonFields(locale, report.comparison),
    {
      label: t(locale, 'compare.previous', { previous: fmtScore(locale, report.comparison.previousTotal) }),
      value: fmtDelta(locale, report.comparison.vsPrevious),
    },
  ];
  const projected = report.provisional ? report.pacing?.projected : undefined;
  if (projected) {
    return [
      { label: t(locale, 'scorecard.projectedTotal'), value: projected.noData ? '—' : fmtScore(locale, projected.total) },
      { label: t(locale, 'scorecard.projectedGrade'), value: projected.grade || '—' },
      { label: t(locale, 'scorecard.soFar'), value: card.noData ? '—' : fmtScore(locale, card.total) },
      ...comparison,
    ];
  }
  return [
    { label: t(locale, 'scorecard.total'), value: card.noData ? '—' : fmtScore(locale, card.total) },
    { label: t(locale, 'scorecard.grade'), value: card.grade || '—' },
    { label: t(locale, 'scorecard.bonus'), value: card.noData ? '—' : `×${fmtNumber(locale, card.bonusMultiplier, 2)}` },
    ...comparison,
  ];
}

/**
 * The trend: past periods (those before the rep's first total left out: they are not "missing"),
 * this period once it is over, and the forecast with its method and range, or why there is none.
 */
export function trendBlocks(ctx: ViewContext, report: ScorecardReport): Block[] {
  const { locale } = ctx;
  const { card } = report;
  const first = report.history.findIndex((h) => h.total !== null);
  const trend = (first < 0 ? [] : report.history.slice(first)).map((h) => `${h.periodKey} ${fmtScore(locale, h.total)}${h.grade ? ` (${h.grade})` : ''}`);
  if (!report.pacing && !card.noData) trend.push(`${report.period.key} ${fmtScore(locale, card.total)} (${card.grade})`);
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

/** The full explained scorecard: every number with its inputs, formula, weight and contribution. */
export function scorecardView(ctx: ViewContext, report: ScorecardReport): View {
  const { locale } = ctx;
  const { card } = report;
  const title = t(locale, 'scorecard.title', { name: report.rep.name, period: report.period.key });
  const rows = card.indicators.map((l) => [
    rowLabel(locale, l.category, l.key),
    fmtIndicatorValue(ctx, l.key, l.actual),
    fmtIndicatorValue(ctx, l.key, l.target),
    l.applied === 'excluded' ? '—' : fmtScore(locale, l.score),
    l.applied === 'excluded' ? '—' : fmtWeight(locale, l.effectiveWeight / 100),
    l.applied === 'excluded' ? '—' : fmtScore(locale, l.contribution),
  ]);
  const blocks: Block[] = [{ type: 'header', text: title }, { type: 'fields', fields: headlineFields(ctx, report) }];
  if (card.noData) blocks.push({ type: 'text', text: t(locale, 'scorecard.noData') });
  if (report.provisional) {
    // Nothing is decided mid-quarter: the grade is a projection, and nobody is flagged on it.
    blocks.push({ type: 'context', text: t(locale, 'scorecard.provisional', { period: report.period.key, end: report.period.to }) });
    blocks.push(...pacingBlocks(ctx, report, { projected: false }));
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
  blocks.push({ type: 'context', text: [t(locale, 'scorecard.explain'), ...card.indicators.map((l) => explainLine(ctx, l, report.period.days))].join('\n') });
  const sources = report.feedbackSources;
  if (sources && sources.rep + sources.customer > 0) blocks.push({ type: 'context', text: t(locale, 'fairness.scorecard.feedbackSources', sources) });
  // Approved leave prorates targets; leave waiting for approval is shown as such and changes nothing.
  if (report.leave && (report.leave.approvedDays > 0 || report.leave.pendingDays > 0)) {
    const pending = report.leave.pendingDays > 0 ? t(locale, 'fairness.scorecard.leavePending', { days: report.leave.pendingDays }) : '';
    blocks.push({ type: 'context', text: t(locale, 'fairness.scorecard.leave', { approved: report.leave.approvedDays, pending }) });
  }
  blocks.push(...trendBlocks(ctx, report));
  blocks.push({ type: 'context', text: t(locale, 'scorecard.template', { template: storedText(locale, card.templateId), version: card.templateVersion }) });
  return { title, blocks };
}
