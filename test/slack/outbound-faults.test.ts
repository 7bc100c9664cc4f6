import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderTrendChart } from '../../src/adapters/render/png.js';
import { createSlackOutbound } from '../../src/adapters/slack/outbound.js';
import { createSlackAdapter } from '../../src/adapters/slack/slack-app.js';
import { dispatchDue, type DispatchReport } from '../../src/application/delivery/dispatch.js';
import { enqueue, type Delivery } from '../../src/application/delivery/enqueue.js';
import type { DeliveryTarget } from '../../src/domain/model/delivery.js';
import type { ChatPlatform } from '../../src/ports/chat.js';
import { chartSpec } from '../helpers/chart.js';
import { FaultProxy } from '../helpers/fault-proxy.js';
import { testDeps } from '../helpers/temp-store.js';
import { FakeSlack } from './fake-slack.js';

/**
 * The outbox against Slack when Slack misbehaves, through the real dispatcher, the real Slack
 * sender and the embedded store: faults are injected by a proxy in front of the fake Web API.
 * Each test counts what reached Slack: every message exactly once.
 */
let fake: FakeSlack;
let proxy: FaultProxy;
let slack: ChatPlatform;
let deps: ReturnType<typeof testDeps>;
beforeEach(async () => {
  fake = new FakeSlack();
  await fake.start();
  proxy = new FaultProxy(fake.apiUrl.replace(/\/api\/$/, ''));
  await proxy.start();
  // A short deadline so a hung call ends quickly (the default is 10 s).
  slack = createSlackOutbound({ botToken: 'xoxb-test-token', apiUrl: `${proxy.url}/api/`, renderChart: renderTrendChart, timeoutMs: 300 });
  deps = testDeps('2026-11-30T01:00:00.000Z');
});
afterEach(async () => {
  await proxy.stop();
  await fake.stop();
  await deps.cleanup();
});

const sleep = async (ms: number) => deps.clock.advance(ms);
const dispatch = (owner = 'replica-a') => dispatchDue(deps, new Map([['slack', slack]]), { owner, sleep });
const delivery = (target: DeliveryTarget, text = 'Your scorecard'): Delivery => ({ job: 'monthly-scorecard', runKey: '2026-11', platform: 'slack', target, message: { text } });
const ann: DeliveryTarget = { kind: 'dm', identity: 'slack:UANN' };
const ranking: DeliveryTarget = { kind: 'channel', channel: 'slack:C0RANK' };

/** Dispatches, moving the clock past each back-off, until nothing is pending. */
async function drain(): Promise<DispatchReport[]> {
  const reports: DispatchReport[] = [];
  for (let i = 0; i < 12 && (await deps.store.outbox.count({ state: 'pending' })) > 0; i++) {
    reports.push(await dispatch());
    deps.clock.advance(3_600_000);
  }
  return reports;
}

const posted = () => fake.succeeded('chat.postMessage');

