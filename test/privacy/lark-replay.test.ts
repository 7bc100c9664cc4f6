import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { visits } from '../helpers/org.js';
import { BOT_OPEN_ID } from '../lark/fake-lark.js';
import { startHarness, TOKEN, type Harness } from '../lark/harness.js';
import { envelope, messageEvent } from '../lark/signing.js';

/**
 * Issue 13 on Lark: a message event redelivered (same event_id, as Lark retries) is handled once,
 * so a state-changing command sent once and replayed twice has one effect.
 */
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await h.deps.store.activities.insertMany([...visits('ann', 'acme', 30, '2026-07-01'), ...visits('bob', 'globex', 12, '2026-08-01')]);
});
afterEach(() => h.close());

const thrice = async (payload: object) => {
  for (let i = 0; i < 3; i++) expect((await h.post(payload)).status).toBe(200);
  await h.idle();
};

describe('Lark replays act once', () => {
  it('/cycle open, /调整 and /award replayed with the same event id', async () => {
    await thrice(envelope('im.message.receive_v1', TOKEN, messageEvent({ openId: 'ou_hanahr', text: '/cycle open 2026-Q3' }), 'ev-open'));
    await thrice(envelope('im.message.receive_v1', TOKEN, messageEvent({ openId: 'ou_hanahr', text: '/cycle review 2026-Q3' }), 'ev-review'));
    const group = (text: string) =>
      messageEvent({ openId: 'ou_miamgr', text: `@_user_1 ${text}`, chatType: 'group', chatId: 'oc_salesgroup', mentions: [{ openId: BOT_OPEN_ID, name: 'Appraisal', bot: true }, { openId: 'ou_bobwu', name: 'Bob Wu' }] });
    await thrice(envelope('im.message.receive_v1', TOKEN, group('/调整 @_user_2 +2 大客户回款在截止后才入账'), 'ev-adjust'));
    expect(await h.deps.store.adjustments.count()).toBe(1);
    await thrice(envelope('im.message.receive_v1', TOKEN, group('/award @_user_2 Best newcomer: opened three accounts'), 'ev-award'));
    expect(await h.deps.store.awards.count()).toBe(1);
    expect(await h.deps.store.cycles.count()).toBe(1);
  });
});
