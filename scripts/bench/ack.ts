import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { databasePath, openSqliteStore } from '../../src/adapters/embedded/sqlite-store.js';
import { close, createHttpServer, listen, type RequestListener } from '../../src/adapters/http/server.js';
import { createSlackAdapter } from '../../src/adapters/slack/slack-app.js';
import type { AppDeps } from '../../src/application/deps.js';
import { seedDemo } from '../../src/application/seed-demo.js';
import { addDays, todayIn } from '../../src/domain/dates.js';
import { hasRole } from '../../src/domain/model/people.js';
import { systemClock } from '../../src/ports/clock.js';
import { problemLogger, startSlackSide, timedStore } from './ack-harness.js';
import type { VisitSpec } from './ack-slack.js';
import { fmt, millis, percentiles, progress, say, table, verdict, type Percentiles } from './format.js';

/**
 * The ack benchmark: the real Slack adapter (HTTP mode, processBeforeResponse false as in
 * production, so the HTTP response leaves when the listener acks) on a loopback port, over a fresh
 * embedded store holding the demo organisation. Slack's side (fake Web API and the sender) runs in
 * a child process. A `/visit` submission is validated and stored before its ack; the confirmation
 * goes to the response_url after it.
 */

export interface AckOptions {
  submissions: number;
  concurrency: number;
  warmup: number;
  keep: boolean;
  /** Open-loop arrival rates (per second), each for `seconds`. */
  rates: number[];
  seconds: number;
}

const TARGET_P99_MS = 100;
/** Issue 16: client-side p99 under 50 ms at 300 submissions/s arriving open-loop. */
const OPEN_LOOP_TARGET = { rate: 300, p99Ms: 50 };
/** When no listed rate reaches it, the open loop keeps raising the rate by this step to find where p99 crosses 100 ms. */
const RATE_STEP = 200;
const RATE_CAP = 2000;
const SECRET = 'bench-signing-secret';
const TZ = 'Asia/Shanghai';

/** Demo org plus a Slack identity (`slack:UREPnn`) on every active rep; the fake Slack knows them. */
async function seedOrg(deps: AppDeps) {
  const demo = await seedDemo(deps);
  const reps = (await deps.store.people.find()).filter((p) => hasRole(p, 'rep') && p.active);
  const users = [];
  for (const rep of reps) {
    const id = `UREP${rep.id.slice(-2)}`;
    await deps.store.people.put({ ...rep, identities: [...rep.identities, `slack:${id}`] });
    users.push({ id, name: rep.name, locale: rep.locale === 'zh-CN' ? 'zh-CN' : 'en-US', tz: TZ });
  }
  const accounts = await deps.store.accounts.find();
  return { demo, users, accounts };
}

const pctRow = (label: string, p: Percentiles): string[] => [label, millis(p.p50), millis(p.p95), millis(p.p99), millis(p.max)];

