import type { RepOutcome } from '../domain/accounts/outcomes.js';
import { outcomeTable } from './outcome-views.js';
import { dormantTable, type DormantRow } from './account-views.js';
import type { Locale } from '../domain/model/fields.js';
import type { AnnualSummary } from '../domain/scoring/annual.js';
import { OUTLIER_SIGMAS, type GroupDigest, type Trend } from '../domain/scoring/digest.js';
import { fmtDelta, fmtNumber, fmtScore } from './format.js';
import { t } from './i18n.js';
import type { Block, View } from './view.js';

/** The quarterly review digest and the annual summary as platform-neutral views. */

export interface TeamSection {
  /** Null for reps without a team. */
  name: string | null;
  digest: GroupDigest;
  /** The team's key accounts past their visit cadence on the day the digest is made. */
  dormant?: readonly DormantRow[];
  /** Each rep's visit-to-deal conversion and follow-up discipline (analysis, not scored). */
  outcomes?: readonly { name: string; outcome: RepOutcome }[];
}

const teamName = (locale: Locale, name: string | null): string => name ?? t(locale, 'digest.noTeam');
const list = (locale: Locale, items: string[]): string => items.join(t(locale, 'job.list.separator'));
const dash = '—';

/** Average, distribution, movers (when comparing with a previous period), outliers with their rule, and who lacks data. */
export function digestBlocks(locale: Locale, d: GroupDigest, options: { movers: boolean }): Block[] {
  const blocks: Block[] = [];
  if (d.average !== null) blocks.push({ type: 'text', text: t(locale, 'digest.average', { average: fmtScore(locale, d.average), graded: d.rows.length }) });
  const dist = d.distribution.map((g) => t(locale, 'digest.gradeCount', { grade: g.grade, count: g.count }));
  blocks.push({ type: 'text', text: t(locale, 'digest.distribution', { list: list(locale, dist) }) });
  if (options.movers) {
    const movers = (rows: GroupDigest['moversUp']) => list(locale, rows.map((r) => t(locale, 'digest.mover', { name: r.name, delta: fmtDelta(locale, r.vsPrevious) })));
    if (d.moversUp.length) blocks.push({ type: 'text', text: t(locale, 'digest.moversUp', { list: movers(d.moversUp) }) });
    if (d.moversDown.length) blocks.push({ type: 'text', text: t(locale, 'digest.moversDown', { list: movers(d.moversDown) }) });
    if (!d.moversUp.length && !d.moversDown.length) blocks.push({ type: 'text', text: t(locale, 'digest.moversNone') });
  }
  if (d.outliers.length) {
    const items = d.outliers.map((o) => t(locale, 'digest.outlier', { name: o.name, total: fmtScore(locale, o.total), sigmas: fmtDelta(locale, o.sigmas) }));
    blocks.push({ type: 'text', text: t(locale, 'digest.outliers', { list: list(locale, items) }) });
  } else {
    blocks.push({ type: 'text', text: t(locale, 'digest.outliersNone') });
  }
  blocks.push({
    type: 'context',
    text: t(locale, 'digest.outlierRule', { k: fmtNumber(locale, OUTLIER_SIGMAS, 1), mean: fmtScore(locale, d.average), sd: fmtScore(locale, d.stdDev) }),
  });
  blocks.push({ type: 'text', text: d.noData.length ? t(locale, 'digest.lacking', { list: list(locale, d.noData) }) : t(locale, 'digest.lackingNone') });
  return blocks;
}

function scorecardTable(locale: Locale, d: GroupDigest): Block {
  return {
    type: 'table',
    columns: [
      { label: t(locale, 'digest.col.rep') },
      { label: t(locale, 'digest.col.total'), align: 'right' },
      { label: t(locale, 'digest.col.grade') },
      { label: t(locale, 'digest.col.vsPrevious'), align: 'right' },
      { label: t(locale, 'digest.col.vsAverage'), align: 'right' },
    ],
    rows: d.rows.map((r) => [r.name, fmtScore(locale, r.total), r.grade, fmtDelta(locale, r.vsPrevious), fmtDelta(locale, r.vsAverage)]),
  };
}

