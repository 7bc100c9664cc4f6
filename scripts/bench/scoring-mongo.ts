import mongoose from 'mongoose';
import { openMongoStore } from '../../src/adapters/mongo/mongo-store.js';
import { ACTUALS_PIPELINES, publishedTotalsPipeline } from '../../src/adapters/mongo/pipelines.js';
import { peerReviewKeys, type Period } from '../../src/domain/period.js';
import { tierCadences, tierVisitWeights } from '../../src/domain/model/template.js';
import type { ActualsQuery } from '../../src/ports/store.js';
import type { ScanResult } from './baselines.js';
import { fmt, say } from './format.js';
import { benchPeriods } from './generate.js';
import { TODAY, clock, load, measure, tieredTemplate, type ScoringOptions } from './scoring.js';

/**
 * The scoring benchmark on MongoDB (`npm run bench -- --only scoring --store mongo`, needs
 * MONGODB_URI): the same organisation loaded into a fresh database, the same baselines read through
 * the driver (the period's rows with the index the pipelines use, every row, one query per rep per
 * indicator through the store), and each actuals pipeline's explain() showing the index it uses.
 * The database is dropped at the end unless --keep.
 */

/** The period's own rows, as the pipelines' $match stages select them, with the index each uses. */
function periodSlices(p: Period): { coll: string; filter: Record<string, unknown>; projection: Record<string, 1 | 0>; hint: Record<string, 1> }[] {
  const range = { $gte: p.from, $lte: p.to };
  const proj = (...f: string[]): Record<string, 1 | 0> => ({ _id: 0, ...Object.fromEntries(f.map((x) => [x, 1 as const])) });
  return [
    { coll: 'activities', filter: { date: range }, projection: proj('repId', 'accountId', 'date'), hint: { date: 1, repId: 1, accountId: 1 } },
    { coll: 'deals', filter: { signedDate: range }, projection: proj('repId', 'accountId', 'amountBase', 'units', 'firstWin'), hint: { signedDate: 1, repId: 1, accountId: 1, amountBase: 1, units: 1, firstWin: 1 } },
    { coll: 'deals', filter: { dueDate: range }, projection: proj('repId', 'amountBase'), hint: { dueDate: 1, repId: 1, amountBase: 1 } },
    { coll: 'payments', filter: { dueDate: range }, projection: proj('repId', 'receivedDate', 'amountBase'), hint: { dueDate: 1, repId: 1, receivedDate: 1, amountBase: 1 } },
    { coll: 'feedback', filter: { date: range }, projection: proj('repId', 'service', 'product'), hint: { date: 1, repId: 1, service: 1, product: 1 } },
    { coll: 'peerReviews', filter: { periodKey: { $in: peerReviewKeys(p) } }, projection: proj('toId', 'collaboration'), hint: { periodKey: 1, toId: 1, collaboration: 1 } },
    { coll: 'intel', filter: { date: range }, projection: proj('repId'), hint: { date: 1, repId: 1 } },
  ];
}
const ALL_ROWS = ['activities', 'deals', 'payments', 'feedback', 'peerReviews', 'intel'];

/** Index names (or COLLSCAN) anywhere in an explain() answer. */
function stagesOf(explain: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, unknown>;
    if (o.stage === 'IXSCAN' || o.stage === 'COUNT_SCAN' || o.stage === 'DISTINCT_SCAN') out.push(`${String(o.stage)} ${String(o.indexName)}`);
    if (o.stage === 'COLLSCAN') out.push('COLLSCAN');
    for (const x of Object.values(o)) walk(x);
  };
  walk(explain);
  return [...new Set(out)];
}

export async function runScoringMongo(o: ScoringOptions, uri: string | undefined): Promise<void> {
  if (!uri) {
    throw new Error(
      '--store mongo needs MONGODB_URI (e.g. MONGODB_URI=mongodb://127.0.0.1:27017 npm run bench -- --only scoring --store mongo); ' +
        'the benchmark creates a fresh database kam_bench_<time> there and drops it afterwards unless --keep',
    );
  }
  const dbName = `kam_bench_${Date.now()}`;
  say(`Scoring benchmark on MongoDB: ${fmt(o.reps)} reps, ~${fmt(o.activities)} activities, today ${TODAY}, database ${dbName}`);
  const store = await openMongoStore({ uri, dbName, socketTimeoutMS: 600_000 });
  const conn = await mongoose.createConnection(uri, { dbName }).asPromise();
  const db = conn.db!;
  try {
    await load(store, o);
    const { scored } = benchPeriods(TODAY);
    const tiered = tieredTemplate(clock.now().toISOString());
    const q: ActualsQuery = {
      from: scored.from,
      to: scored.to,
      peerReviewPeriods: peerReviewKeys(scored),
      tierWeights: tierVisitWeights(tiered) ?? {},
      coverage: { asOf: scored.to, cadenceDays: tierCadences(tiered) },
    };
    const plans: string[] = [];
    let allIndexed = true;
    for (const p of ACTUALS_PIPELINES) {
      const pipeline = p.build(q);
      if (!pipeline) continue;
      const stages = stagesOf(await db.collection(p.collection).aggregate(pipeline).explain('queryPlanner'));
      if (stages.includes('COLLSCAN') || !stages.some((s) => s.includes('SCAN '))) allIndexed = false;
      plans.push(`    ${p.collection} ${Object.keys(pipeline[0] ?? {}).join('')} ${JSON.stringify((pipeline[0] as { $match?: unknown }).$match ?? {}).slice(0, 80)}: ${stages.join(', ') || '(no stage found)'}`);
    }
    // The history's published totals (the monthly round reads four quarters of them).
    const published = publishedTotalsPipeline({ periodKeys: [scored.key] });
    const publishedStages = stagesOf(await db.collection('results').aggregate(published).explain('queryPlanner'));
    plans.push(`    results (publishedTotals) $match {"periodKey":{"$in":["${scored.key}"]}}: ${publishedStages.join(', ') || '(no stage found)'}`);
    say(`Pipelines' explain() (queryPlanner):\n${plans.join('\n')}\nEvery actuals pipeline starts on an index: ${allIndexed ? 'yes' : 'NO'}`);
    // Activities dated in the period are counted while reading (the sanity check against the scorecards' visits).
    const scan = async (slices: ReturnType<typeof periodSlices>, p: Period): Promise<ScanResult> => {
      let rows = 0;
      let periodActivities = 0;
      for (const s of slices) {
        for await (const doc of db.collection(s.coll).find(s.filter, { projection: s.projection, hint: s.hint, batchSize: 10_000 })) {
          rows++;
          if (s.coll === 'activities' && doc.date >= p.from && doc.date <= p.to) periodActivities++;
        }
      }
      return { rows, periodActivities };
    };
    await measure(
      store,
      {
        period: (p) => scan(periodSlices(p), p),
        all: (p) => scan(ALL_ROWS.map((coll) => ({ coll, filter: {}, projection: { _id: 0, repId: 1, date: 1 }, hint: { _id: 1 } })), p),
      },
      o.runs,
    );
  } finally {
    if (!o.keep) await db.dropDatabase();
    else say(`Kept database ${dbName}`);
    await conn.close();
    await store.close();
  }
}
