import { AppError } from '../../domain/errors.js';
import { isPublishedState, type PublishedResult } from '../../domain/model/cycle.js';
import type { Person } from '../../domain/model/people.js';
import { quartersOfYear, yearPeriod } from '../../domain/period.js';
import { annualSummary } from '../../domain/scoring/annual.js';
import { t } from '../../views/i18n.js';
import { requireHr } from '../cycle/cycles.js';
import type { AppDeps } from '../deps.js';
import { templateForPeriod } from '../templates.js';
import { loadDirectory } from './directory.js';
import { csvAndXlsx } from './files.js';
import type { Cell, ExportFile } from './table.js';

export interface AnnualExport {
  year: number;
  /** The quarters whose published results went in (`2026-Q1` …). */
  quarters: string[];
  rows: number;
  files: ExportFile[];
}

/**
 * `/export annual <year>` (HR): each rep's year from the published quarters — each quarter's total
 * and grade from the latest version of the rep's published result, the annual score with the
 * template's quarter weights over the quarters that have one (domain/scoring/annual.ts, as in the
 * January summary), its grade and bonus multiplier, and the approved special awards of the year.
 * A quarter not published yet counts as no score, and the export says which quarters went in.
 */
export async function exportAnnual(deps: AppDeps, actor: Person, input: { year: string | undefined }): Promise<AnnualExport> {
  requireHr(actor, 'export the annual summary');
  const raw = (input.year ?? '').trim();
  if (!/^\d{4}$/.test(raw) || +raw < 1970 || +raw > 2999) {
    throw new AppError('VALIDATION', `"${raw}" is not a year`, { params: { messageId: 'export.error.year', value: raw } });
  }
  const year = Number(raw);
  const quarters = quartersOfYear(year);
  const cycles = await deps.store.cycles.find({ periodKey: { in: quarters.map((q) => q.key) } });
  const published = quarters.filter((q) => cycles.some((c) => c.periodKey === q.key && isPublishedState(c.state)));
  if (published.length === 0) {
    throw new AppError('CONFLICT', `no quarter of ${year} is published`, { params: { messageId: 'export.error.noQuarter', year: String(year) } });
  }
  const [results, template, dir, awards] = await Promise.all([
    deps.store.results.find({ periodKey: { in: published.map((q) => q.key) } }),
    templateForPeriod(deps, yearPeriod(year)),
    loadDirectory(deps),
    deps.store.awards.find({ periodKey: { in: [String(year), ...quarters.map((q) => q.key)] }, state: 'approved' }),
  ]);
  const latest = new Map<string, PublishedResult>();
  for (const r of results) {
    const key = `${r.repId}|${r.periodKey}`;
    if ((latest.get(key)?.version ?? 0) < r.version) latest.set(key, r);
  }
  const repIds = [...new Set(results.map((r) => r.repId))];
  const { locale } = actor;
  const weights = template.annualQuarterWeights.map((w, i) => `Q${i + 1} ${w}`).join(' / ');
  const publishedList = published.map((q) => q.key).join(', ');
  const lines = repIds.map((repId) => {
    const cards = quarters.map((q) => latest.get(`${repId}|${q.key}`)?.scorecard);
    const totals = cards.map((c) => (c && !c.noData ? c.total : null));
    return { repId, cards, totals, summary: annualSummary(template, totals) };
  });
  lines.sort((a, b) => (b.summary.total ?? -1) - (a.summary.total ?? -1) || dir.name(a.repId).localeCompare(dir.name(b.repId)));
  const header = [
    t(locale, 'export.col.rep'), t(locale, 'export.col.team'), t(locale, 'export.col.manager'), t(locale, 'export.col.year'),
    ...quarters.flatMap((_, i) => [t(locale, 'export.col.quarterTotal', { quarter: `Q${i + 1}` }), t(locale, 'export.col.quarterGrade', { quarter: `Q${i + 1}` })]),
    t(locale, 'export.col.annualTotal'), t(locale, 'export.col.annualGrade'), t(locale, 'export.col.multiplier'),
    t(locale, 'export.col.weights'), t(locale, 'export.col.awards'), t(locale, 'export.col.published'),
  ];
  const rows = lines.map(({ repId, cards, totals, summary }): Cell[] => {
    const rep = dir.person(repId);
    return [
      dir.name(repId), dir.teamName(rep), dir.managerName(rep), year,
      ...totals.flatMap((total, i) => [total, total === null ? null : cards[i]!.grade]),
      summary.total, summary.grade, summary.bonusMultiplier, weights,
      awards.filter((a) => a.repId === repId).sort((a, b) => a.periodKey.localeCompare(b.periodKey)).map((a) => `${a.title} (${a.periodKey})`).join('; '),
      publishedList,
    ];
  });
  const table = { sheet: t(locale, 'export.sheet.annual', { year: String(year) }), header, rows };
  const files = await csvAndXlsx(`annual-${year}`, t(locale, 'export.file.annual', { year: String(year) }), table);
  return { year, quarters: published.map((q) => q.key), rows: rows.length, files };
}
