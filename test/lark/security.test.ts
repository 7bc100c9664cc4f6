import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dmChat, ENCRYPT_KEY, startHarness, TOKEN, type Harness } from './harness.js';
import { envelope, messageEvent } from './signing.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const visit = () => envelope('im.message.receive_v1', TOKEN, messageEvent({ openId: 'ou_annlee', text: '/visit' }));
const now = () => Math.floor(h.deps.clock.now().getTime() / 1000);

/** Nothing reached Lark but the start-up checks, and nobody was registered. */
async function expectNothingDone(): Promise<void> {
  await h.idle();
  expect(h.fake.sent).toEqual([]);
  expect(await h.deps.store.processedEvents.count()).toBe(0);
  expect(await h.deps.store.people.count()).toBe(6);
}

describe('URL verification', () => {
  it('answers the encrypted challenge, so saving the URL in the console just works', async () => {
    const res = await h.post({ challenge: 'ch-4f2a', token: TOKEN, type: 'url_verification' }, { unsigned: true });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ challenge: 'ch-4f2a' });
  });

  it('answers it on the card callback URL too, and signed', async () => {
    const res = await h.post({ challenge: 'ch-cards', token: TOKEN, type: 'url_verification' }, { url: h.cardsUrl });
    expect(res.json()).toEqual({ challenge: 'ch-cards' });
  });

  it('refuses a challenge with the wrong verification token', async () => {
    const res = await h.post({ challenge: 'x', token: 'guess', type: 'url_verification' }, { unsigned: true });
    expect(res.status).toBe(401);
    expect(res.json()).toEqual({ error: 'wrong verification token' });
  });
});

describe('request verification', () => {
  it('handles a correctly encrypted and signed event', async () => {
    const res = await h.post(visit());
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({});
    await h.idle();
    expect(h.fake.sentTo(dmChat('ou_annlee'))).toHaveLength(1);
  });

  it('rejects a wrong verification token with 401 and does nothing', async () => {
    const res = await h.post(envelope('im.message.receive_v1', 'not-the-token', messageEvent({ openId: 'ou_annlee', text: '/visit' })));
    expect(res.status).toBe(401);
    expect(res.json()).toEqual({ error: 'wrong verification token' });
    await expectNothingDone();
  });

  it('rejects a signature made with another key', async () => {
    const res = await h.post(visit(), { signKey: 'not-the-key' });
    expect(res.status).toBe(401);
    expect(res.json()).toEqual({ error: 'bad signature' });
    await expectNothingDone();
  });

  it('rejects a body changed after signing', async () => {
    const res = await h.post(visit(), { tamper: (b) => b.replace('"}', ' "}') });
    expect(res.status).toBe(401);
    await expectNothingDone();
  });

  it('rejects a stale timestamp (a replayed request) and one from the future', async () => {
    expect((await h.post(visit(), { timestamp: now() - 6 * 60 })).status).toBe(401);
    const future = await h.post(visit(), { timestamp: now() + 6 * 60 });
    expect(future.status).toBe(401);
    expect(future.json()).toEqual({ error: 'stale or future timestamp' });
    expect((await h.post(visit(), { timestamp: now() - 4 * 60 })).status).toBe(200);
  });

  it('rejects an unsigned event and one encrypted with another key', async () => {
    expect((await h.post(visit(), { unsigned: true })).json()).toEqual({ error: 'missing signature' });
    const other = await h.post(visit(), { encryptKey: 'other-key', signKey: ENCRYPT_KEY });
    expect(other.status).toBe(401);
    expect(other.json()).toEqual({ error: 'cannot decrypt with the encrypt key' });
    await expectNothingDone();
  });

  it('accepts a signed event sent in clear, and refuses malformed bodies', async () => {
    expect((await h.post(visit(), { plain: true })).status).toBe(200);
    expect((await fetch(h.eventsUrl, { method: 'POST', body: 'not json' })).status).toBe(400);
    expect((await fetch(h.eventsUrl, { method: 'GET' })).status).toBe(405);
    expect((await fetch(h.eventsUrl, { method: 'POST', body: 'x'.repeat(1024 * 1024 + 1) })).status).toBe(413);
    expect((await fetch(h.eventsUrl.replace('/lark/events', '/lark/nope'), { method: 'POST', body: '{}' })).status).toBe(404);
  });

  it('rejects a card callback with a wrong token and stores nothing', async () => {
    const res = await h.post(envelope('card.action.trigger', 'forged', { operator: { open_id: 'ou_annlee' }, action: { value: { form: 'intel' }, form_value: { topic: 't', text: 'x' } }, context: { open_message_id: 'om_1' } }), { url: h.cardsUrl });
    expect(res.status).toBe(401);
    expect(await h.deps.store.intel.count()).toBe(0);
  });
});

