import { fork } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSqliteStore } from '../../src/adapters/embedded/sqlite-store.js';
import { outlineStats, renderTrendChart } from '../../src/adapters/render/png.js';
import { createSlackOutbound } from '../../src/adapters/slack/outbound.js';
import type { AppDeps } from '../../src/application/deps.js';
import { dispatchDue } from '../../src/application/delivery/dispatch.js';
import { enqueue } from '../../src/application/delivery/enqueue.js';
import { monthlyScorecard } from '../../src/application/jobs/monthly-scorecard.js';
import { HISTORY_PERIODS } from '../../src/application/past-totals.js';
import { scorePeriod } from '../../src/application/score-period.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import { periodsBefore, quarterOf, type Period } from '../../src/domain/period.js';
import { workCalendar } from '../../src/domain/work-calendar.js';
import type { ChartRenderer } from '../../src/ports/chat.js';
import { fixedClock } from '../../src/ports/clock.js';
import { silentLogger } from '../../src/ports/logger.js';
import { fmt, maxRss, mb, millis, percentiles, progress, say, secs, table, verdict } from './format.js';
import { generateBench } from './generate.js';

/**
 * The fan-out benchmark: a monthly scorecard round for `reps` reps, planned, queued and dispatched
 * to the loopback fake Slack API (in a child process) with pacing off (limits of 0), so the figure
 * is the cost of our side alone. Run twice: with the trend chart rendered to PNG and uploaded
 * (files.uploadV2, three calls), and without (the platform has no renderer: the message only).
 */
export interface FanoutOptions {
  reps: number;
  activities: number;
  /** Plan and enqueue only (one round, no dispatch): the figure the < 3 s target is about, quickly. */
  planOnly?: boolean;
  /** Write a CPU profile of plan + enqueue (setup and dispatch left out) to this file. */
  profile?: string;
  /**
   * Leave the four past quarters unpublished (a company in its first year with the bot): the round
   * then scores each of them from the activities. By default they are published, as in a company
   * running its quarterly cycles, and the history reads their results.
   */
  unpublished?: boolean;
}

/**
 * Publishes each past quarter as /publish-results stores it (a cycle in `published`, one result
 * per graded rep with the frozen scorecard), without the messages: setup, not measured.
 */
async function publishPastQuarters(deps: AppDeps, quarters: readonly Period[]): Promise<number> {
  const everyone = await deps.store.people.find();
  // Any manager stands in for the HR person who published (publishedBy must name someone stored).
  const publisher = everyone.find((p) => p.roles.includes('manager'))!;
  const at = deps.clock.now().toISOString();
  let n = 0;
  for (const period of quarters) {
    const scores = await scorePeriod(deps, period, { everyone });
    await deps.store.cycles.insert({ id: `cycle-${period.key}`, periodKey: period.key, templateId: scores.template.key, templateVersion: scores.template.version, state: 'published', createdAt: at, createdBy: publisher.id, updatedAt: at });
    const results = [...scores.reps.values()]
      .filter((s) => !s.card.noData)
      .map((s) => ({ id: `result-${period.key}-${s.rep.id}`, periodKey: period.key, repId: s.rep.id, version: 1, scorecard: s.card, awardIds: [], publishedAt: at, publishedBy: publisher.id, reason: 'first publication' }));
    n += await deps.store.results.insertMany(results);
  }
  return n;
}

/** The first work day of December: the job is due, and four complete quarters lie behind. */
const RUN_DATE = '2026-12-01';
const clock = fixedClock(`${RUN_DATE}T10:00:00+08:00`);

/** Wall time and this process's CPU time (all threads) of one step. */
async function time<T>(fn: () => Promise<T>): Promise<[T, number, number]> {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const r = await fn();
  const used = process.cpuUsage(cpu);
  return [r, performance.now() - t, (used.user + used.system) / 1000];
}
const TARGET = { chartP95Ms: 10, planAndQueueCpuMs: 3000, roundReps: 5000 };

