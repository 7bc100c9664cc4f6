import type Database from 'better-sqlite3';
import type { Period } from '../../src/domain/period.js';
import { peerReviewKeys } from '../../src/domain/period.js';
import type { Store } from '../../src/ports/store.js';

/**
 * The baselines scoring is measured against (issue 16), all on a separate read-only connection
 * except the per-rep approach, which goes through the store itself:
 * - the period scan: exactly the rows the scored period needs, read through the same (date, rep, …)
 *   indexes the scoring queries use, into JavaScript, key columns only. No aggregation can read
 *   fewer rows, so this is the physical limit.
 * - the all-rows scan: every row of every fact table in table order (all five quarters), kept for
 *   information: scoring reads one quarter of it, so a ratio to it flatters.
 * - the per-rep approach of gamification tools: one query per rep per indicator.
 */

export interface ScanResult {
  rows: number;
  /** Activities dated in the scored period: checked against the scorecards' visits. */
  periodActivities: number;
}

/** The fact tables, the columns the aggregates read, and the (date, rep, …) index holding them. */
const ALL: Record<string, { cols: string[]; index: string }> = {
  activities: { cols: ['rep_id', 'account_id', 'date'], index: 'activities__date__rep_id__account_id' },
  deals: {
    cols: ['rep_id', 'account_id', 'signed_date', 'due_date', 'amount_base', 'units', 'first_win'],
    index: 'deals__signed_date__rep_id__account_id__amount_base__units__first_win',
  },
  payments: { cols: ['rep_id', 'due_date', 'received_date', 'amount_base'], index: 'payments__due_date__rep_id__received_date__amount_base' },
  feedback: { cols: ['rep_id', 'date', 'service', 'product'], index: 'feedback__date__rep_id__service__product' },
  peer_reviews: { cols: ['to_id', 'period_key', 'collaboration'], index: 'peer_reviews__period_key__to_id__collaboration' },
  intel: { cols: ['rep_id', 'date'], index: 'intel__date__rep_id' },
};
const allRowsSql = (table: string): string => `SELECT ${ALL[table]!.cols.join(', ')} FROM ${table}`;

/**
 * The period's own rows, each slice through the index the scoring query for it uses (one
 * statement per slice the scoring reads: deals twice, by signing date and by due date).
 */
const PERIOD: Record<string, string> = {
  activities: 'SELECT rep_id, account_id, date FROM activities INDEXED BY activities__date__rep_id__account_id WHERE date BETWEEN @from AND @to',
  dealsSigned: `SELECT rep_id, account_id, amount_base, units, first_win FROM deals INDEXED BY ${ALL.deals!.index} WHERE signed_date BETWEEN @from AND @to`,
  dealsDue: 'SELECT rep_id, amount_base FROM deals INDEXED BY deals__due_date__rep_id__amount_base WHERE due_date BETWEEN @from AND @to',
  payments: `SELECT rep_id, received_date, amount_base FROM payments INDEXED BY ${ALL.payments!.index} WHERE due_date BETWEEN @from AND @to`,
  feedback: `SELECT rep_id, service, product FROM feedback INDEXED BY ${ALL.feedback!.index} WHERE date BETWEEN @from AND @to`,
  peerReviews: `SELECT to_id, collaboration FROM peer_reviews INDEXED BY ${ALL.peer_reviews!.index} WHERE period_key IN (SELECT value FROM json_each(@keys))`,
  intel: 'SELECT rep_id FROM intel INDEXED BY intel__date__rep_id WHERE date BETWEEN @from AND @to',
};

const plan = (db: Database.Database, sql: string): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ from: '', to: '', keys: '[]' }) as { detail: string }[]).map((p) => p.detail).join('; ');

export function scanPlans(db: Database.Database): string {
  return [
    ...Object.entries(PERIOD).map(([k, sql]) => `    period ${k}: ${plan(db, sql)}`),
    ...Object.keys(ALL).map((t) => `    all rows ${t}: ${plan(db, allRowsSql(t))}`),
  ].join('\n');
}

/** Baseline: every row of every fact table read once, in table order, key columns only. */
export function allRowsScan(db: Database.Database, period: Period): ScanResult {
  let rows = 0;
  let periodActivities = 0;
  db.transaction(() => {
    for (const table of Object.keys(ALL)) {
      const it = db.prepare(allRowsSql(table)).raw(true).iterate() as IterableIterator<unknown[]>;
      if (table === 'activities') {
        for (const row of it) {
          rows++;
          const d = row[2] as string;
          if (d >= period.from && d <= period.to) periodActivities++;
        }
      } else {
        for (const _ of it) rows++;
      }
    }
  })();
  return { rows, periodActivities };
}

/** The physical limit: the period's rows, each read once into JavaScript, nothing computed. */
export function periodScan(db: Database.Database, period: Period): ScanResult {
  let rows = 0;
  let periodActivities = 0;
  const params = { from: period.from, to: period.to, keys: JSON.stringify(peerReviewKeys(period)) };
  db.transaction(() => {
    for (const [k, sql] of Object.entries(PERIOD)) {
      const it = db.prepare(sql).raw(true).iterate(params) as IterableIterator<unknown[]>;
      let n = 0;
      for (const _ of it) n++;
      rows += n;
      if (k === 'activities') periodActivities = n;
    }
  })();
  return { rows, periodActivities };
}

/**
 * The gamification tools' way: for each rep, its figures one query per indicator (the store's
 * per-rep statements through its (rep, date) indexes: eight queries a rep). Returns the visits
 * total for the sanity check.
 */
export async function perRepQueries(store: Store, period: Period, repIds: readonly string[]): Promise<number> {
  let visits = 0;
  const peerReviewPeriods = peerReviewKeys(period);
  for (const id of repIds) {
    const a = await store.periodActuals({ from: period.from, to: period.to, peerReviewPeriods, repIds: [id] });
    visits += a.get(id)?.visits ?? 0;
  }
  return visits;
}
