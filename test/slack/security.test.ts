import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, SECRET, type Harness } from './harness.js';
import { commandBody, postSigned, slackSignature } from './signing.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const body = () => commandBody({ command: '/visit', user_id: 'UANN', response_url: h.fake.responseUrl('x') });

describe('request verification', () => {
  it('rejects a request signed with the wrong secret, and does nothing', async () => {
    const res = await postSigned(h.url, 'not-the-secret', body());
    expect(res.status).toBe(401);
    expect(h.fake.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
    expect(await h.deps.store.people.count()).toBe(6);
  });

  it('rejects a request whose body was changed after signing', async () => {
    const ts = Math.floor(Date.now() / 1000);
    const res = await postSigned(h.url, SECRET, body().replace('UANN', 'UHR'), { timestamp: ts, signature: slackSignature(SECRET, ts, body()) });
    expect(res.status).toBe(401);
    expect(h.fake.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it('rejects a replayed request with a timestamp more than five minutes old', async () => {
    const res = await postSigned(h.url, SECRET, body(), { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(res.status).toBe(401);
    expect(h.fake.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it('rejects a request without a signature', async () => {
    const res = await fetch(h.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body() });
    expect(res.status).toBe(401);
  });

  it('answers 404 on other paths instead of hanging', async () => {
    const res = await fetch(h.url.replace('/slack/events', '/nope'), { method: 'POST', body: 'x' });
    expect(res.status).toBe(404);
  });
});

describe('malformed payloads', () => {
  it('survives a view submission with broken private metadata and unknown fields', async () => {
    const res = await h.submit('UANN', 'visit', { account: { option: 'acme' }, purpose: { text: 'x' }, outcome: { text: 'y' }, bogus: { text: 'z' } }, { meta: 'not json' as unknown as object });
    expect(res.status).toBe(200);
    expect(await h.deps.store.activities.count()).toBe(1);
  });

  it('treats a submission for an unknown form as done without storing anything', async () => {
    const res = await h.submit('UANN', 'no-such-form', { purpose: { text: 'x' } });
    expect(res.status).toBe(200);
    expect(await h.deps.store.activities.count()).toBe(0);
  });

  it('answers a number field with letters in it next to the field', async () => {
    const res = await h.submit('UANN', 'deal', {
      account: { option: 'acme' }, amount: { number: '12abc' }, currency: { option: 'CNY' }, units: { number: '2.5' }, product: { text: 'P' }, signedDate: { date: '2026-11-20' },
    });
    expect(res.json()).toEqual({ response_action: 'errors', errors: { amount: 'must be a number', units: 'must be a whole number' } });
  });

  it('refuses an account id that does not exist (a forged option value)', async () => {
    const res = await h.submit('UANN', 'feedback', { accountId: { option: 'forged' }, service: { option: '5' }, product: { option: '5' }, source: { option: 'survey' }, date: { date: '2026-11-26' } });
    expect(res.json()).toEqual({ response_action: 'errors', errors: { accountId: 'unknown account' } });
  });
});

describe('events', () => {
  it('handles an event once when Slack redelivers it', async () => {
    const event = { type: 'app_mention', user: 'UANN', text: 'hi', ts: '1.1', channel: 'C0SALES', event_ts: '1.1' };
    expect((await h.event(event, 'Ev001')).status).toBe(200);
    expect((await h.event(event, 'Ev001', { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' })).status).toBe(200);
    expect(await h.deps.store.processedEvents.count()).toBe(1);
    expect(await h.deps.store.processedEvents.get('slack:Ev001')).not.toBeNull();
  });
});
