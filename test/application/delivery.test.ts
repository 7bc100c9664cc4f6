import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchDue } from '../../src/application/delivery/dispatch.js';
import { enqueue, type Delivery } from '../../src/application/delivery/enqueue.js';
import type { DeliveryTarget, PlatformName } from '../../src/domain/model/delivery.js';
import { DeliveryError, type ChatPlatform, type OutgoingMessage } from '../../src/ports/chat.js';
import { testDeps } from '../helpers/temp-store.js';

/** An in-memory platform: records what it sent, and fails as a test script tells it to. */
class RecordingPlatform implements ChatPlatform {
  readonly name: PlatformName = 'slack';
  readonly limits = { perTargetIntervalMs: 1000, perPlatformIntervalMs: 0 };
  readonly sent: { target: DeliveryTarget; text: string; at: string; recovered: boolean }[] = [];
  /** Failures to answer, in order, before sending normally. */
  script: DeliveryError[] = [];
  constructor(private readonly now: () => Date) {}
  async send(target: DeliveryTarget, message: OutgoingMessage, opts: { idempotencyKey: string; recovered: boolean }) {
    const failure = this.script.shift();
    if (failure) throw failure;
    this.sent.push({ target, text: message.text, at: this.now().toISOString(), recovered: opts.recovered });
    return { messageId: `m${this.sent.length}` };
  }
}

let deps: ReturnType<typeof testDeps>;
let platform: RecordingPlatform;
const sleep = async (ms: number) => deps.clock.advance(ms);
const dispatch = (owner = 'replica-a') => dispatchDue(deps, new Map([['slack', platform]]), { owner, sleep });

const dm = (user: string, job = 'nudge', runKey = '2026-W48'): Delivery => ({
  job,
  runKey,
  platform: 'slack',
  target: { kind: 'dm', identity: `slack:${user}` },
  message: { text: `hello ${user}` },
});

beforeEach(() => {
  deps = testDeps('2026-11-30T01:00:00.000Z');
  platform = new RecordingPlatform(() => deps.clock.now());
});
afterEach(() => deps.cleanup());

