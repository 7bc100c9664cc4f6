import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startHarness, SECRET, VISIT_VALUES, type FieldValue, type Harness } from './harness.js';
import { payloadBody, slackSignature, viewSubmission } from './signing.js';

/**
 * Issue 16 (ack CPU): the edge reads, verifies and parses a Slack request once and hands the parsed
 * body to Bolt. Before, Bolt's HTTPReceiver checked the signature and parsed the body a second time.
 * Counted here on the real entry point (signed HTTP to the app, production ack mode), by spying on
 * the HMAC and the JSON parse of this very payload.
 */
let h: Harness;
beforeEach(async () => {
  h = await startHarness({ processBeforeResponse: false });
});
afterEach(() => {
  vi.restoreAllMocks();
  return h.close();
});

/** A signed /visit submission, built and signed before anything is counted. */
function signedVisit(viewId: string, values: Record<string, FieldValue | undefined> = VISIT_VALUES) {
  const payload = viewSubmission({ user: 'UANN', form: 'visit', viewId, triggerId: `t-${viewId}`, privateMetadata: JSON.stringify({ r: h.fake.responseUrl(viewId), c: 'C0SALES' }), values });
  const body = payloadBody(payload);
  const ts = Math.floor(Date.now() / 1000);
  const headers = { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': slackSignature(SECRET, ts, body) };
  return { json: JSON.stringify(payload), post: () => fetch(h.url, { method: 'POST', headers, body }) };
}

describe('the Slack edge hands Bolt the body it verified and parsed', () => {
  it('checks the signature once and parses the payload once for a stored submission', async () => {
    const visit = signedVisit('VONCE');
    const hmac = vi.spyOn(crypto, 'createHmac');
    const parse = vi.spyOn(JSON, 'parse');
    const res = await visit.post();
    const text = await res.text();
    await h.idle();
    const signed = hmac.mock.calls.filter(([, key]) => key === SECRET).length;
    const parsed = parse.mock.calls.filter(([arg]) => arg === visit.json).length;
    vi.restoreAllMocks();

    expect({ status: res.status, text }).toEqual({ status: 200, text: '' });
    expect(await h.deps.store.activities.count({ requestId: 'slack:VONCE' })).toBe(1);
    expect({ signed, parsed }).toEqual({ signed: 1, parsed: 1 });
  });

  it('reads a payload with spaces, plus signs, ampersands, percent signs and Chinese as typed', async () => {
    const typed = 'R&D + 报价：100% agreed; a=b';
    const res = await signedVisit('VTYPED', { ...VISIT_VALUES, outcome: { text: typed } }).post();
    expect(res.status).toBe(200);
    const [stored] = await h.deps.store.activities.find({ requestId: 'slack:VTYPED' });
    expect(JSON.stringify(stored)).toContain(JSON.stringify(typed).slice(1, -1));
  });

  it('still answers a field problem in the ack, as JSON, and stores nothing', async () => {
    const res = await signedVisit('VBAD', { ...VISIT_VALUES, date: { date: '2031-01-01' } }).post();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toMatchObject({ response_action: 'errors', errors: { date: expect.any(String) } });
    expect(await h.deps.store.activities.count({ requestId: 'slack:VBAD' })).toBe(0);
  });
});
