import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, SECRET, type Harness } from './harness.js';
import { commandBody, payloadBody, postSigned, slackSignature, viewSubmission } from './signing.js';

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

describe('the HTTP edge: nothing a client sends ends the process or hangs', () => {
  it('answers other methods on /slack/events with 405 and an Allow header', async () => {
    for (const method of ['GET', 'HEAD', 'PUT', 'OPTIONS', 'DELETE', 'PATCH']) {
      const res = await fetch(h.url, { method });
      expect(res.status, method).toBe(405);
      expect(res.headers.get('allow')).toBe('POST');
    }
    expect((await fetch(`${h.url}?x=1`)).status).toBe(405);
    expect((await h.command('UANN', '/appraisal', 'help')).status).toBe(200);
  });

  it('answers a signed null payload or null JSON body with 400, and still serves', async () => {
    expect((await postSigned(h.url, SECRET, 'payload=null')).status).toBe(400);
    expect((await postSigned(h.url, SECRET, 'null', { contentType: 'application/json' })).status).toBe(400);
    expect((await postSigned(h.url, SECRET, '[1,2]', { contentType: 'application/json' })).status).toBe(400);
    expect((await postSigned(h.url, SECRET, '"text"', { contentType: 'application/json' })).status).toBe(400);
    expect((await h.command('UANN', '/appraisal', 'help')).status).toBe(200);
  });

  it('answers signed payloads of the wrong shape with a prompt 400 and changes nothing', async () => {
    const submission = viewSubmission({ user: 'UANN', form: 'visit', viewId: 'VBAD', triggerId: 't', privateMetadata: '{}', values: {} }) as Record<string, unknown>;
    const { view: _view, ...noView } = submission;
    const { user: _user, ...noUser } = submission;
    const malformed: unknown[] = [
      noView,
      noUser,
      { ...submission, view: null },
      { ...submission, view: { ...(submission.view as object), state: 'x' } },
      { ...submission, user: { name: 'no id' } },
      { type: 'block_actions' },
      { type: 'block_actions', user: { id: 'UANN' }, actions: [] },
      { type: 'block_actions', user: { id: 'UANN' }, actions: [{ action_id: 7 }] },
      { type: 'block_suggestion', user: { id: 'UANN' } },
      { type: 'no_such_type', user: { id: 'UANN' } },
      {},
      [],
      42,
      'text',
      true,
    ];
    for (const payload of malformed) {
      const res = await postSigned(h.url, SECRET, payloadBody(payload));
      expect(res.status, JSON.stringify(payload)).toBe(400);
    }
    const forms = [
      'command=%2Fvisit',
      'user_id=UANN&command=%2Fvisit',
      'command=%2Fvisit&user_id=UANN&team_id=T0FAKE',
      'payload=%7Bnot%20json',
      'garbage',
      '',
    ];
    for (const body of forms) expect((await postSigned(h.url, SECRET, body)).status, body).toBe(400);
    const events = ['{}', '{"type":"event_callback"}', '{"type":"event_callback","event":"x","event_id":"E1"}', '{"type":"url_verification"}', '{not json', ''];
    for (const body of events) expect((await postSigned(h.url, SECRET, body, { contentType: 'application/json' })).status, body).toBe(400);
    expect(await h.deps.store.activities.count()).toBe(0);
    expect(h.fake.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it('refuses an unknown content type (415), a body over 1 MB (413) and a timestamp from the future (401)', async () => {
    expect((await postSigned(h.url, SECRET, body(), { contentType: 'text/plain' })).status).toBe(415);
    expect((await postSigned(h.url, SECRET, `${body()}&pad=${'x'.repeat(1024 * 1024)}`)).status).toBe(413);
    expect((await postSigned(h.url, SECRET, body(), { timestamp: Math.floor(Date.now() / 1000) + 6 * 60 })).status).toBe(401);
    expect((await postSigned(h.url, SECRET, body(), { timestamp: Number.NaN })).status).toBe(401);
    expect(h.fake.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it('still answers url_verification and ssl_check', async () => {
    const challenge = await postSigned(h.url, SECRET, JSON.stringify({ token: 'legacy', challenge: 'c-123', type: 'url_verification' }), { contentType: 'application/json' });
    expect(challenge.json()).toEqual({ challenge: 'c-123' });
    const ssl = await fetch(h.url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'ssl_check=1&token=x' });
    expect(ssl.status).toBe(200);
  });
});

describe('requests no listener answers', () => {
  it('acknowledges a button, form or option request the bot does not know at once, empty, and does nothing', async () => {
    const click = await h.interactive({ type: 'block_actions', user: { id: 'UANN' }, trigger_id: 't1', team: { id: 'T0FAKE' }, actions: [{ type: 'button', action_id: 'no-such-button', block_id: 'b', value: 'v', action_ts: '1.2' }] });
    expect(click).toMatchObject({ status: 200, body: '' });
    const unknownForm = viewSubmission({ user: 'UANN', form: 'x', viewId: 'VX', triggerId: 't', privateMetadata: '', values: {} }) as { view: object };
    const submission = await h.interactive({ ...unknownForm, view: { ...unknownForm.view, callback_id: 'not-ours' } });
    expect(submission).toMatchObject({ status: 200, body: '' });
    const options = await h.interactive({ type: 'block_suggestion', user: { id: 'UANN' }, action_id: 'not-ours', block_id: 'b', value: 'ac' });
    expect(options).toMatchObject({ status: 200, body: '' });
    expect(await h.deps.store.activities.count()).toBe(0);
    expect(h.fake.calls.filter((c) => c.method !== 'auth.test')).toEqual([]);
  });
});
