import net from 'node:net';
import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_ID, APP_SECRET, FakeLark } from '../lark/fake-lark.js';
import { encrypt, sign as larkSign } from '../lark/signing.js';
import { FakeSlack } from '../slack/fake-slack.js';
import { commandBody, slackSignature } from '../slack/signing.js';
import { rawRequest, seededDataDir, startBot, type BotProcess, type RawAnswer } from './bot-process.js';

const SLACK_SECRET = 'edge-signing-secret';
const LARK_TOKEN = 'edge-verification-token';
const LARK_KEY = 'edge-encrypt-key';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** The real bot with Slack and Lark both on the one HTTP server, as main.ts composes them. */
async function startBoth(): Promise<{ bot: BotProcess; slack: FakeSlack; base: string }> {
  const data = await seededDataDir();
  cleanups.push(data.cleanup);
  const slack = new FakeSlack();
  await slack.start();
  cleanups.push(() => slack.stop());
  slack.addUser({ id: 'UANN', name: 'Ann Lee', locale: 'en-US', tz: 'Asia/Shanghai' });
  const lark = new FakeLark();
  await lark.start();
  cleanups.push(() => lark.stop());
  const bot = await startBot(
    {
      DATA_DIR: data.dir, PORT: '0', LOG_LEVEL: 'info', APPRAISAL_ADMINS: 'slack:UADMIN',
      SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: SLACK_SECRET, SLACK_API_URL: slack.apiUrl,
      LARK_APP_ID: APP_ID, LARK_APP_SECRET: APP_SECRET, LARK_VERIFICATION_TOKEN: LARK_TOKEN, LARK_ENCRYPT_KEY: LARK_KEY, LARK_DOMAIN: lark.url,
    },
    cleanups,
  );
  return { bot, slack, base: `http://127.0.0.1:${bot.port}` };
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000);
const TIMESTAMPS = { now: () => String(nowSeconds()), stale: () => String(nowSeconds() - 10 * 60), future: () => String(nowSeconds() + 10 * 60), garbage: () => 'abc' };

const slackHeaders = (body: string, ts: string): Record<string, string> => ({ 'x-slack-request-timestamp': ts, 'x-slack-signature': slackSignature(SLACK_SECRET, Number(ts), body) });
const larkHeaders = (body: string, ts: string): Record<string, string> => ({ 'x-lark-request-timestamp': ts, 'x-lark-request-nonce': 'n1', 'x-lark-signature': larkSign(ts, 'n1', LARK_KEY, body) });

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];
const PATHS = ['/slack/events', '/lark/events', '/lark/cards', '/healthz', '/readyz', '/metrics', '/', '/nope', '/slack/events/x', '/slack/install', '/slack/events?x=1'];
const BODIES = [
  '', 'garbage \u0000\u00ff', 'null', '"text"', '42', 'true', '[]', '{}', `${'['.repeat(50_000)}`, `${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}`,
  'payload=null', 'payload=%7B%7D', 'payload=%5B%5D', 'payload=1&payload=2', 'command=%2Fvisit', 'ssl_check=1&payload=%7B%22type%22%3A%22block_actions%22%7D',
  '{"type":"event_callback"}', '{"type":"url_verification"}', '{"type":"view_submission"}', `{"encrypt":"${encrypt('other-key', { a: 1 })}"}`,
  `{"encrypt":"${encrypt(LARK_KEY, null)}"}`, `{"encrypt":"${encrypt(LARK_KEY, { schema: '2.0', header: { token: LARK_TOKEN, event_type: 'im.message.receive_v1', event_id: 'ev1' }, event: null })}"}`,
];
const CONTENT_TYPES = ['application/json', 'application/x-www-form-urlencoded', 'application/x-www-form-urlencoded; charset=utf-8', 'text/plain', 'multipart/form-data; boundary=x'];

/** What each path may answer; anything else (a 5xx, a 404 after Bolt's 3-second wait, a reset) is a defect. */
function allowed(path: string): number[] {
  const p = path.split('?')[0]!;
  if (p === '/slack/events') return [200, 400, 401, 405, 413, 415];
  if (p.startsWith('/lark/')) return [400, 401, 405, 413];
  if (p === '/healthz' || p === '/metrics') return [200, 405];
  if (p === '/readyz') return [200, 405, 503];
  return [404];
}

