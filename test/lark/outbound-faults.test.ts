import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLarkOutbound } from '../../src/adapters/lark/outbound.js';
import { dispatchDue } from '../../src/application/delivery/dispatch.js';
import { enqueue, type Delivery } from '../../src/application/delivery/enqueue.js';
import type { ChatPlatform } from '../../src/ports/chat.js';
import { silentLogger } from '../../src/ports/logger.js';
import { FaultProxy } from '../helpers/fault-proxy.js';
import { testDeps } from '../helpers/temp-store.js';
import { APP_ID, APP_SECRET, FakeLark } from './fake-lark.js';

/** The outbox against Lark when Lark misbehaves: faults injected by a proxy in front of the fake Open API. */
let fake: FakeLark;
let proxy: FaultProxy;
let lark: ChatPlatform;
let deps: ReturnType<typeof testDeps>;
beforeEach(async () => {
  fake = new FakeLark();
  await fake.start();
  proxy = new FaultProxy(fake.url);
  await proxy.start();
  lark = createLarkOutbound({ appId: APP_ID, appSecret: APP_SECRET, domain: proxy.url, logger: silentLogger, timeoutMs: 300 });
  deps = testDeps('2026-11-30T01:00:00.000Z');
});
afterEach(async () => {
  await proxy.stop();
  await fake.stop();
  await deps.cleanup();
});

const sleep = async (ms: number) => deps.clock.advance(ms);
const dispatch = () => dispatchDue(deps, new Map([['lark', lark]]), { owner: 'replica-a', sleep });
const dm: Delivery = { job: 'monthly-scorecard', runKey: '2026-11', platform: 'lark', target: { kind: 'dm', identity: 'lark:ou_ann1' }, message: { text: 'Your scorecard' } };

async function drain(): Promise<void> {
  for (let i = 0; i < 12 && (await deps.store.outbox.count({ state: 'pending' })) > 0; i++) {
    await dispatch();
    deps.clock.advance(3_600_000);
  }
}

describe('Lark outbound under faults', () => {
  it('a hung message.create times out as a retried, ambiguous failure instead of stalling', async () => {
    await enqueue(deps, [dm]);
    proxy.failNext('/open-apis/im/v1/messages', 'hang');
    expect(await dispatch()).toEqual({ sent: 0, rateLimited: 0, retried: 1, failed: 0 });
    expect(await deps.store.outbox.find()).toEqual([expect.objectContaining({ state: 'pending', ambiguous: true })]);
    await drain();
    expect(fake.sent).toHaveLength(1);
  });

  it('five resets after Lark accepted the card: delivered once (same uuid on every retry)', async () => {
    await enqueue(deps, [dm]);
    proxy.failNext('/open-apis/im/v1/messages', 'reset-after-accept', 5);
    await drain();
    expect(fake.sent).toHaveLength(1);
    const uuids = new Set(fake.callsTo('POST', '/open-apis/im/v1/messages').map((c) => (c.body as { uuid: string }).uuid));
    expect(fake.callsTo('POST', '/open-apis/im/v1/messages')).toHaveLength(6);
    expect(uuids.size).toBe(1);
    expect((await deps.store.outbox.find())[0]).toMatchObject({ state: 'sent', platformMessageId: fake.sent[0]!.id });
  });
});
