import { afterEach, describe, expect, it } from 'vitest';
import { APP_LIMITS, CHAT_LIMIT, RateWindows, type Pace } from '../../src/adapters/lark/rate-limit.js';
import { dmChat, startHarness, type Harness } from './harness.js';

/** A clock that only moves when the pacer waits: the pacing is checked without any real time. */
function manualPace(): Pace & { t: number; waits: number[] } {
  const p = {
    t: 1_000_000,
    waits: [] as number[],
    now: () => p.t,
    sleep: async (ms: number) => {
      p.waits.push(ms);
      p.t += ms;
    },
  };
  return p;
}

const slots = (chat: string) => [...APP_LIMITS.map((limit) => ({ key: `app:${limit.windowMs}`, limit })), { key: `to:${chat}`, limit: CHAT_LIMIT }];

describe('send pacing', () => {
  it('lets 5 messages a second into one chat and holds the 6th until the second is over', () => {
    const pace = manualPace();
    const w = new RateWindows(pace);
    const starts = Array.from({ length: 7 }, () => w.reserve(slots('oc_a')) - pace.t);
    expect(starts).toEqual([0, 0, 0, 0, 0, 1000, 1000]);
  });

  it('does not hold another chat, until the app-wide 50 a second is reached', () => {
    const pace = manualPace();
    const w = new RateWindows(pace);
    for (let i = 0; i < 5; i++) w.reserve(slots('oc_a'));
    expect(w.reserve(slots('oc_b')) - pace.t).toBe(0);
    for (let i = 0; i < 44; i++) w.reserve(slots(`oc_${i}`));
    expect(w.reserve(slots('oc_fresh')) - pace.t).toBe(1000);
  });

  it('keeps to 1,000 a minute across many chats', async () => {
    const pace = manualPace();
    const w = new RateWindows(pace);
    for (let i = 0; i < 1000; i++) await w.take(slots(`oc_${i}`));
    const before = pace.t;
    await w.take(slots('oc_last'));
    expect(pace.t - 1_000_000).toBeGreaterThanOrEqual(60_000);
    expect(pace.t).toBeGreaterThan(before);
  });
});

describe('rate-limit answers from Lark', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('backs off for the x-ogw-ratelimit-reset seconds on code 99991400, then sends', async () => {
    h = await startHarness();
    h.fake.rateLimitNext('message.create', 2);
    h.fake.rateLimitNext('message.create', 3, 400);
    await h.dm('ou_annlee', '/visit');
    await h.idle();
    expect(h.fake.callsTo('POST', '/open-apis/im/v1/messages')).toHaveLength(3);
    expect(h.sleeps).toEqual([2000, 3000]);
    expect(h.fake.sentTo(dmChat('ou_annlee'))).toHaveLength(1);
  });

  it('gives up after the configured retries without crashing', async () => {
    h = await startHarness({ retries: 1 });
    h.fake.rateLimitNext('message.create', 1);
    h.fake.rateLimitNext('message.create', 1);
    await h.dm('ou_annlee', '/visit');
    await h.idle();
    expect(h.fake.callsTo('POST', '/open-apis/im/v1/messages')).toHaveLength(2);
    expect(h.fake.sent).toEqual([]);
    await h.dm('ou_annlee', '/ranking');
    await h.idle();
    expect(h.fake.sent).toHaveLength(1);
  });

  it('backs off on a rate-limited card update too', async () => {
    h = await startHarness({ ackDeadlineMs: 0 });
    h.fake.rateLimitNext('message.patch', 4);
    const release = h.fake.holdContacts();
    await h.submit('ou_annlee', { form: 'intel' }, { topic: 'T', text: 'x' }, 'om_p');
    release();
    await h.idle();
    expect(h.sleeps).toEqual([4000]);
    expect(h.fake.patches.map((p) => p.messageId)).toEqual(['om_p']);
  });
});
