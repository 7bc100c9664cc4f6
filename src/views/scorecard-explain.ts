import type { Locale } from '../domain/model/fields.js';
import { INDICATORS, type ExplainValue } from '../domain/model/indicators.js';
import type { IndicatorLine } from '../domain/model/scorecard.js';
import type { Scoring } from '../domain/model/template.js';
import { fmtMoney, fmtNumber, fmtPercent, fmtRating, fmtScore, fmtWeight } from './format.js';
import { t, tn, type MessageKey } from './i18n.js';
import { fmtIndicatorValue, indicatorName, type ViewContext } from './indicator-values.js';

/**
 * The scorecard's explanation of each indicator line ("Client visits: actual ÷ target × 100, capped
 * at 120%; 10 ÷ 36 = 27.8%; template default; 27.8 × 15% = 4.2 points").
 *
 * Issue 16: a 5,000-rep round writes ~45,000 of these lines; they were the largest part of building
 * the views (0.62 s of 1.41 s in the profile). What depends only on the scoring function and the
 * locale (its formula, its cap) is written once per Scoring object of the template and locale; the
 * figures the table already formatted are passed in rather than formatted again; the line is
 * concatenated rather than gathered in an array and joined.
 */

/** Texts of one scoring function in one locale: its formula, and the "→ capped at 120%" suffix of its arithmetic. */
interface ScoringTexts {
  formula: string;
  cappedSuffix: string;
}
const scoringTexts: Record<Locale, WeakMap<Scoring, ScoringTexts>> = { en: new WeakMap(), 'zh-CN': new WeakMap() };

function textsOf(locale: Locale, s: Scoring): ScoringTexts {
  let texts = scoringTexts[locale].get(s);
  if (texts === undefined) {
    texts = {
      formula: formulaOf(locale, s),
      cappedSuffix: s.type === 'ratio' || s.type === 'inverse' ? ` → ${t(locale, 'scorecard.capped')} ${fmtNumber(locale, s.cap * 100)}%` : '',
    };
    scoringTexts[locale].set(s, texts);
  }
  return texts;
}

/** The scoring function as a formula: "actual ÷ target × 100, capped at 120%". */
export function describeScoring(locale: Locale, s: Scoring): string {
  return textsOf(locale, s).formula;
}

