import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { databasePath, openSqliteStore } from '../../src/adapters/embedded/sqlite-store.js';
import { scorePeriod, type PeriodScores } from '../../src/application/score-period.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import { KpiTemplateSchema, type KpiTemplate } from '../../src/domain/model/template.js';
import { defaultTemplate } from '../../src/domain/scoring/default-template.js';
import { fixedClock } from '../../src/ports/clock.js';
import type { Store } from '../../src/ports/store.js';
import type { Period } from '../../src/domain/period.js';
import { allRowsScan, periodScan, perRepQueries, scanPlans, type ScanResult } from './baselines.js';
import { fmt, maxRss, mb, median, millis, say, secs, table, verdict } from './format.js';
import { benchPeriods, generateBench } from './generate.js';

/**
 * The scoring benchmark: generates the organisation into a fresh temporary store (or reuses a
 * --keep'd one), then times scoring every rep for the last complete quarter against the baselines
 * in baselines.ts, side by side in one run.
 */

export interface ScoringOptions {
  reps: number;
  activities: number;
  runs: number;
  batch: number;
  keep: boolean;
  data: string | undefined;
}

/** Fixed "today" so every run scores the same quarter over the same data. */
export const TODAY = '2026-11-26';
export const clock = fixedClock(`${TODAY}T09:00:00+08:00`);
const TARGET = { ratio: 1.2, tieredRatio: 1.5, seconds: 10 };

/** Generates and loads through the store's own insertMany (validation and reference checks included). */
export async function load(store: Store, o: Pick<ScoringOptions, 'reps' | 'activities' | 'batch'>): Promise<void> {
  await ensureDefaultTemplate({ store, clock });
  const rows = new Map<string, number>();
  let insertMs = 0;
  let total = 0;
  let lastReport = performance.now();
  const t0 = performance.now();
  for (const batch of generateBench({ reps: o.reps, activities: o.activities, today: TODAY, createdAt: clock.now().toISOString(), batchSize: o.batch })) {
    const t = performance.now();
    await (store[batch.collection].insertMany as (r: readonly unknown[]) => Promise<number>)(batch.records);
    insertMs += performance.now() - t;
    total += batch.records.length;
    rows.set(batch.collection, (rows.get(batch.collection) ?? 0) + batch.records.length);
    if (performance.now() - lastReport > 10_000) {
      lastReport = performance.now();
      process.stderr.write(`  … ${fmt(total)} records loaded in ${secs(lastReport - t0)}\n`);
    }
  }
  const ms = performance.now() - t0;
  say(`Loaded ${fmt(total)} records: ${[...rows].map(([c, n]) => `${c} ${fmt(n)}`).join(', ')}`);
  say(`Load (setup, not measured): ${secs(ms)} total, ${secs(insertMs)} in insertMany = ${fmt(Math.round(total / (insertMs / 1000)))} rows/s validated and inserted; RSS peak so far ${mb(maxRss())}`);
}

function sanity(scores: PeriodScores, scan: ScanResult, perRepVisits: number): string {
  const grades = new Map<string, number>();
  for (const e of scores.ranking.ranked) grades.set(e.grade, (grades.get(e.grade) ?? 0) + 1);
  let visits = 0;
  for (const s of scores.reps.values()) visits += s.actuals.visits;
  const top = scores.ranking.ranked[0];
  const ok = (b: boolean): string => (b ? '✓' : '✗ MISMATCH');
  return [
    `${fmt(scores.reps.size)} reps scored, ${fmt(scores.ranking.ranked.length)} ranked, ${fmt(scores.ranking.unranked.length)} unranked`,
    `grades ${[...grades].sort().map(([g, n]) => `${g} ${fmt(n)}`).join(' · ')}`,
    `top ${top ? `${top.name} ${top.total}` : '—'}`,
    `visits in ${scores.period.key}: scorecards ${fmt(visits)} / period scan ${fmt(scan.periodActivities)} / per-rep queries ${fmt(perRepVisits)} ${ok(visits === scan.periodActivities && visits === perRepVisits)}`,
  ].join('; ');
}