/** Per-team summary rows for HR: graded, average, grade distribution, without data. */
function teamSummaryTable(locale: Locale, teams: readonly TeamSection[], overall: GroupDigest): Block {
  const row = (name: string, d: GroupDigest): string[] => [
    name,
    String(d.rows.length),
    fmtScore(locale, d.average),
    d.distribution.map((g) => `${g.grade}${g.count}`).join(' '),
    String(d.noData.length),
  ];
  return {
    type: 'table',
    columns: [
      { label: t(locale, 'digest.col.team') },
      { label: t(locale, 'digest.col.graded'), align: 'right' },
      { label: t(locale, 'digest.col.average'), align: 'right' },
      { label: t(locale, 'digest.col.grades') },
      { label: t(locale, 'digest.col.noData'), align: 'right' },
    ],
    rows: [...teams.map((s) => row(teamName(locale, s.name), s.digest)), row(t(locale, 'digest.overall'), overall)],
  };
}

/** A manager's quarterly digest: one section per team they manage. */
export function quarterTeamDigestView(locale: Locale, input: { periodKey: string; teams: readonly TeamSection[] }): View {
  const title = t(locale, 'digest.quarter.title', { period: input.periodKey, team: list(locale, input.teams.map((s) => teamName(locale, s.name))) });
  const blocks: Block[] = input.teams.flatMap((s, i): Block[] => [
    ...(i > 0 ? [{ type: 'divider' as const }] : []),
    { type: 'header', text: t(locale, 'digest.quarter.title', { period: input.periodKey, team: teamName(locale, s.name) }) },
    scorecardTable(locale, s.digest),
    ...digestBlocks(locale, s.digest, { movers: true }),
    ...outcomeTable(locale, s.outcomes ?? []),
    ...(s.dormant?.length
      ? [{ type: 'header' as const, text: t(locale, 'digest.dormant.title', { count: s.dormant.length }) }, ...dormantTable(locale, s.dormant, true), { type: 'context' as const, text: t(locale, 'account.dormant.hint') }]
      : []),
  ]);
  return { title, blocks };
}

/** HR's quarterly digest: every team summarised, the company's distribution, movers and outliers. */
export function quarterCompanyDigestView(locale: Locale, input: { periodKey: string; teams: readonly TeamSection[]; overall: GroupDigest }): View {
  const title = t(locale, 'digest.quarter.companyTitle', { period: input.periodKey });
  return {
    title,
    blocks: [{ type: 'header', text: title }, teamSummaryTable(locale, input.teams, input.overall), ...digestBlocks(locale, input.overall, { movers: true })],
  };
}

export interface AnnualTeamSection extends TeamSection {
  /** Each rep's four quarter totals (null where not graded), by rep id. */
  quarters: ReadonlyMap<string, readonly (number | null)[]>;
}

export interface AwardLine {
  name: string;
  title: string;
  periodKey: string;
  reason: string;
}

const awardsBlock = (locale: Locale, awards: readonly AwardLine[]): Block => ({
  type: 'text',
  text: awards.length
    ? t(locale, 'digest.awards', { list: list(locale, awards.map((a) => t(locale, 'digest.award', { name: a.name, title: a.title }))) })
    : t(locale, 'digest.awardsNone'),
});

