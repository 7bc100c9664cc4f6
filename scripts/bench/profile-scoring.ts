import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { databasePath, openSqliteStore } from '../../src/adapters/embedded/sqlite-store.js';
import { scorePeriod } from '../../src/application/score-period.js';
import { peerReviewKeys } from '../../src/domain/period.js';
import { tierCadences, tierVisitWeights } from '../../src/domain/model/template.js';
import { periodScan } from './baselines.js';
import { median, say } from './format.js';
import { benchPeriods } from './generate.js';
import { TODAY, clock, tieredTemplate } from './scoring.js';

/**
 * Where scoring's time goes, on a store kept by `npm run bench -- --only scoring --keep`:
 * `tsx scripts/bench/profile-scoring.ts --data DIR [--runs 9] [--only scan,score,…]`. Each run times, interleaved, the
 * period scan, the actuals query alone (default, with only the tier weights, with only coverage, and
 * tiered with both) and the whole scoring (default and tiered); the medians and their ratios to the
 * period scan are printed. Add `node --cpu-prof`
 * (through tsx) for a profile.
 */
const { values: args } = parseArgs({ options: { data: { type: 'string' }, runs: { type: 'string', default: '9' }, only: { type: 'string' } } });
if (!args.data) throw new Error('--data DIR is required (a store kept by the scoring bench)');
const dir = path.resolve(args.data);
const store = openSqliteStore({ dataDir: dir });
const reader = new Database(databasePath(dir), { readonly: true, fileMustExist: true });
const { scored } = benchPeriods(TODAY);
const tiered = tieredTemplate(clock.now().toISOString());
const base = { from: scored.from, to: scored.to, peerReviewPeriods: peerReviewKeys(scored) };
const weightsQ = { ...base, tierWeights: tierVisitWeights(tiered)! };
const coverageQ = { ...base, coverage: { asOf: scored.to, cadenceDays: tierCadences(tiered) } };
const tierQ = { ...weightsQ, ...coverageQ };
const KEYS = ['scan', 'actuals', 'actualsWeights', 'actualsCoverage', 'actualsTiered', 'score', 'scoreTiered'] as const;
const ms: Record<string, number[]> = Object.fromEntries(KEYS.map((k) => [k, []]));
const cpu: Record<string, number[]> = Object.fromEntries(KEYS.map((k) => [k, []]));
const only = args.only?.split(',');
const time = async (k: string, fn: () => unknown): Promise<void> => {
  if (only && !only.includes(k)) return;
  const t = performance.now();
  const c = process.cpuUsage();
  await fn();
  const used = process.cpuUsage(c);
  ms[k]!.push(performance.now() - t);
  cpu[k]!.push((used.user + used.system) / 1000);
};
const runs = Number(args.runs);
for (let run = 0; run <= runs; run++) {
  const before = Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, v.length]));
  await time('scan', () => periodScan(reader, scored));
  await time('actuals', () => store.periodActuals(base));
  await time('actualsWeights', () => store.periodActuals(weightsQ));
  await time('actualsCoverage', () => store.periodActuals(coverageQ));
  await time('actualsTiered', () => store.periodActuals(tierQ));
  await time('score', () => scorePeriod({ store, clock }, scored));
  await time('scoreTiered', () => scorePeriod({ store, clock }, scored, { template: tiered }));
  // Run 0 warms up (page cache, prepared statements, JIT) and is dropped.
  if (run === 0) for (const m of [ms, cpu]) for (const [k, v] of Object.entries(m)) v.length = before[k]!;
}
// CPU time (the process's user + system) as well as wall time: on a shared machine a busy
// neighbour stretches wall time by the run queue, not by the work done.
for (const [label, m] of [['wall', ms], ['CPU', cpu]] as const) {
  const scan = median(m.scan!);
  for (const [k, v] of Object.entries(m).filter(([, v]) => v.length)) {
    say(`${label.padEnd(4)} ${k.padEnd(15)} median ${median(v).toFixed(0).padStart(6)} ms  ${(median(v) / scan).toFixed(2)}× scan  [${v.map((x) => x.toFixed(0)).join(' ')}]`);
  }
}
reader.close();
await store.close();
