import { afterEach, describe, expect, it } from 'vitest';
import type http from 'node:http';
import { close, createHttpServer, listen } from '../../src/adapters/http/server.js';
import { createMetrics } from '../../src/adapters/ops/metrics.js';
import { readinessCheck } from '../../src/adapters/ops/readiness.js';
import { dispatchDue } from '../../src/application/delivery/dispatch.js';
import { silentLogger } from '../../src/ports/logger.js';
import { FlakyStore } from '../helpers/flaky-store.js';
import { tempStore } from '../helpers/temp-store.js';
import { startHarness } from '../slack/harness.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function serve(routes: Map<string, http.RequestListener>, ops: Parameters<typeof createHttpServer>[2]): Promise<string> {
  const server = createHttpServer(routes, silentLogger, ops);
  const port = await listen(server, 0, '127.0.0.1');
  cleanups.push(() => close(server));
  return `http://127.0.0.1:${port}`;
}

/** The value of one sample line of the Prometheus text, e.g. `name{label="x"}`. */
const sample = (text: string, series: string): number | undefined => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

describe('health, readiness and metrics endpoints', () => {
  it('answers /healthz, and /readyz 200 or 503 with what is not ready', async () => {
    const t = tempStore();
    const flaky = new FlakyStore(t.store);
    cleanups.push(t.cleanup);
    let slack = true;
    const base = await serve(new Map(), { readiness: readinessCheck({ store: flaky.store, platforms: { slack: () => slack }, timeoutMs: 200 }) });
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    const up = await fetch(`${base}/readyz`);
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({ status: 'ready', checks: { store: 'ok', slack: 'ok' } });
    flaky.mode = 'down';
    slack = false;
    const down = await fetch(`${base}/readyz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'not ready', checks: { store: 'unreachable: flaky store: down', slack: 'not connected' } });
    flaky.mode = 'up';
    slack = true;
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });

  it('exposes Prometheus metrics: ack latency of platform routes, outbox backlog, deliveries, rate-limit waits', async () => {
    const t = tempStore();
    cleanups.push(t.cleanup);
    const metrics = createMetrics({ store: t.store, defaultMetrics: false });
    const base = await serve(new Map([['/slack/events', (_req: http.IncomingMessage, res: http.ServerResponse) => res.end('ok')]]), { metrics });
    await fetch(`${base}/slack/events`, { method: 'POST', body: 'x' });
    await fetch(`${base}/slack/events`, { method: 'POST', body: 'x' });
    await t.store.outbox.insert({
      id: 'o1', key: 'k1', job: 'weekly-nudge', runKey: '2026-W48', platform: 'slack', target: { kind: 'dm', identity: 'slack:U1' },
      message: { text: 'hi' }, state: 'pending', attempts: 0, nextAttemptAt: '2026-01-01T00:00:00.000Z', notBefore: '2026-01-01T00:00:00.000Z', createdAt: '2026-01-01T00:00:00.000Z',
    } as never);
    metrics.rateLimitWait('lark', 'pacing', 250);
    const res = await fetch(`${base}/metrics`);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(sample(text, 'appraisal_ack_latency_seconds_count{platform="slack"}')).toBe(2);
    expect(sample(text, 'appraisal_outbox_backlog')).toBe(1);
    expect(sample(text, 'appraisal_rate_limit_waits_total{platform="lark",reason="pacing"}')).toBe(1);
    expect(sample(text, 'appraisal_rate_limit_wait_seconds_total{platform="lark",reason="pacing"}')).toBe(0.25);
    expect(text).toContain('# TYPE appraisal_deliveries_total counter');
  });

  it('counts deliveries through the dispatcher\'s outcome hook', async () => {
    const t = tempStore();
    cleanups.push(t.cleanup);
    const metrics = createMetrics({ store: t.store, defaultMetrics: false });
    await t.store.outbox.insert({
      id: 'o1', key: 'k1', job: 'weekly-nudge', runKey: '2026-W48', platform: 'slack', target: { kind: 'dm', identity: 'slack:U1' },
      message: { text: 'hi' }, state: 'pending', attempts: 0, nextAttemptAt: '2026-01-01T00:00:00.000Z', notBefore: '2026-01-01T00:00:00.000Z', createdAt: '2026-01-01T00:00:00.000Z',
    } as never);
    const platform = { limits: { perPlatformIntervalMs: 0, perTargetIntervalMs: 0 }, send: async () => ({ messageId: 'm1' }) };
    const deps = { store: t.store, clock: { now: () => new Date('2026-02-01T00:00:00Z') }, logger: silentLogger };
    await dispatchDue(deps, new Map([['slack', platform as never]]), { owner: 'me', sleep: async () => {}, onOutcome: ({ platform: p, outcome }) => metrics.delivery(p, outcome) });
    expect(sample(await metrics.registry.metrics(), 'appraisal_deliveries_total{platform="slack",outcome="sent"}')).toBe(1);
  });

  it('counts commands and form submissions handled, by platform and command', async () => {
    const t = tempStore();
    cleanups.push(t.cleanup);
    const metrics = createMetrics({ store: t.store, defaultMetrics: false });
    const h = await startHarness({ onCommand: (c) => metrics.commandHandled('slack', c) });
    cleanups.push(() => h.close());
    await h.command('UANN', '/visit', 'acme');
    await h.command('UANN', '/visit');
    await h.command('UANN', '/scorecard');
    const text = await metrics.registry.metrics();
    expect(sample(text, 'appraisal_commands_handled_total{platform="slack",command="/visit"}')).toBe(2);
    expect(sample(text, 'appraisal_commands_handled_total{platform="slack",command="/scorecard"}')).toBe(1);
  });
});