/** Runs requests a few at a time, collecting each answer or the error that replaced it. */
async function runAll(requests: { label: string; run: () => Promise<RawAnswer> }[]): Promise<{ label: string; status: number | string }[]> {
  const out: { label: string; status: number | string }[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < requests.length) {
      const r = requests[next++]!;
      out.push(await r.run().then((a) => ({ label: r.label, status: a.status }), (e: Error) => ({ label: r.label, status: `error: ${e.message}` })));
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  return out;
}

describe('the HTTP edge of the running bot', () => {
  it('a GET to /slack/events (a scanner) no longer ends the process', async () => {
    const { bot, base } = await startBoth();
    const res = await rawRequest(`${base}/slack/events`, { method: 'GET' });
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('POST');
    expect((await rawRequest(`${base}/slack/events?x=1`, { method: 'HEAD' })).status).toBe(405);
    expect((await rawRequest(`${base}/healthz`, { method: 'GET' })).status).toBe(200);
    expect(bot.alive()).toBe(true);
    expect(bot.log()).toContain('Slack request refused');
  }, 60_000);

  it('survives the whole catalogue of bad requests, then still answers /healthz and a signed /visit', async () => {
    const { bot, slack, base } = await startBoth();
    const requests: { label: string; run: () => Promise<RawAnswer> }[] = [];
    for (const path of PATHS) {
      for (const method of METHODS) requests.push({ label: `${method} ${path}`, run: () => rawRequest(base + path, { method }) });
      for (const method of ['PUT', 'PATCH', 'DELETE']) requests.push({ label: `${method} ${path} with a body`, run: () => rawRequest(base + path, { method, headers: { 'content-type': 'application/json' }, body: '{"a":1}' }) });
      for (const body of BODIES) {
        for (const ct of CONTENT_TYPES) {
          requests.push({ label: `POST ${path} ${ct} unsigned ${body.slice(0, 30)}`, run: () => rawRequest(base + path, { method: 'POST', headers: { 'content-type': ct }, body }) });
        }
      }
      requests.push({ label: `POST ${path} huge`, run: () => rawRequest(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.alloc(1024 * 1024 + 10, 0x7b) }) });
    }
    // Signed as each platform signs, with good, stale, future and unreadable timestamps.
    for (const [path, sign] of [['/slack/events', slackHeaders], ['/lark/events', larkHeaders], ['/lark/cards', larkHeaders]] as const) {
      for (const [when, ts] of Object.entries(TIMESTAMPS)) {
        for (const body of BODIES) {
          for (const ct of CONTENT_TYPES) {
            requests.push({ label: `POST ${path} ${ct} signed(${when}) ${body.slice(0, 30)}`, run: () => rawRequest(base + path, { method: 'POST', headers: { 'content-type': ct, ...sign(body, ts()) }, body }) });
          }
        }
        const huge = 'x'.repeat(1024 * 1024 + 10);
        requests.push({ label: `POST ${path} signed(${when}) huge`, run: () => rawRequest(base + path, { method: 'POST', headers: { 'content-type': 'application/json', ...sign(huge, ts()) }, body: huge }) });
      }
    }
    const answers = await runAll(requests);
    const wrong = answers.filter((a) => typeof a.status !== 'number' || !allowed(a.label.split(' ')[1]!).includes(a.status));
    expect(wrong).toEqual([]);
    expect(answers).toHaveLength(requests.length);
    // Wrong methods on the platform routes are refused as such.
    for (const a of answers.filter((x) => /^(GET|HEAD|PUT|PATCH|DELETE|OPTIONS) \/(slack|lark)\/(events|cards)( |$)/.test(x.label))) expect(a.status, a.label).toBe(405);

    // A client that hangs up mid-body, and bytes that are not HTTP at all.
    await new Promise<void>((resolve) => {
      const req = http.request(`${base}/slack/events`, { method: 'POST', headers: { 'content-length': '1000' }, agent: false });
      req.on('error', () => resolve());
      req.write('payload=', () => setImmediate(() => (req.destroy(), resolve())));
    });
    const garbage = await new Promise<string>((resolve) => {
      const socket = net.connect(bot.port, '127.0.0.1', () => socket.write('\u0000\u0001 NOT HTTP\r\n\r\n'));
      let text = '';
      socket.on('data', (c: Buffer) => (text += c.toString()));
      socket.on('close', () => resolve(text));
      socket.on('error', () => resolve(text));
    });
    expect(garbage).toMatch(/^HTTP\/1\.1 400/);

    expect(bot.alive()).toBe(true);
    expect((await rawRequest(`${base}/healthz`, { method: 'GET' })).status).toBe(200);
    const body = commandBody({ command: '/visit', user_id: 'UANN', response_url: slack.responseUrl('visit-after') });
    const visit = await rawRequest(`${base}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...slackHeaders(body, TIMESTAMPS.now()) }, body });
    expect(visit.status).toBe(200);
    await slack.until(() => slack.callsTo('views.open').length > 0, 'the /visit form');
    expect(bot.log()).toContain('Slack request refused');
    expect(bot.log()).toContain('Lark request refused');
  }, 180_000);
});