/** CPU time (user + system, ms) of the last `time` call: a busy neighbour stretches wall time, not this. */
let lastCpu = 0;
const time = async <T>(fn: () => T | Promise<T>): Promise<[T, number]> => {
  const t = performance.now();
  const c = process.cpuUsage();
  const r = await fn();
  const used = process.cpuUsage(c);
  lastCpu = (used.user + used.system) / 1000;
  return [r, performance.now() - t];
};

/** The baselines' scans for one store: the period's own rows, and every row. */
export interface Scans {
  period(p: Period): ScanResult | Promise<ScanResult>;
  all(p: Period): ScanResult | Promise<ScanResult>;
}

/**
 * Times scoring against the baselines, interleaved, and prints the table. `cpuRatios`: also the
 * ratios in this process's CPU time, which a loaded machine does not stretch; only meaningful when
 * the store works in this process (the embedded one), not a database server.
 */
export async function measure(store: Store, scans: Scans, runs: number, cpuRatios = false): Promise<void> {
  const { scored } = benchPeriods(TODAY);
  {
    const ms = { period: [] as number[], all: [] as number[], score: [] as number[], tiered: [] as number[] };
    const cpu = { period: [] as number[], score: [] as number[], tiered: [] as number[] };
    let scan: ScanResult | undefined;
    let all: ScanResult | undefined;
    let scores: PeriodScores | undefined;
    let heapPeak = 0;
    const tiered = tieredTemplate(clock.now().toISOString());
    // Run 0 is the warm-up (page cache, statement preparation, JIT) and is not counted. The
    // measurements interleave, so a noisy neighbour slows every one of them alike.
    for (let run = 0; run <= runs; run++) {
      const [p, a] = await time(() => scans.period(scored));
      const aCpu = lastCpu;
      const [r, b] = await time(() => scans.all(scored));
      scan = p;
      all = r;
      scores = undefined;
      const [s, c] = await time(() => scorePeriod({ store, clock }, scored));
      const cCpu = lastCpu;
      scores = s;
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
      const [, d] = await time(() => scorePeriod({ store, clock }, scored, { template: tiered }));
      const dCpu = lastCpu;
      process.stderr.write(`  run ${run === 0 ? 'warm-up' : run}: period scan ${secs(a)}, all-rows scan ${secs(b)}, scorecards ${secs(c)}, with tiers and coverage ${secs(d)}\n`);
      if (run > 0) {
        ms.period.push(a);
        ms.all.push(b);
        ms.score.push(c);
        ms.tiered.push(d);
        cpu.period.push(aCpu);
        cpu.score.push(cCpu);
        cpu.tiered.push(dCpu);
      }
    }
    // Once, not a median: at one query per rep per indicator it is the slowest by far.
    const repIds = [...scores!.reps.keys()];
    const [perRepVisits, perRepMs] = await time(() => perRepQueries(store, scored, repIds));
    const [period, allRows, score, tier] = [median(ms.period), median(ms.all), median(ms.score), median(ms.tiered)];
    const med = `median of ${runs}`;
    const x = (a: number, b: number): string => `${(a / b).toFixed(2)}×`;
    const [cpuPeriod, cpuScore, cpuTier] = [median(cpu.period), median(cpu.score), median(cpu.tiered)];
    const cpuRows: [string, string, string][] = [
      [`CPU time (user + system): period scan ${secs(cpuPeriod)}, default ${secs(cpuScore)}, tiers + coverage ${secs(cpuTier)} (${med})`, '', 'not stretched by a busy machine'],
      ['CPU ratio default / period scan', x(cpuScore, cpuPeriod), `≤ ${TARGET.ratio}×: ${verdict(cpuScore / cpuPeriod <= TARGET.ratio)}`],
      ['CPU ratio tiers + coverage / period scan', x(cpuTier, cpuPeriod), `≤ ${TARGET.tieredRatio}×: ${verdict(cpuTier / cpuPeriod <= TARGET.tieredRatio)}`],
    ];
    const rows: [string, string, string][] = [
      [`period scan: the ${fmt(scan!.rows)} rows ${scored.key} needs, via the scoring indexes (${med})`, secs(period), 'the physical limit'],
      [`all-rows scan: ${fmt(all!.rows)} rows of all five quarters, table order (${med})`, secs(allRows), 'for information'],
      [`per-rep queries: ${fmt(repIds.length)} reps × 8 indicator queries (once)`, secs(perRepMs), `${millis(perRepMs / repIds.length)}/rep`],
      [`scorecards + ranking, default template, ${fmt(scores!.reps.size)} reps (${med})`, secs(score), `< ${TARGET.seconds} s: ${verdict(score < TARGET.seconds * 1000)}`],
      [`scorecards + ranking, tier-weighted visits and coverage (${med})`, secs(tier), ''],
      ['ratio default / period scan', x(score, period), `≤ ${TARGET.ratio}×: ${verdict(score / period <= TARGET.ratio)}`],
      ['ratio tiers + coverage / period scan', x(tier, period), `≤ ${TARGET.tieredRatio}×: ${verdict(tier / period <= TARGET.tieredRatio)}`],
      ...(cpuRatios ? cpuRows : []),
      ['ratio default / all-rows scan', x(score, allRows), 'for information'],
      ['ratio tiers + coverage / all-rows scan', x(tier, allRows), 'for information'],
      ['ratio per-rep queries / default', x(perRepMs, score), 'what one aggregate pass saves'],
      ['peak RSS (maxRSS, whole process incl. load)', mb(maxRss()), ''],
      ['peak heap used (sampled after each scoring)', mb(heapPeak), ''],
    ];
    say(`\nSanity: ${sanity(scores!, scan!, perRepVisits)}`);
    say(`\n${table(rows)}`);
  }
}

