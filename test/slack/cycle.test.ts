import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { T0, visits } from '../helpers/org.js';
import { startHarness, VISIT_VALUES, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await h.deps.store.activities.insertMany([...visits('ann', 'acme', 30, '2026-07-01'), ...visits('bob', 'globex', 12, '2026-08-01')]);
  await h.deps.store.settings.put({ id: 'channels', value: { results: ['slack:CRESULTS'] }, updatedAt: T0, updatedBy: 'hr' });
});
afterEach(() => h.close());

type Resp = { text: string; response_type?: string; blocks?: unknown[] };
const last = (): Resp => h.fake.responses.at(-1)!.body as Resp;
const allText = (r: Resp) => JSON.stringify(r.blocks ?? r.text);

describe('/cycle and /publish-results in Slack', () => {
  it('HR opens, reviews and publishes 2026-Q3 with a confirmation; a rep is refused; the DMs are queued', async () => {
    await h.command('UANN', '/cycle', 'open 2026-Q3');
    expect(last().text).toContain('needs the HR role');
    await h.command('UHR', '/cycle', 'open 2026-Q3 close 2026-10-10');
    expect(last().text).toBe('Review cycle 2026-Q3 is open for data entry (template default v1), entries close on 2026-10-10.');
    expect(last().response_type).toBe('ephemeral');
    await h.command('UHR', '/cycle', 'status 2026-Q3');
    expect(allText(last())).toContain('collecting data');
    await h.command('UHR', '/publish-results', '2026-Q3');
    expect(last().text).toContain('it must be in review');
    await h.command('UHR', '/cycle', 'review 2026-Q3');
    expect(last().text).toContain('is now in review');

    await h.command('UHR', '/publish-results', '2026-Q3');
    expect(allText(last())).toContain('/publish-results 2026-Q3 confirm');
    expect(await h.deps.store.results.count()).toBe(0);

    await h.command('UBOB', '/publish-results', '2026-Q3 confirm');
    expect(last().text).toContain('此操作需要人力资源角色'); // bob reads Chinese
    expect(await h.deps.store.results.count()).toBe(0);

    await h.command('UHR', '/publish-results', '2026-Q3 confirm');
    expect(last().text).toMatch(/^Published 2026-Q3 \(version 1\): 2 results frozen, 4 messages queued\.$/);
    const outbox = await h.deps.store.outbox.find({ job: 'publish-results' });
    expect(outbox.map((o) => (o.target.kind === 'dm' ? o.target.identity : o.target.channel)).sort()).toEqual([
      'slack:CRESULTS',
      'slack:UANN',
      'slack:UBOB',
      'slack:UMGR',
    ]);
    expect(outbox.find((o) => o.target.kind === 'dm' && o.target.identity === 'slack:UBOB')!.message.text).toContain('你的 2026-Q3 考核结果');

    await h.command('UHR', '/publish-results', '2026-Q3 confirm');
    expect(last().text).toContain('already been published');
    expect(await h.deps.store.outbox.count({ job: 'publish-results' })).toBe(4);
  });

  it('refuses a visit in a published quarter, while the quarter before publication accepted it', async () => {
    const q3Visit = { ...VISIT_VALUES, date: { date: '2026-09-29' } };
    const before = await h.deps.store.activities.count();
    expect((await h.submit('UANN', 'visit', q3Visit)).status).toBe(200);
    expect(await h.deps.store.activities.count()).toBe(before + 1);
    await h.command('UHR', '/cycle', 'open 2026-Q3');
    await h.command('UHR', '/cycle', 'review 2026-Q3');
    await h.command('UHR', '/publish-results', '2026-Q3 confirm');
    expect(last().text).toContain('Published 2026-Q3');
    const res = await h.submit('UANN', 'visit', q3Visit);
    expect(res.json()).toEqual({ response_action: 'errors', errors: { date: '2026-Q3 is closed for entries' } });
    expect(await h.deps.store.activities.count()).toBe(before + 1);
  });
});
