import { AppError } from '../../domain/errors.js';
import type { Person, Role } from '../../domain/model/people.js';
import type { AppDeps } from '../deps.js';
import { requireRole } from '../guards.js';
import { keyedLock } from '../keyed-lock.js';
import { planAccounts } from './import-csv-accounts.js';
import { IMPORT_KINDS, type ImportKind } from './import-csv-columns.js';
import { IssueLog, type ImportIssue } from './import-csv-issues.js';
import { planPeople } from './import-csv-people.js';
import type { Planner } from './import-csv-plan.js';
import { readCsv } from './import-csv-read.js';
import { planTargets } from './import-csv-targets.js';

export { CSV_COLUMNS, IMPORT_KINDS, MAX_IMPORT_ROWS, type CsvColumn, type ImportKind } from './import-csv-columns.js';
export type { ImportIssue } from './import-csv-issues.js';

/** The report shows at most this many errors, and how many more there are. */
export const MAX_LISTED_ERRORS = 50;

export interface ImportReport {
  kind: ImportKind;
  /** Records the import created, updated or found already as the file says (all 0 when there are errors). */
  created: number;
  updated: number;
  unchanged: number;
  /** The first MAX_LISTED_ERRORS problems, by line; any error means nothing was written. */
  errors: ImportIssue[];
  moreErrors: number;
  dryRun: boolean;
  /** People imports: the teams created for team names not seen before. */
  newTeams?: string[];
}

export interface ImportInput {
  kind: ImportKind;
  /** The file's text, as pasted or uploaded (the platform adapter reads the upload). */
  csv: string;
  /** Check everything and report, write nothing. */
  dryRun?: boolean;
}

const PLANNERS: Record<ImportKind, Planner> = { people: planPeople, accounts: planAccounts, targets: planTargets };

/** People and accounts are the organisation (admins); targets are set by HR too. */
const WHO_MAY: Record<ImportKind, readonly Role[]> = { people: ['admin'], accounts: ['admin'], targets: ['admin', 'hr'] };

/** One import at a time in this process: two at once could both create the same team or account. */
const importLock = keyedLock();

/**
 * `/appraisal-admin import people|accounts|targets` (columns: CSV_COLUMNS). All or nothing: every
 * row is checked first, and one bad row means nothing is written and the report lists the problems
 * (they are returned, not thrown; only a missing role throws FORBIDDEN). A successful import writes
 * one audit entry; a dry run or a failed one writes nothing.
 */
export async function importCsv(deps: AppDeps, actor: Person, input: ImportInput): Promise<ImportReport> {
  const { kind } = input;
  if (!(IMPORT_KINDS as readonly string[]).includes(kind)) {
    throw new AppError('VALIDATION', `unknown import kind ${String(kind)}; use ${IMPORT_KINDS.join(', ')}`, {
      issues: [{ path: 'kind', message: `one of ${IMPORT_KINDS.join(', ')}` }],
    });
  }
  requireRole(actor, WHO_MAY[kind], `import ${kind}`);
  const dryRun = input.dryRun ?? false;
  const empty = { kind, created: 0, updated: 0, unchanged: 0, dryRun };

  return importLock('import', async () => {
    const { sheet, issues } = readCsv(kind, input.csv);
    const log = new IssueLog(sheet?.headers ?? new Map(), issues);
    const plan = sheet ? await PLANNERS[kind](deps, actor, sheet, log) : undefined;
    if (!plan || log.list.length > 0) {
      const errors = log.sorted();
      return { ...empty, errors: errors.slice(0, MAX_LISTED_ERRORS), moreErrors: Math.max(0, errors.length - MAX_LISTED_ERRORS) };
    }
    const counts = { rows: sheet!.rows.length, created: plan.created, updated: plan.updated, unchanged: plan.unchanged };
    const newTeams = plan.newTeams ? { newTeams: plan.newTeams } : {};
    if (!dryRun) {
      await plan.write();
      await deps.store.audit.insert({
        id: deps.newId(),
        at: deps.clock.now().toISOString(),
        actorId: actor.id,
        action: `import.${kind}`,
        details: { ...counts, ...newTeams },
      });
      deps.logger.info({ actorId: actor.id, kind, ...counts }, 'imported a CSV');
    }
    return { ...empty, created: plan.created, updated: plan.updated, unchanged: plan.unchanged, errors: [], moreErrors: 0, ...newTeams };
  });
}
