import type { CalibrationPack } from '../domain/read-models/calibration-pack.js';
import { localParts } from '../domain/dates.js';
import type { Locale } from '../domain/model/fields.js';
import type { IndicatorKey } from '../domain/model/indicators.js';
import type { GradeCount, GuidelineWarning } from '../domain/scoring/guideline.js';
import { aside, fmtNumber, fmtScore, listOf } from './format.js';
import { t, tn } from './i18n.js';
import type { Block, View } from './view.js';

/** Calibration (the review meeting): the meeting invitation, the calibration pack, an adjustment's answer. */

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the wall clock shows it in a zone: `2026-12-03 14:30`. */
export function wallClock(at: string, timeZone: string): string {
  const p = localParts(new Date(at), timeZone);
  return `${p.date} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** Totals read like every other score (one decimal), which still shows a +0.5 adjustment. */
export const fmtTotal = (locale: Locale, x: number | null): string => fmtScore(locale, x);
/** An adjustment as it was typed, in points: "+2", "−0.5". */
const fmtSigned = (locale: Locale, x: number): string => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${fmtNumber(locale, Math.abs(x), 1)}`;
const gradeList = (counts: readonly GradeCount[]): string => counts.map((g) => `${g.grade} ${g.count}`).join(' · ');

export const warningLine = (locale: Locale, w: GuidelineWarning): string =>
  t(locale, 'calibration.guideline.warning', { grade: w.grade, count: w.count, share: fmtNumber(locale, w.share, 1), max: fmtNumber(locale, w.max, 1) });

export interface MeetingData {
  periodKey: string;
  at: string;
  /** The reader's zone: the time is shown as their clock shows it. */
  timeZone: string;
  place: string;
  organiser: string;
  participants: string[];
}

const meetingFields = (locale: Locale, m: Omit<MeetingData, 'organiser'>) => ({
  type: 'fields' as const,
  fields: [
    { label: t(locale, 'calibration.meeting.when'), value: aside(locale, wallClock(m.at, m.timeZone), m.timeZone) },
    { label: t(locale, 'calibration.meeting.place'), value: m.place },
    { label: t(locale, 'calibration.meeting.participants'), value: listOf(locale, m.participants) },
  ],
});

/** The DM each participant gets, with the time in their own zone. */
export function meetingInviteView(locale: Locale, m: MeetingData): View {
  const title = t(locale, 'calibration.meeting.invite.title', { period: m.periodKey, when: wallClock(m.at, m.timeZone) });
  return {
    title,
    blocks: [
      { type: 'header', text: title },
      { type: 'text', text: t(locale, 'calibration.meeting.invite.body', { organiser: m.organiser, period: m.periodKey }) },
      meetingFields(locale, m),
    ],
  };
}

/** `/cycle meeting <period>`: the meeting as scheduled. */
export function meetingView(locale: Locale, m: Omit<MeetingData, 'organiser'>): View {
  const title = t(locale, 'calibration.meeting.title', { period: m.periodKey });
  return { title, blocks: [{ type: 'header', text: title }, meetingFields(locale, m)] };
}

function guidelineBlock(locale: Locale, pack: CalibrationPack): Block {
  if (pack.warnings.length > 0) return { type: 'text', text: pack.warnings.map((w) => warningLine(locale, w)).join('\n') };
  const rules = Object.entries(pack.guideline);
  if (rules.length === 0) return { type: 'context', text: t(locale, 'calibration.pack.noGuideline') };
  return { type: 'context', text: t(locale, 'calibration.pack.guidelineOk', { list: rules.map(([g, max]) => `${g} ≤ ${fmtNumber(locale, max, 1)}%`).join(' · ') }) };
}

function missingText(locale: Locale, pack: CalibrationPack): string {
  const lines: string[] = [];
  if (pack.noData.length > 0) lines.push(t(locale, 'calibration.pack.noData', { names: listOf(locale, pack.noData) }));
  if (pack.missing.length > 0) {
    const list = pack.missing.map((m) =>
      `• ${t(locale, 'calibration.pack.missingFor', {
        indicator: t(locale, `indicator.${m.key as IndicatorKey}`),
        why: t(locale, `calibration.pack.missing.${m.why}`),
        count: tn(locale, 'reps', m.names.length),
        names: listOf(locale, m.names),
      })}`,
    );
    lines.push([t(locale, 'calibration.pack.missing', { list: '' }).trim(), ...list].join('\n'));
  }
  return lines.length ? lines.join('\n') : t(locale, 'calibration.pack.complete');
}

function adjustmentsText(locale: Locale, pack: CalibrationPack): string {
  if (pack.adjustments.length === 0) return t(locale, 'calibration.pack.noAdjustments');
  const lines = pack.adjustments.map((a) => `• ${t(locale, 'calibration.pack.adjustment', { name: a.name, delta: fmtSigned(locale, a.delta), by: a.by, reason: a.reason })}`);
  return [t(locale, 'calibration.pack.adjustments'), ...lines].join('\n');
}

/**
 * The calibration pack as one compact message: the distribution overall and per manager, one
 * table row per rep (with last quarter and the team average), the outlier rule, the guideline,
 * missing data and the adjustments so far.
 */
export function calibrationPackView(locale: Locale, pack: CalibrationPack): View {
  const title = t(locale, 'calibration.pack.title', { period: pack.periodKey });
  const grades = pack.overall.map((g) => g.grade);
  const col = (key: 'manager' | 'rep' | 'team' | 'total' | 'grade' | 'teamAvg' | 'adjusted' | 'flag') => t(locale, `calibration.pack.col.${key}`);
  const flags = (o: CalibrationPack['rows'][number]['outlier']) => o.map((f) => (f === 'team' ? 'T' : 'G')).join(' ');
  const marked = pack.rows.filter((r) => r.outlier.length > 0);
  const summary = [
    t(locale, 'calibration.pack.summary', { graded: tn(locale, 'reps', pack.graded), list: gradeList(pack.overall) }),
    marked.length
      ? t(locale, 'calibration.pack.outliers', { count: marked.length, graded: pack.graded, names: marked.map((r) => aside(locale, r.name, flags(r.outlier))).join(t(locale, 'list.separator')) })
      : t(locale, 'calibration.pack.outliersNone', { graded: pack.graded }),
    ...(pack.emptyIndicators.length
      ? [t(locale, 'calibration.pack.emptyIndicators', { list: pack.emptyIndicators.map((k) => t(locale, `indicator.${k as IndicatorKey}`)).join(t(locale, 'list.separator')) })]
      : []),
    t(locale, 'summary.next.calibration'),
  ];
  // The whole pack, folded under the summary: distribution per manager, one row per rep, what is missing.
  const full: Block[] = [
    {
      type: 'table',
      columns: [{ label: col('manager') }, ...grades.map((g) => ({ label: g, align: 'right' as const }))],
      rows: pack.byManager.map((m) => [m.manager || t(locale, 'calibration.pack.noManager'), ...m.counts.filter((c) => grades.includes(c.grade)).map((c) => String(c.count))]),
    },
    {
      type: 'table',
      columns: [
        { label: col('rep') },
        { label: col('team') },
        { label: col('total'), align: 'right' },
        { label: col('grade') },
        { label: t(locale, 'calibration.pack.col.last', { period: pack.previousKey }), align: 'right' },
        { label: col('teamAvg'), align: 'right' },
        { label: col('adjusted'), align: 'right' },
        { label: col('flag') },
      ],
      rows: pack.rows.map((r) => [
        r.name,
        r.team ?? '—',
        fmtTotal(locale, r.total),
        r.grade ?? '—',
        r.lastTotal === null ? '—' : `${fmtTotal(locale, r.lastTotal)} ${r.lastGrade}`,
        fmtTotal(locale, r.teamAverage),
        r.adjusted ? fmtSigned(locale, r.adjusted) : '',
        flags(r.outlier),
      ]),
    },
    { type: 'text', text: missingText(locale, pack) },
    { type: 'text', text: adjustmentsText(locale, pack) },
    ...selfReviewBlocks(locale, pack),
    ...peerFlagBlocks(locale, pack),
  ];
  return {
    title,
    blocks: [
      { type: 'header', text: title },
      // The summary leads: distribution, who is marked and why, what is empty for everyone, what to do.
      { type: 'text', text: summary.join('\n') },
      {
        type: 'context',
        text: t(locale, 'calibration.pack.outlierRule', { k: fmtNumber(locale, pack.rule.k, 1), min: pack.rule.minTeam, bands: pack.rule.bands, previous: pack.previousKey }),
      },
      guidelineBlock(locale, pack),
      { type: 'details', summary: t(locale, 'summary.fullPack'), blocks: full },
    ],
  };
}

/** The reps' self-reviews beside their scores (HR-private: shown here and in the interview only). */
function selfReviewBlocks(locale: Locale, pack: CalibrationPack): Block[] {
  if (pack.selfReviews.length === 0) return [{ type: 'context', text: t(locale, 'calibration.pack.selfNone') }];
  return [
    { type: 'header', text: t(locale, 'calibration.pack.selfTitle') },
    {
      type: 'table',
      columns: [
        { label: t(locale, 'calibration.pack.col.rep') },
        { label: t(locale, 'category.performance'), align: 'right' },
        { label: t(locale, 'category.behaviour'), align: 'right' },
        { label: t(locale, 'category.teamwork'), align: 'right' },
        { label: t(locale, 'calibration.pack.col.comment') },
      ],
      rows: pack.selfReviews.map((r) => [r.name, String(r.performance), String(r.behaviour), String(r.teamwork), r.comment]),
    },
  ];
}

/** Peer-review patterns for the meeting to look at. */
function peerFlagBlocks(locale: Locale, pack: CalibrationPack): Block[] {
  if (pack.peerFlags.length === 0) return [{ type: 'context', text: t(locale, 'calibration.pack.peerNone') }];
  const lines = pack.peerFlags.map((f) =>
    f.kind === 'mutual-top'
      ? t(locale, 'calibration.pack.peerMutual', { a: f.names[0], b: f.names[1], periods: f.periods })
      : t(locale, 'calibration.pack.peerSame', { name: f.reviewer, rating: f.rating, count: f.count }),
  );
  return [{ type: 'header', text: t(locale, 'calibration.pack.peerTitle') }, { type: 'text', text: lines.map((l) => `• ${l}`).join('\n') }];
}

export interface AdjustData {
  name: string;
  periodKey: string;
  delta: number;
  reason: string;
  before: { total: number; grade: string };
  after: { total: number; grade: string };
  warnings: GuidelineWarning[];
}

/** The answer to `/adjust`: the new total and grade beside the previous ones, and any guideline warning the change caused. */
export function adjustmentView(locale: Locale, a: AdjustData): View {
  const text = t(locale, 'calibration.adjust.done', {
    name: a.name,
    period: a.periodKey,
    delta: fmtSigned(locale, a.delta),
    before: fmtTotal(locale, a.before.total),
    beforeGrade: a.before.grade,
    after: fmtTotal(locale, a.after.total),
    afterGrade: a.after.grade,
    reason: a.reason,
  });
  const blocks: Block[] = [{ type: 'text', text }];
  if (a.warnings.length > 0) blocks.push({ type: 'text', text: [t(locale, 'calibration.adjust.warnings'), ...a.warnings.map((w) => warningLine(locale, w))].join('\n') });
  return { title: text.split('\n')[0]!.slice(0, 150), blocks };
}
