import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackOutbound } from '../../src/adapters/slack/outbound.js';
import { DeliveryError, type ChatPlatform } from '../../src/ports/chat.js';
import { FakeSlack } from './fake-slack.js';

let fake: FakeSlack;
let slack: ChatPlatform;
beforeEach(async () => {
  fake = new FakeSlack();
  await fake.start();
  slack = createSlackOutbound({ botToken: 'xoxb-test-token', apiUrl: fake.apiUrl });
});
afterEach(() => fake.stop());

const opts = { idempotencyKey: 'nudge:2026-W48:slack:UANN', recovered: false };

describe('Slack outbound (scheduled posts and DMs)', () => {
  it('opens the DM once and posts with blocks and the idempotency key as metadata', async () => {
    await slack.send({ kind: 'dm', identity: 'slack:UANN' }, { text: 'hi', view: { title: 'T', blocks: [{ type: 'header', text: 'Week 48' }] } }, opts);
    await slack.send({ kind: 'dm', identity: 'slack:UANN' }, { text: 'again' }, { ...opts, idempotencyKey: 'k2' });
    expect(fake.callsTo('conversations.open')).toHaveLength(1);
    const post = fake.callsTo('chat.postMessage')[0]!.params as { channel: string; blocks: unknown[]; metadata: unknown };
    expect(post.channel).toBe('DUANN');
    expect(post.blocks).toEqual([{ type: 'header', text: { type: 'plain_text', text: 'Week 48', emoji: true } }]);
    expect(post.metadata).toEqual({ event_type: 'appraisal_delivery', event_payload: { key: 'nudge:2026-W48:slack:UANN' } });
  });

  it('posts to a channel by id', async () => {
    const r = await slack.send({ kind: 'channel', channel: 'slack:C0RANK' }, { text: 'ranking' }, opts);
    expect(fake.callsTo('chat.postMessage')[0]!.params.channel).toBe('C0RANK');
    expect(r.messageId).toMatch(/^1700000000\./);
  });

  it('turns a 429 into a rate-limit delay with the Retry-After Slack gave', async () => {
    fake.rateLimitNext('chat.postMessage', 7);
    const e = await slack.send({ kind: 'channel', channel: 'slack:C0RANK' }, { text: 'x' }, opts).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DeliveryError);
    expect(e).toMatchObject({ failure: 'rate_limited', retryAfterMs: 7000 });
  });

  it('classifies errors that retrying cannot fix as permanent, others as transient', async () => {
    fake.failNext('chat.postMessage', 'channel_not_found');
    await expect(slack.send({ kind: 'channel', channel: 'slack:C0GONE' }, { text: 'x' }, opts)).rejects.toMatchObject({ failure: 'permanent', message: 'channel_not_found' });
    fake.failNext('chat.postMessage', 'internal_error');
    await expect(slack.send({ kind: 'channel', channel: 'slack:C0RANK' }, { text: 'x' }, opts)).rejects.toMatchObject({ failure: 'transient' });
  });

  it('after a crash mid-send, finds the message already posted and does not post it again', async () => {
    await slack.send({ kind: 'channel', channel: 'slack:C0RANK' }, { text: 'ranking' }, opts);
    const again = await slack.send({ kind: 'channel', channel: 'slack:C0RANK' }, { text: 'ranking' }, { ...opts, recovered: true });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(again.messageId).toBe('1700000000.000001');
    // A recovered message that never went out is sent.
    await slack.send({ kind: 'channel', channel: 'slack:C0RANK' }, { text: 'other' }, { idempotencyKey: 'other', recovered: true });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(2);
  });
});