export async function runAck(o: AckOptions): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-ack-'));
  const raw = openSqliteStore({ dataDir: dir });
  const { store, spent } = timedStore(raw);
  const logger = problemLogger();
  const settings = { companyTimeZone: TZ, baseCurrency: 'CNY', fxRates: { CNY: 1 }, paymentTermsDays: 30, admins: [] as string[], defaultLocale: 'en' as const };
  const deps: AppDeps = { store, clock: systemClock, logger, newId: randomUUID, settings };
  const slack = startSlackSide();
  let server: ReturnType<typeof createHttpServer> | undefined;
  try {
    const { demo, users, accounts } = await seedOrg(deps);
    const { apiUrl } = await slack.ask({ type: 'init', users }, 'ready');
    const adapter = createSlackAdapter(deps, { botToken: 'xoxb-bench', signingSecret: SECRET, apiUrl, defaultLocale: 'en', processBeforeResponse: false, retries: 0 });
    await adapter.start();
    // Server-side time: from the request reaching the listener (headers parsed) to res 'finish'
    // (the last byte of the ack handed to the OS).
    let serverMs: number[] = [];
    const timed: RequestListener = (req, res) => {
      const t0 = performance.now();
      res.once('finish', () => serverMs.push(performance.now() - t0));
      adapter.listener!(req, res);
    };
    server = createHttpServer(new Map([['/slack/events', timed]]), logger);
    const url = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}/slack/events`;
    say(
      `Ack benchmark: ${fmt(o.submissions)} signed /visit view_submissions, ${o.concurrency} in flight, after ${fmt(o.warmup)} warm-up; ` +
        `Slack adapter in HTTP mode (processBeforeResponse false) at ${url}; embedded store ${databasePath(dir)} with the demo org ` +
        `(${users.length} active reps with Slack identities, ${accounts.length} accounts, ${fmt(demo.activities)} activities); ` +
        `${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(2)}`,
    );

    const today = todayIn(TZ, new Date());
    const spec = (i: number, phase: string): VisitSpec => {
      const account = accounts[i % accounts.length]!;
      const date = addDays(today, -(i % 5));
      return { user: users[i % users.length]!.id, accountId: account.id, accountName: account.name, date, nextStepDate: addDays(date, 7), viewId: `VBENCH${phase}${i}`, responseId: `${phase}-${i}` };
    };
    const before = await store.activities.count();
    const phase = async (name: string, from: number, n: number, rate?: number) => {
      const specs = Array.from({ length: n }, (_, k) => spec(from + k, name));
      serverMs = [];
      spent.clear();
      const loop = monitorEventLoopDelay({ resolution: 1 });
      loop.enable();
      const cpu = process.cpuUsage();
      const elu = performance.eventLoopUtilization();
      const sent = rate
        ? await slack.ask({ type: 'arrive', url, secret: SECRET, rate, seed: rate, specs }, 'sent')
        : await slack.ask({ type: 'send', url, secret: SECRET, concurrency: o.concurrency, specs }, 'sent');
      const cpuMs = (({ user, system }) => (user + system) / 1000)(process.cpuUsage(cpu));
      const busy = performance.eventLoopUtilization(elu);
      loop.disable();
      const server = [...serverMs];
      const storeMs = new Map(spent);
      const confirmed = await slack.ask({ type: 'confirmations', ids: specs.map((s) => s.responseId), timeoutMs: 60_000 }, 'confirmations');
      return { specs, sent, server, storeMs, cpuMs, busy, loopP99: loop.percentile(99) / 1e6, loopMax: loop.max / 1e6, confirmed };
    };
    progress(`warm-up: ${fmt(o.warmup)} submissions …`);
    const warm = await phase('warmup', 0, o.warmup);
    progress(`warm-up done: client p50 ${millis(percentiles(warm.sent.latencies).p50)}, max ${millis(percentiles(warm.sent.latencies).max)}; measuring …`);
    const run = await phase('run', o.warmup, o.submissions);
    const stored = (await store.activities.count()) - before;
    const storedRun = await store.activities.count({ requestId: { in: run.specs.map((s) => `slack:${s.viewId}`) } });

    const client = percentiles(run.sent.latencies);
    const srv = percentiles(run.server);
    const rps = o.submissions / (run.sent.wallMs / 1000);
    const acked = (run.sent.statuses['200'] ?? 0) - run.sent.nonEmptyBodies.length;
    const ok = (b: boolean): string => (b ? '✓' : '✗');
    const total = o.warmup + o.submissions;
    const checks = [
      `activities stored +${fmt(stored)} (expected ${fmt(o.warmup)} warm-up + ${fmt(o.submissions)} = ${fmt(total)}) ${ok(stored === total)}`,
      `measured submissions found by request id ${fmt(storedRun)}/${fmt(o.submissions)} ${ok(storedRun === o.submissions)}`,
      `HTTP statuses ${JSON.stringify(run.sent.statuses)}, plain acks (200, empty body) ${fmt(acked)}/${fmt(o.submissions)} ${ok(acked === o.submissions)}${run.sent.nonEmptyBodies.length ? ` e.g. ${run.sent.nonEmptyBodies[0]}` : ''}`,
      `confirmations on the fake's response_url ${fmt(warm.confirmed.received + run.confirmed.received)}/${fmt(total)} (measured ${fmt(run.confirmed.received)}/${fmt(o.submissions)}, all ":white_check_mark: …" ${ok(run.confirmed.notOk.length === 0 && warm.confirmed.notOk.length === 0)}) ${ok(run.confirmed.received === o.submissions && warm.confirmed.received === o.warmup)}`,
      `fake Web API calls: users.info ${warm.confirmed.calls['users.info'] ?? 0} in the warm-up (each rep's first submissions), ${(run.confirmed.calls['users.info'] ?? 0) - (warm.confirmed.calls['users.info'] ?? 0)} in the measured run; all calls ${JSON.stringify(run.confirmed.calls)}`,
      `app warnings/errors logged: ${logger.problems.length}${logger.problems.length ? ` e.g. ${logger.problems[0]}` : ''}`,
    ];
    if (checks.some((c) => c.endsWith('✗'))) process.exitCode = 1;
    say(`\nSanity:\n${checks.map((c) => `  ${c}`).join('\n')}${run.confirmed.notOk.length ? `\n  not ok: ${run.confirmed.notOk.join(' | ')}` : ''}`);
    const storeTotal = [...run.storeMs.values()].reduce((a, e) => a + e.ms, 0);
    const storeTop = [...run.storeMs]
      .sort((a, b) => b[1].ms - a[1].ms)
      .slice(0, 4)
      .map(([k, e]) => `${k} ${(e.ms / o.submissions).toFixed(2)} ms (${fmt(e.n)} calls)`)
      .join(', ');
    const head = ['', 'p50', 'p95', 'p99', 'max'];
    const rows = [
      head,
      pctRow('client side: send → whole HTTP response (the ack as Slack sees it, over loopback)', client),
      pctRow('server side: request at the listener → res finish', srv),
    ];
    const w = rows.map((r) => r[0]!.length).reduce((a, b) => Math.max(a, b));
    say(`\n${rows.map((r) => [r[0]!.padEnd(w), ...r.slice(1).map((c) => c.padStart(9))].join('  ')).join('\n')}`);
    say(
      `\n${table([
        ['throughput (client side, measured run)', `${fmt(Math.round(rps))}/s`, `${fmt(o.submissions)} in ${millis(run.sent.wallMs)}; mean payload ${fmt(run.sent.payloadBytes)} bytes`],
        [`p99 ack < ${TARGET_P99_MS} ms, client side`, millis(client.p99), verdict(client.p99 < TARGET_P99_MS)],
        [`p99 ack < ${TARGET_P99_MS} ms, server side`, millis(srv.p99), verdict(srv.p99 < TARGET_P99_MS)],
        ['app event loop busy per submission', millis(run.busy.active / o.submissions), `busy ${(run.busy.utilization * 100).toFixed(0)} % of the run; delay p99 ${millis(run.loopP99)}, max ${millis(run.loopMax)}`],
        ['  of which in store calls (synchronous SQLite)', millis(storeTotal / o.submissions), storeTop],
        ['app process CPU per submission (all threads)', millis(run.cpuMs / o.submissions), `incl. the after-ack confirmation post`],
        ['Slack side CPU per submission (sender + fake Web API)', millis(run.sent.cpuMs / o.submissions), 'separate process'],
        [`Little's law: ${o.concurrency} in flight ÷ throughput`, millis((o.concurrency / rps) * 1000), 'the mean client-side latency this throughput implies'],
      ])}`,
    );
    await openLoop(o, async (rate, from, n) => {
      const r = await phase(`open${rate}`, from, n, rate);
      const stored = await store.activities.count({ requestId: { in: r.specs.map((s) => `slack:${s.viewId}`) } });
      return { ...r, stored };
    }, o.warmup + o.submissions);
    const problems = logger.problems.filter((p) => !p.includes('SLACK_TEAM_ID'));
    say(`App warnings/errors over the whole run (besides SLACK_TEAM_ID unset): ${problems.length}${problems.length ? `, e.g. ${problems.slice(0, 3).join(' | ')}` : ''}`);
    say(
      '\nThe server-side time starts when the listener gets the request: a request that waits for the busy event loop ' +
        '(in the socket buffer, before Node parses it) is not in it. The client-side time includes that wait.',
    );
  } finally {
    if (server) await close(server);
    await slack.stop();
    await raw.close();
    if (o.keep) say(`Kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

