import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLarkOutbound } from '../../src/adapters/lark/outbound.js';
import { silentLogger } from '../../src/ports/logger.js';
import { DeliveryError, type ChatPlatform } from '../../src/ports/chat.js';
import { APP_ID, APP_SECRET, FakeLark } from './fake-lark.js';

let fake: FakeLark;
let lark: ChatPlatform;
beforeEach(async () => {
  fake = new FakeLark();
  await fake.start();
  lark = createLarkOutbound({ appId: APP_ID, appSecret: APP_SECRET, domain: fake.url, logger: silentLogger });
});
afterEach(() => fake.stop());

const opts = { idempotencyKey: 'monthly-scorecard:2026-12:lark:ou_ann1', recovered: false };

describe('Lark outbound (scheduled posts and DMs)', () => {
  it('sends a DM card to the open_id and a channel card to the chat, each with a uuid from its key', async () => {
    await lark.send({ kind: 'dm', identity: 'lark:ou_ann1' }, { text: 'Your scorecard', view: { title: 'T', blocks: [{ type: 'header', text: 'December' }] } }, opts);
    await lark.send({ kind: 'channel', channel: 'lark:oc_rank' }, { text: 'Weekly ranking' }, { ...opts, idempotencyKey: 'weekly-ranking:2026-W48:lark:oc_rank' });
    expect(fake.sent.map((m) => [m.receiveIdType, m.receiveId, m.msgType])).toEqual([
      ['open_id', 'ou_ann1', 'interactive'],
      ['chat_id', 'oc_rank', 'interactive'],
    ]);
    const bodies = fake.callsTo('POST', '/open-apis/im/v1/messages').map((c) => c.body as { uuid: string });
    expect(bodies[0]!.uuid).toMatch(/^[0-9a-f]{50}$/);
    expect(bodies[0]!.uuid).not.toBe(bodies[1]!.uuid);
    expect(JSON.stringify(fake.sent[0]!.card)).toContain('December');
  });

  it('hands a rate limit back to the dispatcher with Lark’s reset time', async () => {
    fake.rateLimitNext('message.create', 4);
    const e = await lark.send({ kind: 'dm', identity: 'lark:ou_ann1' }, { text: 'x' }, opts).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DeliveryError);
    expect(e).toMatchObject({ failure: 'rate_limited', retryAfterMs: 4000 });
    expect(fake.sent).toHaveLength(0);
  });
});