/** A manager's year digest: each rep's quarters and annual score, the distribution, outliers, awards. */
export function annualTeamDigestView(locale: Locale, input: { year: number; teams: readonly AnnualTeamSection[]; awards: readonly AwardLine[] }): View {
  const title = t(locale, 'digest.year.title', { year: input.year, team: list(locale, input.teams.map((s) => teamName(locale, s.name))) });
  const q = (n: number) => ({ label: `Q${n}`, align: 'right' as const });
  const blocks: Block[] = input.teams.flatMap((s, i): Block[] => [
    ...(i > 0 ? [{ type: 'divider' as const }] : []),
    { type: 'header', text: t(locale, 'digest.year.title', { year: input.year, team: teamName(locale, s.name) }) },
    {
      type: 'table',
      columns: [{ label: t(locale, 'digest.col.rep') }, q(1), q(2), q(3), q(4), { label: t(locale, 'digest.col.year'), align: 'right' }, { label: t(locale, 'digest.col.grade') }],
      rows: s.digest.rows.map((r) => [r.name, ...(s.quarters.get(r.repId) ?? []).map((x) => fmtScore(locale, x)), fmtScore(locale, r.total), r.grade]),
    },
    ...digestBlocks(locale, s.digest, { movers: false }),
  ]);
  return { title, blocks: [...blocks, awardsBlock(locale, input.awards)] };
}

/** HR's year digest: every team summarised on annual scores, the company's distribution, awards. */
export function annualCompanyDigestView(locale: Locale, input: { year: number; teams: readonly TeamSection[]; overall: GroupDigest; awards: readonly AwardLine[] }): View {
  const title = t(locale, 'digest.year.companyTitle', { year: input.year });
  return {
    title,
    blocks: [{ type: 'header', text: title }, teamSummaryTable(locale, input.teams, input.overall), ...digestBlocks(locale, input.overall, { movers: false }), awardsBlock(locale, input.awards)],
  };
}

export interface AnnualRepInput {
  year: number;
  quarters: readonly { periodKey: string; total: number | null; grade: string | null }[];
  summary: AnnualSummary;
  weights: readonly number[];
  trend: Trend;
  slope: number | null;
  forecast: { periodKey: string; total: number; grade: string; low: number; high: number; basis: number } | null;
  awards: readonly AwardLine[];
}

/** A rep's year: the four quarters, the annual score, the trend and forecast, and their awards. */
export function annualRepView(locale: Locale, input: AnnualRepInput): View {
  const { summary } = input;
  const title =
    summary.total === null
      ? t(locale, 'annual.titleNoScore', { year: input.year })
      : t(locale, 'annual.title', { year: input.year, total: fmtScore(locale, summary.total), grade: summary.grade ?? dash });
  const blocks: Block[] = [
    { type: 'header', text: t(locale, 'annual.header', { year: input.year }) },
    {
      type: 'table',
      columns: [{ label: t(locale, 'digest.col.quarter') }, { label: t(locale, 'digest.col.total'), align: 'right' }, { label: t(locale, 'digest.col.grade') }],
      rows: input.quarters.map((q) => [q.periodKey, fmtScore(locale, q.total), q.grade ?? dash]),
    },
    {
      type: 'text',
      text:
        summary.total === null
          ? t(locale, 'annual.noTotal')
          : t(locale, 'annual.total', { total: fmtScore(locale, summary.total), grade: summary.grade ?? dash, weights: input.weights.join('/') }),
    },
    { type: 'text', text: t(locale, `annual.trend.${input.trend}`, { slope: fmtDelta(locale, input.slope === null ? null : Math.round(input.slope * 10) / 10) }) },
  ];
  if (input.forecast) {
    const f = input.forecast;
    blocks.push({ type: 'text', text: t(locale, 'annual.forecast', { period: f.periodKey, total: fmtScore(locale, f.total), grade: f.grade, low: fmtScore(locale, f.low), high: fmtScore(locale, f.high), count: f.basis }) });
  }
  if (input.awards.length) {
    blocks.push({ type: 'text', text: t(locale, 'annual.awards') });
    for (const a of input.awards) blocks.push({ type: 'text', text: t(locale, 'annual.award', { title: a.title, period: a.periodKey, reason: a.reason }) });
  } else {
    blocks.push({ type: 'text', text: t(locale, 'annual.noAwards') });
  }
  return { title, blocks };
}

/** Several views for one person in one message (a manager who is also HR, or also a rep). */
export function mergeViews(views: readonly View[]): View {
  return { title: views.map((v) => v.title).join(' · '), blocks: views.flatMap((v, i) => [...(i > 0 ? [{ type: 'divider' as const }] : []), ...v.blocks]) };
}