function roundVerdict(reps: number, cpuMs: number, messages: number): string {
  return reps >= TARGET.roundReps
    ? `< ${secs(TARGET.planAndQueueCpuMs)} for ${fmt(TARGET.roundReps)} reps: ${verdict(cpuMs < TARGET.planAndQueueCpuMs)}`
    : `target < ${secs(TARGET.planAndQueueCpuMs)} is for ${fmt(TARGET.roundReps)} reps; ${millis(cpuMs / Math.max(1, messages))}/rep here`;
}

/** The V8 sampling profiler over just the measured steps (node --cpu-prof would include setup). */
async function startProfile(): Promise<{ stop(file: string): Promise<string> }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  return {
    async stop(file) {
      const { profile } = await session.post('Profiler.stop');
      fs.writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
      return file;
    },
  };
}

export async function runFanout(o: FanoutOptions): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-fanout-'));
  const store = openSqliteStore({ dataDir: dir });
  const child = fork(fileURLToPath(new URL('./fanout-fake.ts', import.meta.url)), [], { execArgv: process.execArgv.filter((a) => !a.startsWith('--cpu-prof')) });
  const ask = async <T>(m: string): Promise<T> => {
    child.send(m);
    return (await once(child, 'message'))[0] as T;
  };
  try {
    const [{ apiUrl }] = (await once(child, 'message')) as [{ apiUrl: string }];
    say(`Fan-out benchmark: monthly scorecard round, ${fmt(o.reps)} reps, ~${fmt(o.activities)} activities, run date ${RUN_DATE}; fake Slack API in a child process, pacing off`);
    const deps: AppDeps = {
      store,
      clock,
      logger: silentLogger,
      newId: () => crypto.randomUUID(),
      settings: { companyTimeZone: 'Asia/Shanghai', baseCurrency: 'CNY', fxRates: { CNY: 1 }, paymentTermsDays: 30, admins: [], defaultLocale: 'en' },
    };
    await ensureDefaultTemplate(deps);
    const [, loadMs] = await time(async () => {
      for (const batch of generateBench({ reps: o.reps, activities: o.activities, today: RUN_DATE, createdAt: clock.now().toISOString(), batchSize: 20_000 })) {
        await (store[batch.collection].insertMany as (r: readonly unknown[]) => Promise<number>)(batch.records);
      }
    });
    say(`Generated and loaded the organisation (setup, not measured): ${secs(loadMs)}`);
    const past = periodsBefore(quarterOf(RUN_DATE), HISTORY_PERIODS);
    if (o.unpublished) say(`Past quarters ${past.map((p) => p.key).join(', ')}: never published (--fanout-unpublished); the round scores each of them`);
    else {
      const [n, publishMs] = await time(() => publishPastQuarters(deps, past));
      say(`Published the past quarters ${past.map((p) => p.key).join(', ')} (${fmt(n)} results; setup, not measured): ${secs(publishMs)}`);
    }

    const history = o.unpublished ? 'score 5 quarters' : 'score the quarter, read 4 published';
    const rows: [string, string, string][] = [];
    const calendar = workCalendar({ holidays: [], makeUpDays: [] });
    for (const charts of o.planOnly ? [true] : [true, false]) {
      const label = charts ? 'with charts' : 'without charts';
      // Wall time and CPU time per chart: on a shared machine the CPU time is the steadier figure.
      const chartMs: number[] = [];
      const chartCpuMs: number[] = [];
      const render: ChartRenderer = (spec) => {
        const t = performance.now();
        const cpu = process.cpuUsage();
        const image = renderTrendChart(spec);
        const used = process.cpuUsage(cpu);
        chartCpuMs.push((used.user + used.system) / 1000);
        chartMs.push(performance.now() - t);
        return image;
      };
      const slack = createSlackOutbound({ botToken: 'xoxb-test-token', apiUrl, limits: { perTargetIntervalMs: 0, perPlatformIntervalMs: 0 }, ...(charts ? { renderChart: render } : {}) });
      const run = { date: RUN_DATE, runKey: `${RUN_DATE.slice(0, 7)}-${charts ? 'charts' : 'plain'}`, platforms: ['slack'] as const, calendar };
      progress(`${label}: planning …`);
      const profiler = charts && o.profile ? await startProfile() : undefined;
      const [deliveries, planMs, planCpu] = await time(() => monthlyScorecard.plan(deps, run));
      const [queued, enqueueMs, enqueueCpu] = await time(() => enqueue(deps, deliveries));
      if (profiler) say(`CPU profile of plan + enqueue: ${await profiler.stop(o.profile!)}`);
      if (o.planOnly) {
        rows.push(
          [`plan (${history}, build ${fmt(deliveries.length)} scorecards + chart specs)`, secs(planMs), `CPU ${secs(planCpu)}`],
          [`enqueue (${fmt(queued.queued)} outbox inserts)`, secs(enqueueMs), `CPU ${secs(enqueueCpu)}`],
          [`plan + enqueue, CPU`, secs(planCpu + enqueueCpu), roundVerdict(o.reps, planCpu + enqueueCpu, deliveries.length)],
          [`messages planned and queued per CPU second`, fmt(Math.round(queued.queued / ((planCpu + enqueueCpu) / 1000))), 'charts are rendered at dispatch (not run with --fanout-plan-only)'],
        );
        continue;
      }
      progress(`${label}: ${fmt(queued.queued)} queued; dispatching …`);
      const [report, dispatchMs] = await time(() => dispatchDue(deps, new Map([['slack', slack]]), { owner: 'bench', sleep: async () => {}, batch: 200 }));
      const stats = await ask<{ calls: Record<string, number>; uploads: number; uploadBytes: number }>('stats');
      await ask<unknown>('reset');
      const n = report.sent;
      const total = planMs + enqueueMs + dispatchMs;
      const renderMs = chartMs.reduce((a, b) => a + b, 0);
      const chart = chartMs.length ? percentiles(chartMs) : undefined;
      const chartCpu = chartCpuMs.length ? percentiles(chartCpuMs) : undefined;
      rows.push(
        [`${label}: plan (${history}, build ${fmt(deliveries.length)} scorecards${charts ? ' + chart specs' : ''})`, secs(planMs), `CPU ${secs(planCpu)}`],
        [`${label}: enqueue (outbox insert)`, secs(enqueueMs), `CPU ${secs(enqueueCpu)}`],
        [
          `${label}: plan + enqueue, CPU (before the first message)`,
          secs(planCpu + enqueueCpu),
          roundVerdict(o.reps, planCpu + enqueueCpu, deliveries.length),
        ],
        [`${label}: dispatch (${fmt(n)} sent, ${report.failed} failed)`, secs(dispatchMs), `${millis(dispatchMs / Math.max(1, n))}/message; calls ${Object.entries(stats.calls).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}`],
        ...(chart
          ? ([
              [`${label}: of which PNG rendering, ${fmt(chartMs.length)} charts`, secs(renderMs), `${fmt(Math.round(chartMs.length / (renderMs / 1000)))} charts/s; ${fmt(stats.uploads)} uploads, avg ${fmt(Math.round(stats.uploadBytes / Math.max(1, stats.uploads)))} bytes`],
              [`${label}: chart wall time p50 / p95 / max`, millis(chart.p50), `p95 ${millis(chart.p95)} (≤ ${TARGET.chartP95Ms} ms: ${verdict(chart.p95 <= TARGET.chartP95Ms)}), max ${millis(chart.max)}`],
              [`${label}: chart CPU time p50 / p95 / max`, millis(chartCpu!.p50), `p95 ${millis(chartCpu!.p95)} (≤ ${TARGET.chartP95Ms} ms: ${verdict(chartCpu!.p95 <= TARGET.chartP95Ms)}), max ${millis(chartCpu!.max)}; font loads ${outlineStats().fontLoads} for ${outlineStats().characters} characters`],
            ] as [string, string, string][])
          : []),
        [`${label}: total`, secs(total), `${fmt(Math.round(n / (total / 1000)))} messages/s overall; ${fmt(Math.round(n / (dispatchMs / 1000)))} messages/s in dispatch`],
      );
    }
    rows.push(['peak RSS (maxRSS, bench process incl. load)', mb(maxRss()), '']);
    say(`\n${table(rows)}`);
  } finally {
    child.send('stop');
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