function formulaOf(locale: Locale, s: Scoring): string {
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

/** A figure of an explanation as it reads: a plain number, money, or one decimal. */
function showValue(ctx: ViewContext, v: ExplainValue): string {
  return typeof v === 'number' ? fmtNumber(ctx.locale, v) : 'money' in v ? fmtMoney(ctx.locale, v.money, ctx.currency) : fmtNumber(ctx.locale, v.decimal, 1);
}

/** The inputs behind an actual: "¥0.8M collected of ¥1M due", "average of 6 ratings" (each indicator says which, see its descriptor). */
function describeInputs(ctx: ViewContext, line: IndicatorLine): string | null {
  const e = INDICATORS[line.key].explain?.(line.inputs);
  if (!e) return null;
  // "average of 1 ratings" reads wrong: the count picks its plural form.
  if (e.message === 'inputs.ratings' && typeof e.params.count === 'number') return tn(ctx.locale, 'ratings', e.params.count);
  const params: Record<string, string> = {};
  for (const k in e.params) params[k] = showValue(ctx, e.params[k]!);
  // The descriptors' message keys are checked against both catalogues by test/domain/indicators.test.ts.
  return t(ctx.locale, e.message as MessageKey, params);
}

/**
 * An actual or target in the arithmetic: a ratio keeps the decimal its score has ("61.2% ÷ 100% =
 * 61.2%", not "61% ÷ …"), and so does a prorated count target ("1 ÷ 1.04 = 95.8%", where the
 * table's whole "1" would not add up). Anything else reads as in the table (`shown`, when given).
 */
function exactValue(ctx: ViewContext, line: IndicatorLine, x: number | null, shown: string | undefined): string {
  const measure = INDICATORS[line.key].measure;
  if (x !== null && measure === 'ratio') return `${fmtNumber(ctx.locale, x * 100, 1)}%`;
  if (x !== null && measure === 'count' && !Number.isInteger(x)) return fmtNumber(ctx.locale, x, 2);
  return shown ?? fmtIndicatorValue(ctx, line.key, x);
}

/** The arithmetic that turned the actual into the score, e.g. "48 ÷ 36 = 133.3% → capped at 120%". */
function describeArithmetic(ctx: ViewContext, line: IndicatorLine, row: TableRow | undefined): string | null {
  const { locale } = ctx;
  if (line.score === null || line.applied !== null || line.actual === null) return null;
  const a = exactValue(ctx, line, line.actual, row?.actual);
  const tg = exactValue(ctx, line, line.target, row?.target);
  const capped = line.capped ? textsOf(locale, line.scoring).cappedSuffix : '';
  switch (line.scoring.type) {
    case 'ratio':
      return `${a} ÷ ${tg} = ${fmtNumber(locale, (line.actual / line.target!) * 100, 1)}%${capped}`;
    case 'inverse':
      return `${tg} ÷ ${a}${capped}`;
    case 'rating':
      return `(${fmtRating(locale, line.actual)} − ${line.scoring.min}) ÷ (${line.scoring.max} − ${line.scoring.min}) × 100`;
    case 'threshold':
      return null;
  }
}

/** The figures of a line as the scorecard's table shows them (the explanation repeats them). */
export interface TableRow {
  actual: string;
  target: string;
  score: string;
  weight: string;
  points: string;
}

const targetSources: Record<Locale, Map<string, string>> = { en: new Map(), 'zh-CN': new Map() };
function targetSourceText(locale: Locale, source: NonNullable<IndicatorLine['targetSource']>): string {
  let text = targetSources[locale].get(source);
  if (text === undefined) {
    text = t(locale, `target.${source}`);
    targetSources[locale].set(source, text);
  }
  return text;
}

/**
 * One line per indicator: formula and arithmetic, inputs, target source and proration, what the
 * missing-data policy did, and the points it adds (score × weight). `row`: the line's figures as
 * the table already wrote them.
 */
export function explainLine(ctx: ViewContext, line: IndicatorLine, periodDays?: number, row?: TableRow): string {
  const { locale } = ctx;
  const separator = t(locale, 'list.separator');
  let formula = textsOf(locale, line.scoring).formula;
  const arithmetic = describeArithmetic(ctx, line, row);
  if (arithmetic) formula += separator + arithmetic;
  const inputs = describeInputs(ctx, line);
  if (inputs) formula += separator + inputs;
  if (line.targetSource) formula += separator + targetSourceText(locale, line.targetSource);
  if (line.proration < 1 && line.targetSource && line.targetSource !== 'rep') formula += separator + prorationText(locale, line, periodDays);
  if (line.missing && line.applied) {
    formula += separator + t(locale, `missing.${line.missing}.${line.applied}`, { score: row?.score ?? fmtScore(locale, line.score) });
  }
  if (line.applied !== 'excluded') {
    formula +=
      separator +
      t(locale, 'scorecard.points', {
        score: row?.score ?? fmtScore(locale, line.score),
        weight: row?.weight ?? fmtWeight(locale, line.effectiveWeight / 100),
        points: row?.points ?? fmtScore(locale, line.contribution),
      });
  }
  return t(locale, 'scorecard.formula', { indicator: indicatorName(locale, line.key), formula });
}

/**
 * Say what happened: a rep employed the whole period and on leave was not "employed part of it"
 * (the share employed is the proration plus the leave it took off).
 */
function prorationText(locale: Locale, line: IndicatorLine, periodDays: number | undefined): string {
  const share = fmtPercent(locale, line.proration);
  if (!line.leaveDays) return t(locale, 'target.prorated', { share });
  const days = tn(locale, 'days', line.leaveDays);
  return periodDays !== undefined && line.proration + line.leaveDays / periodDays < 1 - 1e-9
    ? t(locale, 'target.proratedLeave', { share, days })
    : t(locale, 'target.proratedLeaveOnly', { share, days });
}