export async function runScoring(o: ScoringOptions): Promise<void> {
  const dir = o.data ? path.resolve(o.data) : fs.mkdtempSync(path.join(os.tmpdir(), 'kam-bench-'));
  const file = databasePath(dir);
  if (o.data && !fs.existsSync(file)) throw new Error(`--data ${dir} holds no ${path.basename(file)}`);
  say(`Scoring benchmark: ${fmt(o.reps)} reps, ~${fmt(o.activities)} activities, today ${TODAY}, store ${file}`);
  const store = openSqliteStore({ dataDir: dir });
  try {
    if (o.data) say('Reusing the data already in --data (no generation).');
    else await load(store, o);
    const reader = new Database(file, { readonly: true, fileMustExist: true });
    try {
      say(`Scan plans (separate read-only connection):\n${scanPlans(reader)}`);
      await measure(store, { period: (p) => periodScan(reader, p), all: (p) => allRowsScan(reader, p) }, o.runs, true);
    } finally {
      reader.close();
    }
  } finally {
    await store.close();
    if (!o.keep && !o.data) fs.rmSync(dir, { recursive: true, force: true });
    else say(`Kept ${dir}`);
  }
}

/** The seed template with visits weighted by tier (strategic 2 … C 0.5) and a coverage indicator. */
export function tieredTemplate(createdAt: string): KpiTemplate {
  const base = defaultTemplate(createdAt);
  return KpiTemplateSchema.parse({
    ...base,
    id: 'bench@1',
    key: 'bench',
    accountTiers: [
      { tier: 'strategic', visitWeight: 2, cadenceDays: 30 },
      { tier: 'A', visitWeight: 1.5, cadenceDays: 45 },
      { tier: 'B', visitWeight: 1, cadenceDays: 60 },
      { tier: 'C', visitWeight: 0.5, cadenceDays: 90 },
    ],
    categories: base.categories.map((c) =>
      c.key !== 'behaviour'
        ? c
        : { ...c, indicators: [...c.indicators.map((i) => ({ ...i, weight: i.weight * 0.9 })), { key: 'coverage', weight: 10, scoring: { type: 'ratio', cap: 1 }, missing: { policy: 'exclude' }, defaultTarget: 1 }] },
    ),
  });
}
