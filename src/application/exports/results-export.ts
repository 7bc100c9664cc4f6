import { AppError } from '../../domain/errors.js';
import type { Award, PublishedResult } from '../../domain/model/cycle.js';
import type { Locale } from '../../domain/model/fields.js';
import { INDICATOR_KEYS, type IndicatorKey } from '../../domain/model/indicators.js';
import type { Person } from '../../domain/model/people.js';
import { t } from '../../views/i18n.js';
import { findCycle, periodFrom, requireHr } from '../cycle/cycles.js';
import type { AppDeps } from '../deps.js';
import { companyTime, loadDirectory, type Directory } from './directory.js';
import { csvAndXlsx } from './files.js';
import { round2, rounded, type Cell, type ExportFile, type ExportTable } from './table.js';

export interface ResultsExport {
  periodKey: string;
  /** The version asked for, or null for each rep's latest. */
  version: number | null;
  rows: number;
  files: ExportFile[];
}

const unpublished = (periodKey: string): AppError =>
  new AppError('CONFLICT', `${periodKey} is not published`, { params: { messageId: 'export.error.unpublished', period: periodKey } });

/**
 * The published results of a period (HR) as CSV and XLSX: each rep's latest version, or version
 * `version` of every rep's result that has one. Everything comes from the frozen snapshots (never
 * the live scores), so an export says exactly what was published. Headers in the actor's language.
 */
export async function exportResults(deps: AppDeps, actor: Person, input: { period: string | undefined; version?: number | undefined }): Promise<ResultsExport> {
  requireHr(actor, 'export results');
  const period = periodFrom(input.period);
  const cycle = await findCycle(deps, period);
  // Results frozen by a publication that did not finish are not published yet.
  if (!cycle || (cycle.state !== 'published' && cycle.state !== 'closed')) throw unpublished(period.key);
  const all = await deps.store.results.find({ periodKey: period.key });
  if (all.length === 0) throw unpublished(period.key);
  const version = input.version ?? null;
  const chosen = version === null ? latestPerRep(all) : all.filter((r) => r.version === version);
  if (chosen.length === 0) {
    throw new AppError('NOT_FOUND', `no version ${version} of ${period.key}`, { params: { messageId: 'export.error.noVersion', period: period.key, version: String(version) } });
  }
  const [dir, awards] = await Promise.all([loadDirectory(deps), deps.store.awards.find({ periodKey: period.key })]);
  const table = resultsTable(deps, actor.locale, dir, chosen, awards);
  const base = `results-${period.key}${version === null ? '' : `-v${version}`}`;
  const files = await csvAndXlsx(base, t(actor.locale, 'export.file.results', { period: period.key }), table);
  return { periodKey: period.key, version, rows: table.rows.length, files };
}

function latestPerRep(results: readonly PublishedResult[]): PublishedResult[] {
  const latest = new Map<string, PublishedResult>();
  for (const r of results) if ((latest.get(r.repId)?.version ?? 0) < r.version) latest.set(r.repId, r);
  return [...latest.values()];
}

/** Adjustment reasons read "Mia Manager +2: a key deal closed on 30 Sep | Hana HR -1.5: …". */
const signed = (x: number): string => (x > 0 ? `+${x}` : String(x));

function resultsTable(deps: AppDeps, locale: Locale, dir: Directory, results: PublishedResult[], awards: readonly Award[]): ExportTable {
  const used = new Set(results.flatMap((r) => r.scorecard.indicators.map((i) => i.key)));
  const indicators: IndicatorKey[] = INDICATOR_KEYS.filter((k) => used.has(k));
  const awardTitles = (r: PublishedResult): string => {
    // The awards frozen with the result, and any approved for the rep in the period since.
    const ids = new Set([...r.awardIds, ...awards.filter((a) => a.repId === r.repId && a.state === 'approved').map((a) => a.id)]);
    return awards.filter((a) => ids.has(a.id)).map((a) => a.title).join('; ');
  };
  const col = (key: Parameters<typeof t>[1], params: Record<string, string> = {}) => t(locale, key, params);
  const header = [
    col('export.col.rep'), col('export.col.team'), col('export.col.manager'), col('export.col.period'), col('export.col.version'),
    col('export.col.total'), col('export.col.baseTotal'), col('export.col.adjustments'), col('export.col.adjustmentReasons'),
    col('export.col.grade'), col('export.col.multiplier'), col('export.col.bonus'), col('export.col.penalty'), col('export.col.awards'),
    ...indicators.flatMap((k) => {
      const indicator = t(locale, `indicator.${k}`);
      return [col('export.col.actual', { indicator }), col('export.col.target', { indicator }), col('export.col.score', { indicator })];
    }),
    col('export.col.template'), col('export.col.templateVersion'), col('export.col.publishedAt', { zone: deps.settings.companyTimeZone }),
    col('export.col.publishedBy'), col('export.col.reason'),
  ];
  const sorted = [...results].sort((a, b) => b.scorecard.total - a.scorecard.total || dir.name(a.repId).localeCompare(dir.name(b.repId)));
  const rows = sorted.map((r): Cell[] => {
    const card = r.scorecard;
    const rep = dir.person(r.repId);
    const line = new Map(card.indicators.map((i) => [i.key, i]));
    return [
      dir.name(r.repId), dir.teamName(rep), dir.managerName(rep), r.periodKey, r.version,
      card.total, card.baseTotal, round2(card.adjustments.reduce((s, a) => s + a.delta, 0)),
      card.adjustments.map((a) => `${dir.name(a.by)} ${signed(a.delta)}: ${a.reason}`).join(' | '),
      card.grade, card.bonusMultiplier, r.bonusAmount ?? null, t(locale, card.penalty ? 'export.yes' : 'export.no'), awardTitles(r),
      ...indicators.flatMap((k) => {
        const i = line.get(k);
        return [rounded(i?.actual, 4), rounded(i?.target, 4), rounded(i?.score, 2)];
      }),
      card.templateId, card.templateVersion, companyTime(deps, r.publishedAt), dir.name(r.publishedBy), r.reason,
    ];
  });
  return { sheet: t(locale, 'export.sheet.results', { period: results[0]!.periodKey }), header, rows };
}
