import type { Person } from '../../domain/model/people.js';
import { auditReason, auditScope, auditSentence } from '../../views/audit-views.js';
import { t } from '../../views/i18n.js';
import { findAudit, type AuditFilter } from '../audit-log.js';
import { periodFrom, requireHr } from '../cycle/cycles.js';
import type { AppDeps } from '../deps.js';
import { toCsv } from './csv.js';
import { companyTime, loadDirectory } from './directory.js';
import { CSV_MIME, type Cell, type ExportFile } from './table.js';

export interface AuditExport {
  periodKey: string | null;
  scope: string;
  rows: number;
  files: ExportFile[];
}

/**
 * `/export audit [period] [@rep]` (HR): the whole matching audit log as CSV, newest first — the
 * same sentences as `/audit`, plus the action name and the raw details for whoever needs to dig.
 */
export async function exportAudit(deps: AppDeps, actor: Person, input: { period?: string | undefined; repId?: string | undefined }): Promise<AuditExport> {
  requireHr(actor, 'export the audit log');
  const period = input.period ? periodFrom(input.period) : undefined;
  const filter: AuditFilter = { ...(input.repId ? { repId: input.repId } : {}), ...(period ? { period } : {}) };
  const [entries, dir] = await Promise.all([findAudit(deps, filter), loadDirectory(deps)]);
  const { locale } = actor;
  const header = [
    t(locale, 'export.col.when', { zone: deps.settings.companyTimeZone }), t(locale, 'export.col.who'), t(locale, 'export.col.action'),
    t(locale, 'export.col.what'), t(locale, 'export.col.why'), t(locale, 'export.col.subject'), t(locale, 'export.col.details'),
  ];
  const rows = entries.map((e): Cell[] => [
    companyTime(deps, e.at), dir.name(e.actorId), e.action, auditSentence(locale, e, { name: dir.name, isPerson: (id) => dir.person(id) !== undefined, time: (iso) => companyTime(deps, iso) }), auditReason(e),
    e.subjectId ? dir.name(e.subjectId) : null, JSON.stringify(e.details),
  ]);
  const base = ['audit', period?.key, input.repId ? dir.name(input.repId).replace(/[^\p{L}\p{N}_-]+/gu, '_') : undefined].filter(Boolean).join('-');
  const file: ExportFile = { name: `${base}.csv`, mimeType: CSV_MIME, content: toCsv({ header, rows }), title: `${t(locale, 'export.file.audit')} (CSV)` };
  const scope = auditScope(locale, { repName: input.repId ? dir.name(input.repId) : undefined, periodKey: period?.key });
  return { periodKey: period?.key ?? null, scope, rows: rows.length, files: [file] };
}