describe('redelivery', () => {
  it('handles an event Lark sends again (same event_id) once', async () => {
    const event = visit();
    expect((await h.post(event)).status).toBe(200);
    expect((await h.post(event)).status).toBe(200);
    expect((await h.post(event)).status).toBe(200);
    await h.idle();
    expect(h.fake.sent).toHaveLength(1);
    expect(await h.deps.store.processedEvents.count()).toBe(1);
  });

  it('answers a redelivered card callback without acting twice', async () => {
    const callback = envelope('card.action.trigger', TOKEN, { operator: { open_id: 'ou_annlee' }, action: { value: { form: 'intel' }, form_value: { topic: 'T', text: 'x' } }, context: { open_message_id: 'om_1' } });
    const first = await h.post(callback, { url: h.cardsUrl });
    expect((first.json() as { toast: { type: string } }).toast.type).toBe('success');
    expect((await h.post(callback, { url: h.cardsUrl })).json()).toEqual({});
    expect(await h.deps.store.intel.count()).toBe(1);
  });

  it('ignores messages from other bots', async () => {
    await h.post(envelope('im.message.receive_v1', TOKEN, messageEvent({ openId: 'ou_otherbot1', text: '/visit', senderType: 'app' })));
    await expectNothingDone();
  });
});

describe('the HTTP edge: nothing a client sends ends the process or hangs', () => {
  it('answers other methods with 405 and an Allow header, on both paths', async () => {
    for (const url of [h.eventsUrl, h.cardsUrl, `${h.eventsUrl}?x=1`]) {
      for (const method of ['GET', 'HEAD', 'PUT', 'OPTIONS', 'DELETE', 'PATCH']) {
        const res = await fetch(url, { method });
        expect(res.status, `${method} ${url}`).toBe(405);
        expect(res.headers.get('allow')).toBe('POST');
      }
    }
  });

  it('answers null, wrong-type and deeply nested bodies with 400', async () => {
    for (const body of ['null', '[]', '42', '"x"', 'true', '', '{"encrypt":42}', '['.repeat(100_000), `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`]) {
      const res = await fetch(h.eventsUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(res.status, body.slice(0, 20)).toBeGreaterThanOrEqual(400);
      expect(res.status, body.slice(0, 20)).toBeLessThan(500);
    }
    await expectNothingDone();
  });

  it('answers signed and encrypted payloads of the wrong shape with a prompt 400 and does nothing', async () => {
    const bad: object[] = [
      { schema: '2.0', header: { token: TOKEN, event_type: 'im.message.receive_v1', event_id: 'ev_x1' } },
      { schema: '2.0', header: { token: TOKEN, event_type: 'im.message.receive_v1', event_id: 'ev_x2' }, event: null },
      { schema: '2.0', header: { token: TOKEN, event_type: 'im.message.receive_v1', event_id: 'ev_x3' }, event: 'text' },
      { schema: '2.0', header: { token: TOKEN, event_type: 'im.message.receive_v1', event_id: 'ev_x4' }, event: { message: null, sender: 7 } },
      { schema: '2.0', header: { token: TOKEN, event_id: 'ev_x5' }, event: {} },
      { schema: '2.0', header: { token: TOKEN, event_type: 42, event_id: 'ev_x6' }, event: {} },
      { schema: '2.0', header: { token: TOKEN, event_type: 'card.action.trigger', event_id: 'ev_x8' }, event: { operator: null, action: 'x' } },
      { schema: '2.0', header: { token: TOKEN, event_type: 'card.action.trigger', event_id: 'ev_x9' }, event: { operator: { open_id: 'ou_annlee' }, action: { value: 'x', form_value: [] } } },
    ];
    for (const payload of bad) {
      for (const url of [h.eventsUrl, h.cardsUrl]) {
        const res = await h.post(payload, { url });
        expect(res.status, `${url} ${JSON.stringify(payload)}`).toBe(400);
      }
    }
    // An event type nobody subscribed to is acknowledged (a 4xx would only make Lark retry it) and ignored.
    expect((await h.post({ schema: '2.0', header: { token: TOKEN, event_type: 'no.such.event', event_id: 'ev_x7' }, event: {} })).status).toBe(200);
    await expectNothingDone();
    expect(await h.deps.store.intel.count()).toBe(0);
  });
});
