import type Database from 'better-sqlite3';
import { coveredSinceByTier } from '../../domain/accounts/cadence.js';
import type { RawActuals } from '../../domain/scoring/actuals.js';
import { emptyActuals, isRawFigure, type RawFigure } from '../../domain/model/raw-figures.js';
import type { ActualsQuery } from '../../ports/store.js';

/**
 * Period actuals with one GROUP BY per source table, each served by a covering index on
 * (date, rep, …) so only the period's slice is read. The queries mirror the MongoDB pipelines in
 * adapters/mongo/pipelines.ts; the contract suite checks both give the same answers.
 */
type Variant = 'all' | 'reps';
/**
 * Two variants of each query: over all reps, and for a list of reps (a scorecard, a team). They
 * are separate statements so the planner can use the (rep, date) indexes for the short list.
 */
const REP_FILTER = (col: string): string => `{{${col}}}`;
const expand = (sql: string, v: Variant): string =>
  sql
    .replaceAll('{{INDEX}}', v === 'all' ? ' INDEXED BY activities__date__rep_id__account_id' : '')
    .replace(/\{\{([\w.]+)\}\}/g, (_, col: string) => (v === 'all' ? '' : ` AND ${col} IN (SELECT value FROM json_each(?))`));

/**
 * The period's activities, with the accounts of the rep's deals signed in the period added at n = 0:
 * one read of the period's activities gives visits (Σ n) and accounts served (the distinct non-null
 * accounts); grouped per (rep, account) (PAIRS) and joined to the account's tier, the tier-weighted
 * visits too.
 * Profiled on the bench (issue 16): visits and accounts served each read the period's activities
 * and sorted them, a third of the default template's query time. The (date, …) index is named
 * because the planner, without statistics, may pick (rep, date) to save the GROUP BY sort and
 * read every period.
 */
const ACTIVITIES_AND_DEALS = `SELECT rep_id AS rep, account_id AS account, 1 AS n FROM activities{{INDEX}}
       WHERE date BETWEEN ? AND ?{{rep_id}}
       UNION ALL
       SELECT rep_id, account_id, 0 FROM deals WHERE signed_date BETWEEN ? AND ?{{rep_id}}`;
const PAIRS = `SELECT rep, account, SUM(n) AS n FROM (${ACTIVITIES_AND_DEALS}) GROUP BY rep, account`;

const QUERIES = {
  // Without tier weights no pair needs its tier: one GROUP BY rep with COUNT(DISTINCT) skips the
  // second sort (of the pairs by rep), ~70 ms CPU of ~500 at 10,000 reps (issue 16).
  visitsServed: `SELECT rep, SUM(n) AS visits, COUNT(DISTINCT account) AS accountsServed FROM (${ACTIVITIES_AND_DEALS}) GROUP BY rep`,
  deals: `SELECT rep_id AS rep, SUM(amount_base) AS revenue, SUM(units) AS volume, SUM(first_win) AS newCustomers FROM deals
     WHERE signed_date BETWEEN ? AND ?${REP_FILTER('rep_id')} GROUP BY rep_id`,
  due: `SELECT rep_id AS rep, SUM(amount_base) AS due FROM deals
     WHERE due_date BETWEEN ? AND ?${REP_FILTER('rep_id')} GROUP BY rep_id`,
  collected: `SELECT rep_id AS rep, SUM(amount_base) AS collected FROM payments
     WHERE due_date BETWEEN ? AND ? AND received_date <= ?${REP_FILTER('rep_id')} GROUP BY rep_id`,
  feedback: `SELECT rep_id AS rep, SUM((service + product) / 2.0) AS satisfactionSum, COUNT(*) AS satisfactionCount FROM feedback
     WHERE date BETWEEN ? AND ?${REP_FILTER('rep_id')} GROUP BY rep_id`,
  peers: `SELECT to_id AS rep, SUM(collaboration) AS collaborationSum, COUNT(*) AS collaborationCount FROM peer_reviews
     WHERE period_key IN (SELECT value FROM json_each(?))${REP_FILTER('to_id')} GROUP BY to_id`,
  intel: `SELECT rep_id AS rep, COUNT(*) AS intel FROM intel
     WHERE date BETWEEN ? AND ?${REP_FILTER('rep_id')} GROUP BY rep_id`,
} as const;