describe('outbox and dispatcher', () => {
  it('queues each (job, run, recipient) once and sends it once', async () => {
    expect(await enqueue(deps, [dm('U1'), dm('U2'), dm('U1')])).toEqual({ queued: 2, skipped: 1 });
    expect(await enqueue(deps, [dm('U1')])).toEqual({ queued: 0, skipped: 1 });
    expect(await dispatch()).toEqual({ sent: 2, rateLimited: 0, retried: 0, failed: 0 });
    expect(await dispatch()).toEqual({ sent: 0, rateLimited: 0, retried: 0, failed: 0 });
    expect(platform.sent.map((s) => s.text).sort()).toEqual(['hello U1', 'hello U2']);
    expect((await deps.store.outbox.find({ state: 'sent' })).map((o) => o.platformMessageId).sort()).toEqual(['m1', 'm2']);
  });

  it('keeps to one message per second per channel', async () => {
    const channel = (n: number): Delivery => ({ job: 'ranking', runKey: `r${n}`, platform: 'slack', target: { kind: 'channel', channel: 'slack:C1' }, message: { text: `post ${n}` } });
    await enqueue(deps, [channel(1), channel(2), channel(3)]);
    await dispatch();
    expect(platform.sent.map((s) => s.at)).toEqual(['2026-11-30T01:00:00.000Z', '2026-11-30T01:00:01.000Z', '2026-11-30T01:00:02.000Z']);
  });

  it('waits for notBefore (the recipient’s local morning)', async () => {
    await enqueue(deps, [{ ...dm('U1'), notBefore: '2026-11-30T02:00:00.000Z' }]);
    await dispatch();
    expect(platform.sent).toHaveLength(0);
    deps.clock.set('2026-11-30T02:00:00.000Z');
    await dispatch();
    expect(platform.sent).toHaveLength(1);
  });

  it('delays on a 429 storm as the platform asks, and loses nothing', async () => {
    await enqueue(deps, ['U1', 'U2', 'U3'].map((u) => dm(u)));
    platform.script = Array.from({ length: 5 }, () => new DeliveryError('rate_limited', 'ratelimited', 30_000));
    const r = await dispatch();
    // Each 429 pauses the platform for the 30 s asked; the dispatcher waits and carries on.
    expect(r).toEqual({ sent: 3, rateLimited: 5, retried: 0, failed: 0 });
    expect(platform.sent.map((s) => s.text).sort()).toEqual(['hello U1', 'hello U2', 'hello U3']);
    expect(platform.sent[0]!.at >= '2026-11-30T01:02:30.000Z').toBe(true);
    // Rate limits are not failures: no attempt was counted against the item.
    expect((await deps.store.outbox.find({ state: 'sent' })).map((o) => o.attempts)).toEqual([1, 1, 1]);
  });

  it('retries transient failures with back-off for a day (an outage outlasts 8 attempts), then gives up and records why', async () => {
    await enqueue(deps, [dm('U1')]);
    platform.script = Array.from({ length: 100 }, () => new DeliveryError('transient', 'socket hang up'));
    for (let i = 0; i < 8; i++) {
      await dispatch();
      deps.clock.advance(3_600_000);
    }
    // Eight hours of outage: still waiting to be sent, not given up.
    expect((await deps.store.outbox.find())[0]).toMatchObject({ state: 'pending', attempts: 8 });
    for (let i = 0; i < 17; i++) {
      await dispatch();
      deps.clock.advance(3_600_000);
    }
    const [item] = await deps.store.outbox.find();
    expect(item).toMatchObject({ state: 'failed', attempts: 25, lastError: 'socket hang up' });
    expect(platform.sent).toHaveLength(0);
  });

  it('after an ambiguous failure, every later attempt is told to check first, also after a rate limit', async () => {
    await enqueue(deps, [dm('U1')]);
    platform.script = [new DeliveryError('transient', 'timeout', undefined, true), new DeliveryError('rate_limited', 'ratelimited', 1000)];
    await dispatch();
    deps.clock.advance(60_000);
    await dispatch();
    deps.clock.advance(60_000);
    await dispatch();
    expect(platform.sent).toEqual([expect.objectContaining({ recovered: true })]);
    expect((await deps.store.outbox.find())[0]!.ambiguous).toBeUndefined();
  });

  it('gives up at once on a permanent failure', async () => {
    await enqueue(deps, [dm('U1'), dm('U2')]);
    platform.script = [new DeliveryError('permanent', 'user_not_found')];
    const r = await dispatch();
    expect(r).toMatchObject({ sent: 1, failed: 1 });
    expect((await deps.store.outbox.find({ state: 'failed' }))[0]!.lastError).toBe('user_not_found');
  });

  it('resumes after a crash between claim and send, telling the platform it may be a repeat', async () => {
    await enqueue(deps, [dm('U1')]);
    // A dispatcher claims the item and dies before sending.
    await deps.store.claimDeliveries({ now: deps.clock.now().toISOString(), owner: 'dead', claimUntil: '2026-11-30T01:01:00.000Z', limit: 10 });
    await dispatch();
    expect(platform.sent).toHaveLength(0); // still claimed by the dead one
    deps.clock.set('2026-11-30T01:01:00.000Z');
    await dispatch();
    expect(platform.sent).toEqual([expect.objectContaining({ text: 'hello U1', recovered: true })]);
  });

  it('two replicas dispatching at once send every message exactly once', async () => {
    await enqueue(deps, Array.from({ length: 30 }, (_, i) => dm(`U${i}`)));
    await Promise.all([dispatch('replica-a'), dispatch('replica-b')]);
    const texts = platform.sent.map((s) => s.text);
    expect(texts).toHaveLength(30);
    expect(new Set(texts).size).toBe(30);
  });
});