describe('Slack outbound under faults', () => {
  it('a hung chat.postMessage times out as a retried failure instead of stalling, and is sent once after', async () => {
    await enqueue(deps, [delivery(ann)]);
    proxy.failNext('chat.postMessage', 'hang');
    const first = await dispatch();
    expect(first).toEqual({ sent: 0, rateLimited: 0, retried: 1, failed: 0 });
    expect(await deps.store.outbox.find()).toEqual([expect.objectContaining({ state: 'pending', ambiguous: true })]);
    await drain();
    expect(posted()).toHaveLength(1);
    expect(await deps.store.outbox.find()).toEqual([expect.objectContaining({ state: 'sent' })]);
  });

  it('five resets after Slack accepted the DM: delivered once, no duplicates', async () => {
    await enqueue(deps, [delivery(ann)]);
    proxy.failNext('chat.postMessage', 'reset-after-accept', 5);
    await drain();
    expect(posted()).toHaveLength(1);
    const [item] = await deps.store.outbox.find();
    expect(item).toMatchObject({ state: 'sent', platformMessageId: expect.stringMatching(/^1700000000\./) });
    expect(item!.ambiguous).toBeUndefined();
  });

  it('a 5xx after Slack accepted a channel post: posted once (the channel history is checked too)', async () => {
    await enqueue(deps, [delivery(ranking, 'Weekly ranking')]);
    proxy.failNext('chat.postMessage', 'error-500-after-accept', 3);
    await drain();
    expect(posted().map((c) => c.params.channel)).toEqual(['C0RANK']);
    expect(fake.callsTo('conversations.history').map((c) => c.params.channel)).toEqual(['C0RANK']);
  });

  it('after a crash mid-send with the history unreadable for a while, waits for it instead of posting again', async () => {
    await enqueue(deps, [delivery(ann)]);
    // A replica claims the item, posts it, and dies before recording.
    const [claimed] = await deps.store.claimDeliveries({ now: deps.clock.now().toISOString(), owner: 'dead', claimUntil: '2026-11-30T01:01:00.000Z', limit: 1 });
    await slack.send(claimed!.target, { text: claimed!.message.text }, { idempotencyKey: claimed!.key, recovered: false });
    deps.clock.set('2026-11-30T01:02:00.000Z');
    fake.failNext('conversations.history', 'internal_error');
    expect(await dispatch()).toMatchObject({ sent: 0, retried: 1 });
    await drain();
    expect(posted()).toHaveLength(1);
    expect((await deps.store.outbox.find())[0]).toMatchObject({ state: 'sent' });
  });

  it('a scorecard recovered after a crash between the message and its chart gets the chart, not a second message', async () => {
    await enqueue(deps, [{ ...delivery(ann), message: { text: 'Your scorecard', chart: chartSpec('en') } }]);
    const [claimed] = await deps.store.claimDeliveries({ now: deps.clock.now().toISOString(), owner: 'dead', claimUntil: '2026-11-30T01:01:00.000Z', limit: 1 });
    // The dead replica got the message out, not the chart.
    const noChart = createSlackOutbound({ botToken: 'xoxb-test-token', apiUrl: fake.apiUrl });
    await noChart.send(claimed!.target, { text: claimed!.message.text }, { idempotencyKey: claimed!.key, recovered: false });
    deps.clock.set('2026-11-30T01:02:00.000Z');
    expect(await dispatch()).toMatchObject({ sent: 1 });
    expect(posted()).toHaveLength(1);
    expect(fake.succeeded('files.completeUploadExternal')).toHaveLength(1);
    // Recovered again (another crash before recording): neither goes out twice.
    const [again] = await deps.store.outbox.find();
    await deps.store.outbox.put({ ...again!, state: 'pending', ambiguous: true });
    await dispatch();
    expect(posted()).toHaveLength(1);
    expect(fake.succeeded('files.completeUploadExternal')).toHaveLength(1);
  });

  it('Slack unreachable for three hours (past the old 1 h 48 min give-up): every message delivered once when it is back', async () => {
    await enqueue(deps, [delivery(ann), delivery({ kind: 'dm', identity: 'slack:UBOB' }), delivery(ranking, 'Weekly ranking')]);
    // Every connection reset: a reset post is ambiguous (checked before the next try), the rest not.
    proxy.failNext('/api/', 'reset-before', 1000);
    for (let i = 0; i < 18; i++) {
      await dispatch();
      deps.clock.advance(600_000);
    }
    expect((await deps.store.outbox.find()).map((o) => o.state)).toEqual(['pending', 'pending', 'pending']);
    proxy.releaseFaults();
    await drain();
    expect(posted().map((c) => c.params.channel).sort()).toEqual(['C0RANK', 'DUANN', 'DUBOB']);
  });

  it('a 429 storm delays but loses and duplicates nothing', async () => {
    await enqueue(deps, [delivery(ann), delivery({ kind: 'dm', identity: 'slack:UBOB' }), delivery(ranking, 'Weekly ranking')]);
    for (let i = 0; i < 6; i++) fake.rateLimitNext('chat.postMessage', 30);
    const r = await dispatch();
    expect(r).toMatchObject({ sent: 3, rateLimited: 6, failed: 0 });
    expect(posted()).toHaveLength(3);
  });

  it('the Slack app’s own Web API client has a deadline too (answers, uploads, DMs from commands)', async () => {
    const adapter = createSlackAdapter(deps, { botToken: 'xoxb-test-token', signingSecret: 's', apiUrl: `${proxy.url}/api/`, defaultLocale: 'en', retries: 0, timeoutMs: 300 });
    proxy.failNext('chat.postMessage', 'hang');
    await expect(adapter.app.client.chat.postMessage({ channel: 'C0RANK', text: 'x' })).rejects.toMatchObject({ code: 'slack_webapi_request_error' });
  });
});