/**
 * Visits, accounts served and the tier-weighted visits from the same pass (PAIRS), one row per rep:
 * each distinct account's tier is looked up once rather than once per activity, and weighed by a
 * CASE over the `k` tiers whose weight is not 1 (bound as tier, weight pairs; any other tier, or
 * none, counts 1). Accounts only on a deal (n = 0) need no tier. The (id, tier) index (migration
 * 4) is named: the planner prefers the primary key's, which then reads the table row for the tier.
 * Profiled (issue 16): grouping per (rep, tier) and weighing in JavaScript cost ~90 ms more CPU at
 * 10,000 reps (a second sort of the pairs and four times the rows) than this.
 */
const tierVisitsSql = (k: number): string =>
  `SELECT p.rep AS rep, SUM(p.n) AS visits, COUNT(p.account) AS accountsServed,
     SUM(p.n * ${k === 0 ? '1' : `CASE acc.tier${' WHEN ? THEN ?'.repeat(k)} ELSE 1 END`}) AS weightedVisits
   FROM (${PAIRS}) p LEFT JOIN accounts acc INDEXED BY accounts__id__tier ON p.n > 0 AND acc.id = p.account GROUP BY p.rep`;

/** Only when a query asks (scoring coverage): see ActualsQuery. */
const OPTIONAL_QUERIES = {
  // One index probe (account, date) per owned key account: covered when anyone has an activity on
  // it from its tier's first covering day (computed by the domain, cadence.ts) up to asOf. The owned
  // accounts come from the (tier, owner, id) index (migration 5), named so no table row is read.
  // Measured at 10,000 reps (issue 16): deciding coverage from the period's pass instead (each
  // pair's latest activity, then each account's) cost more than these 100,000 probes, both in SQL
  // (the pairs materialised and grouped again: ~+180 ms CPU) and through a JavaScript function (~+300 ms).
  coverage: `WITH cad(tier, since) AS (SELECT key, value FROM json_each(?)),
     owned AS (
       SELECT acc.id AS account, acc.owner_id AS rep, cad.since AS since
       FROM accounts acc INDEXED BY accounts__tier__owner_id__id JOIN cad ON cad.tier = acc.tier
       WHERE acc.owner_id IS NOT NULL${REP_FILTER('acc.owner_id')}
     )
     SELECT o.rep AS rep, COUNT(*) AS keyAccountsOwned,
       SUM(EXISTS (SELECT 1 FROM activities x WHERE x.account_id = o.account AND x.date BETWEEN o.since AND ?)) AS keyAccountsCovered
     FROM owned o GROUP BY o.rep`,
} as const;

/**
 * The raw figures each query yields (its columns but `rep`), `onRequest` for the optional ones:
 * test/store/raw-figures.test.ts checks them against domain/model/raw-figures.ts.
 */
export function actualsColumns(db: Database.Database): { query: string; onRequest: boolean; figures: string[] }[] {
  const columns = (sql: string): string[] => db.prepare(expand(sql, 'all')).columns().map((c) => c.name).filter((n) => n !== 'rep');
  return [
    ...Object.entries(QUERIES).map(([query, sql]) => ({ query, onRequest: false, figures: columns(sql) })),
    // tierVisits also yields visits and accountsServed, counted then instead of visitsServed: figures
    // the store always gives.
    { query: 'tierVisits', onRequest: true, figures: columns(tierVisitsSql(0)).filter((f) => f !== 'visits' && f !== 'accountsServed') },
    ...Object.entries(OPTIONAL_QUERIES).map(([query, sql]) => ({ query, onRequest: true, figures: columns(sql) })),
  ];
}

