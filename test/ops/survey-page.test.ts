import type http from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { close, createHttpServer, listen } from '../../src/adapters/http/server.js';
import { SURVEY_PREFIX, surveyRoute } from '../../src/adapters/http/survey-route.js';
import { plainRequest } from '../../src/chat/review.js';
import { converse } from '../../src/chat/router.js';
import { loadConfig } from '../../src/config/config.js';
import { accountNameKey } from '../../src/domain/model/accounts.js';
import type { Person } from '../../src/domain/model/people.js';
import { errorText } from '../../src/views/errors.js';
import { renderText } from '../../src/views/render-text.js';
import { T0 } from '../helpers/org.js';
import { refusal } from '../helpers/refusal.js';
import { rewardsQuarter, SLACK, type Deps } from '../application/rewards-fixture.js';

/**
 * Customer satisfaction without the rep in between (issue 14): a rep asks for a one-time survey
 * link; the customer answers on the page the bot serves on its own HTTP server (real requests to
 * a listening server); the answer is stored as customer-entered feedback and the scorecard says so.
 */
const PUBLIC = 'https://appraisal.example.com';
const EVIL = '<script>alert(1)</script> & Co';
let deps: Deps;
let p: Awaited<ReturnType<typeof rewardsQuarter>>['people'];
let server: http.Server;
let base: string;
beforeEach(async () => {
  ({ deps, people: p } = await rewardsQuarter());
  deps.settings.publicUrl = PUBLIC;
  await deps.store.accounts.put({ id: 'evil', name: EVIL, nameKey: accountNameKey(EVIL), tier: 'B', ownerId: 'ann', createdAt: T0 });
  server = createHttpServer(new Map([[SURVEY_PREFIX, surveyRoute(deps, { publicUrl: PUBLIC })]]), deps.logger);
  base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
});
afterEach(async () => {
  await close(server);
  await deps.cleanup();
});

const ask = async (actor: Person, text: string) =>
  renderText((await converse(deps, actor, { type: 'command', command: 'feedback', request: { ...plainRequest(`survey ${text}`, SLACK), requestId: `s-${text}` } })).view);
/** The link the rep is given, as a path on the test server. */
const surveyPath = async (text = 'Acme Jane Doe'): Promise<string> => {
  const answer = await ask(p.ann, text);
  const url = /https:\/\/appraisal\.example\.com(\/survey\/[A-Za-z0-9_-]+)/.exec(answer)?.[1];
  expect(url).toBeDefined();
  return url!;
};
const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers });
const post = (path: string, form: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(form).toString() });
const formKeyOf = (html: string): string => /name="formKey" value="([0-9a-f]{32})"/.exec(html)![1]!;

describe('customer survey links', () => {
  it('the customer answers once on a plain HTML page; stored as customer-entered feedback for the rep; the scorecard tells rep- and customer-entered apart', async () => {
    const path = await surveyPath();
    expect(await ask(p.ann, 'Acme Jane Doe')).toContain('Jane Doe, Acme');
    const page = await get(path, { 'accept-language': 'zh-CN,zh;q=0.9' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await page.text();
    expect(html).toContain('服务质量（1 = 很差，5 = 很好）');
    expect(html).not.toContain('<script');

    // A post without the page's form key is refused, as is one from another site.
    expect((await post(path, { service: '5', product: '4' })).status).toBe(403);
    expect((await post(path, { service: '5', product: '4', formKey: formKeyOf(html) }, { origin: 'https://evil.example' })).status).toBe(403);
    // A bad rating gets the form again with the problem, nothing stored.
    const bad = await post(path, { service: '9', product: '4', comment: 'ok', formKey: formKeyOf(html), lang: 'en' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Please choose a rating from 1 to 5');
    expect(await deps.store.feedback.count()).toBe(0);

    const ok = await post(path, { service: '5', product: '4', comment: 'Quick <b>answers</b>', formKey: formKeyOf(html), lang: 'en' }, { origin: PUBLIC });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('Thank you: your answer has been recorded.');
    const [fb] = await deps.store.feedback.find();
    expect(fb).toMatchObject({ repId: 'ann', accountId: 'acme', service: 5, product: 4, comment: 'Quick <b>answers</b>', source: 'survey', enteredBy: 'customer' });

    // Single use.
    expect((await post(path, { service: '1', product: '1', formKey: formKeyOf(html) })).status).toBe(410);
    expect(await (await get(path)).text()).toContain('already been answered');
    expect(await deps.store.feedback.count()).toBe(1);

    // A rep-entered rating too: the scorecard says which is which.
    await deps.store.feedback.insert({ id: 'fb-rep', repId: 'ann', accountId: 'acme', date: '2026-11-20', service: 5, product: 5, comment: '', source: 'customer', createdAt: T0 });
    const card = renderText((await converse(deps, p.ann, { type: 'command', command: 'scorecard', request: plainRequest('2026-Q4', SLACK) })).view);
    expect(card).toContain('1 rating entered by the rep, 1 answered by customers themselves');
  });

  it('escapes the account name; refuses unknown, expired, wrong-method, oversized and non-form requests; rate-limits a client', async () => {
    const path = await surveyPath(EVIL);
    const html = await (await get(path)).text();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co');
    expect(html).not.toContain('<script>');

    expect((await get('/survey/not-a-real-token-000000000000')).status).toBe(404);
    // A link mangled in transit (a broken %-escape) is an unknown link, answered as such: not a server error.
    for (const mangled of ['/survey/%E0%A4%A', '/survey/abc%zz']) {
      const answer = await get(mangled, { 'accept-language': 'en' });
      expect(answer.status).toBe(404);
      expect(answer.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await answer.text()).toContain('This survey link is not valid');
    }
    const put = await fetch(`${base}${path}`, { method: 'PUT', body: 'x' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, HEAD, POST');
    expect((await post(path, { service: '5', product: '5', comment: 'x'.repeat(20_000), formKey: formKeyOf(html) })).status).toBe(413);
    expect((await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(415);

    deps.clock.advance(15 * 86_400_000);
    const expired = await get(path);
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('expired');
    expect(await deps.store.feedback.count()).toBe(0);

    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await get('/survey/not-a-real-token-000000000000')).status);
    expect(statuses.at(-1)).toBe(429);
  });

  it('needs PUBLIC_URL, a rep and a known account; PUBLIC_URL is checked at start-up', async () => {
    for (const [actor, text, en, zh] of [
      [p.mgr, 'Acme', 'Only a sales rep', '只有销售本人'],
      [p.ann, 'Nowhere Ltd', 'No account is named in "Nowhere Ltd"', '没有可识别的客户名称'],
    ] as const) {
      const e = await refusal(ask(actor, text));
      expect(errorText('en', e)).toContain(en);
      expect(errorText('zh-CN', e)).toContain(zh);
    }
    delete deps.settings.publicUrl;
    const e = await refusal(ask(p.ann, 'Acme'));
    expect(errorText('en', e)).toContain('set PUBLIC_URL');
    expect(errorText('zh-CN', e)).toContain('PUBLIC_URL');
    expect(await deps.store.surveys.count()).toBe(0);

    expect(loadConfig({ PUBLIC_URL: 'https://bot.example.com/' }).publicUrl).toBe('https://bot.example.com');
    expect(() => loadConfig({ PUBLIC_URL: 'bot.example.com' })).toThrow(/PUBLIC_URL/);
  });
});
