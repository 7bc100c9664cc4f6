import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, TOKEN, type Harness } from './harness.js';
import { envelope, messageEvent } from './signing.js';

/** Lark's redelivery after a crash mid-handling is handled; a concurrent duplicate is not. */
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const at = (msFromNow: number) => new Date(h.deps.clock.now().getTime() + msFromNow).toISOString();
const scorecard = (eventId: string) => envelope('im.message.receive_v1', TOKEN, messageEvent({ openId: 'ou_annlee', text: '/help' }), eventId);

describe('Lark event claims', () => {
  it('handles the redelivery of an event whose first handler died mid-handling (its claim expired)', async () => {
    await h.deps.store.processedEvents.insert({ id: 'lark:ev_crash', receivedAt: at(-120_000), state: 'handling', claimExpiresAt: at(-60_000) });
    expect((await h.post(scorecard('ev_crash'))).status).toBe(200);
    await h.idle();
    expect(h.fake.sent).toHaveLength(1);
    expect(await h.deps.store.processedEvents.get('lark:ev_crash')).toMatchObject({ state: 'done' });
  });

  it('drops a duplicate while another replica is still handling the event', async () => {
    await h.deps.store.processedEvents.insert({ id: 'lark:ev_busy', receivedAt: at(0), state: 'handling', claimExpiresAt: at(60_000) });
    expect((await h.post(scorecard('ev_busy'))).status).toBe(200);
    await h.idle();
    expect(h.fake.sent).toHaveLength(0);
  });
});