/**
 * Adds a statement's rows into the per-rep actuals: the first column is the rep, every other a
 * raw figure by its domain name (model/raw-figures.ts), checked once per statement. Rows are read
 * as arrays: at 10,000 reps the six per-rep queries return 60,000 rows, and an object per row,
 * spread into another, was a measurable share of the JavaScript side (issue 16).
 */
function addRows(out: Map<string, RawActuals>, st: Database.Statement, params: unknown[]): void {
  const names = figureNames(st);
  for (const row of st.raw(true).all(...params) as unknown[][]) {
    const rep = row[0] as string;
    const own = out.get(rep) ?? out.set(rep, emptyActuals()).get(rep)!;
    for (let i = 1; i < row.length; i++) {
      const v = row[i];
      if (typeof v === 'number' && Number.isFinite(v)) own[names[i]!] += v;
      else if (v !== null) throw new Error(`raw figure "${names[i]!}" is ${String(v)}, not a number`);
    }
  }
}
const NAMES = new WeakMap<Database.Statement, RawFigure[]>();
function figureNames(st: Database.Statement): RawFigure[] {
  let names = NAMES.get(st);
  if (!names) {
    const [rep, ...figures] = st.columns().map((c) => c.name);
    if (rep !== 'rep') throw new Error(`an actuals query starts with its rep column, not "${String(rep)}"`);
    for (const f of figures) if (!isRawFigure(f)) throw new Error(`"${f}" is not a raw figure (see domain/model/raw-figures.ts)`);
    names = ['rep' as RawFigure, ...(figures as RawFigure[])];
    NAMES.set(st, names);
  }
  return names;
}

export function prepareActuals(db: Database.Database): (q: ActualsQuery) => Map<string, RawActuals> {
  const prepare = (v: Variant) =>
    Object.fromEntries(Object.entries(QUERIES).map(([k, sql]) => [k, db.prepare(expand(sql, v))])) as Record<
      keyof typeof QUERIES,
      Database.Statement
    >;
  const variants = { all: prepare('all'), reps: prepare('reps') };
  const coverage = { all: db.prepare(expand(OPTIONAL_QUERIES.coverage, 'all')), reps: db.prepare(expand(OPTIONAL_QUERIES.coverage, 'reps')) };
  // One statement per variant and number of weighted tiers (a template has at most 20), prepared
  // when first asked for.
  const tierStatements = new Map<string, Database.Statement>();
  const tierVisits = (v: Variant, k: number): Database.Statement => {
    const key = `${v}:${k}`;
    return tierStatements.get(key) ?? tierStatements.set(key, db.prepare(expand(tierVisitsSql(k), v))).get(key)!;
  };
  return (q) => {
    const s = q.repIds ? variants.reps : variants.all;
    const rf = q.repIds ? [JSON.stringify(q.repIds)] : [];
    const range = [q.from, q.to] as const;
    const out = new Map<string, RawActuals>();
    const merge = (st: Database.Statement, ...params: unknown[]): void => addRows(out, st, params);
    const v: Variant = q.repIds ? 'reps' : 'all';
    // With tier weights, visits and accounts served come from the same pass as the weighted visits.
    const weighted = q.tierWeights ? Object.entries(q.tierWeights).filter(([, w]) => w !== 1) : null;
    // One read transaction: every figure comes from the same snapshot.
    db.transaction(() => {
      if (weighted) merge(tierVisits(v, weighted.length), ...weighted.flat(), ...range, ...rf, ...range, ...rf);
      else merge(s.visitsServed, ...range, ...rf, ...range, ...rf);
      merge(s.deals, ...range, ...rf);
      merge(s.due, ...range, ...rf);
      merge(s.collected, ...range, q.to, ...rf);
      merge(s.feedback, ...range, ...rf);
      merge(s.peers, JSON.stringify(q.peerReviewPeriods), ...rf);
      merge(s.intel, ...range, ...rf);
      if (q.coverage) merge(coverage[v], JSON.stringify(coveredSinceByTier(q.coverage.asOf, q.coverage.cadenceDays)), ...rf, q.coverage.asOf);
    })();
    return out;
  };
}
