import type { z } from 'zod';
import { accountNameKey } from '../../domain/model/accounts.js';
import type { Person, Team } from '../../domain/model/people.js';
import type { AppDeps } from '../deps.js';
import type { IssueLog, RowCells } from './import-csv-issues.js';
import type { CsvSheet } from './import-csv-sheet.js';

/**
 * What an import would do, worked out before anything is written: the counts, and `write` to do
 * it. A planner records every bad row in the log; `write` is only called when the log is empty.
 */
export interface ImportPlan {
  created: number;
  updated: number;
  unchanged: number;
  /** Teams a people import creates (shown so a typo in a team name is caught in a dry run). */
  newTeams?: string[];
  write(): Promise<void>;
}

export type Planner = (deps: AppDeps, actor: Person, sheet: CsvSheet, log: IssueLog) => Promise<ImportPlan>;

/** Team names are matched like account names: ignoring case and spacing. */
export const teamKey = accountNameKey;

export const teamsByKey = (teams: readonly Team[]): Map<string, Team> => new Map(teams.map((t) => [teamKey(t.name), t]));

/** The record without its undefined fields (a cleared optional field is absent, not undefined). */
export function compact<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}

const canonical = (o: object): string => JSON.stringify(Object.entries(compact(o)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** Whether an upsert would change nothing (field order and undefined fields aside). */
export const sameRecord = (a: object, b: object): boolean => canonical(a) === canonical(b);

/**
 * The domain schema's last word on a row's record (lengths, date order …), each issue put on the
 * column its field came from. Returns the parsed record, or undefined when the row failed.
 */
export function checkRecord<S extends z.ZodType>(schema: S, record: unknown, cells: RowCells, columnOf: Record<string, string>): z.output<S> | undefined {
  const result = schema.safeParse(record);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '');
    cells.fail(columnOf[field], issue.message);
  }
  return undefined;
}

/** Looks people up by identity once each (owners and targets repeat). */
export function personLookup(deps: Pick<AppDeps, 'store'>): (identity: string) => Promise<Person | null> {
  const memo = new Map<string, Promise<Person | null>>();
  return (identity) => {
    let p = memo.get(identity);
    if (!p) memo.set(identity, (p = deps.store.personByIdentity(identity)));
    return p;
  };
}