type OpenPhase = (rate: number, from: number, n: number) => Promise<{
  sent: { latencies: number[]; statuses: Record<string, number>; nonEmptyBodies: string[]; wallMs: number };
  server: number[];
  busy: { active: number };
  cpuMs: number;
  stored: number;
  confirmed: { received: number };
}>;

/**
 * The open-loop table: at each rate, `seconds` worth of Poisson arrivals; then higher rates until
 * the client-side p99 crosses 100 ms (or the cap).
 */
async function openLoop(o: AckOptions, run: OpenPhase, firstIndex: number): Promise<void> {
  const rows: string[][] = [['rate', 'sent', 'achieved', 'client p50', 'p95', 'p99', 'max', 'server p99', 'loop busy/sub', 'CPU/sub', 'stored', 'non-200']];
  const p99At = new Map<number, number>();
  // What the non-200 answers were (refused connections under overload, error statuses, bodies), per rate.
  const notPlain: string[] = [];
  let from = firstIndex;
  const rates = [...o.rates].sort((a, b) => a - b);
  for (let i = 0; i < rates.length; i++) {
    const rate = rates[i]!;
    const n = Math.max(1, Math.round(rate * o.seconds));
    progress(`open loop: ${fmt(n)} arrivals at ${fmt(rate)}/s …`);
    const r = await run(rate, from, n);
    from += n;
    const c = percentiles(r.sent.latencies);
    const srv = percentiles(r.server);
    p99At.set(rate, c.p99);
    const non200 = n - (r.sent.statuses['200'] ?? 0) + r.sent.nonEmptyBodies.length;
    if (r.stored !== n || non200 > 0) process.exitCode = 1;
    if (non200 > 0) {
      const { '200': _plain, ...others } = r.sent.statuses;
      notPlain.push(`${fmt(rate)}/s: ${JSON.stringify(others)}${r.sent.nonEmptyBodies.length ? `, 200 with a body e.g. ${r.sent.nonEmptyBodies[0]}` : ''}`);
    }
    rows.push([
      `${fmt(rate)}/s`, fmt(n), `${fmt(Math.round(n / (r.sent.wallMs / 1000)))}/s`,
      millis(c.p50), millis(c.p95), millis(c.p99), millis(c.max), millis(srv.p99),
      millis(r.busy.active / n), millis(r.cpuMs / n), `${fmt(r.stored)}/${fmt(n)}`, String(non200),
    ]);
    const last = i === rates.length - 1;
    if (last && c.p99 <= TARGET_P99_MS && rate + RATE_STEP <= RATE_CAP) rates.push(rate + RATE_STEP);
  }
  const w = rows[0]!.map((_, k) => Math.max(...rows.map((r) => r[k]!.length)));
  say(`\nOpen loop (Poisson arrivals, ${o.seconds} s per rate; latency from each request's scheduled arrival to the whole response):`);
  say(rows.map((r) => r.map((c, k) => (k === 0 ? c.padEnd(w[k]!) : c.padStart(w[k]!))).join('  ')).join('\n'));
  if (notPlain.length) say(`Not plain acks: ${notPlain.join('; ')}`);
  const measured = [...p99At].sort((a, b) => a[0] - b[0]);
  const cross = measured.find(([, p]) => p > TARGET_P99_MS);
  const below = cross ? measured.filter(([r]) => r < cross[0]).at(-1) : undefined;
  const atTarget = p99At.get(OPEN_LOOP_TARGET.rate);
  say(
    `\n${table([
      [
        `client p99 < ${OPEN_LOOP_TARGET.p99Ms} ms at ${OPEN_LOOP_TARGET.rate}/s`,
        atTarget === undefined ? '—' : millis(atTarget),
        atTarget === undefined ? `not measured (add ${OPEN_LOOP_TARGET.rate} to --rates)` : verdict(atTarget < OPEN_LOOP_TARGET.p99Ms),
      ],
      [
        `rate at which client p99 crosses ${TARGET_P99_MS} ms`,
        cross ? `${fmt(cross[0])}/s` : '—',
        cross ? `p99 ${millis(cross[1])} there; ${below ? `${millis(below[1])} at ${fmt(below[0])}/s` : 'already at the lowest rate'}` : `not crossed up to ${fmt(measured.at(-1)![0])}/s`,
      ],
    ])}`,
  );
}
