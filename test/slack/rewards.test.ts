import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackOutbound } from '../../src/adapters/slack/outbound.js';
import { dispatchDue } from '../../src/application/delivery/dispatch.js';
import { T0, visits } from '../helpers/org.js';
import { buttonClick, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await h.deps.store.activities.insertMany([...visits('ann', 'acme', 36, '2026-07-01'), ...visits('bob', 'globex', 12, '2026-08-01')]);
  // ann signs and collects a ¥1.5M deal: grade B (×1); bob lands in the lowest grade.
  await h.deps.store.deals.insert({
    id: 'd1', repId: 'ann', accountId: 'acme', amount: 1_500_000, currency: 'CNY', amountBase: 1_500_000, units: 300,
    product: 'Robots', signedDate: '2026-07-10', dueDate: '2026-08-10', firstWin: true, createdAt: T0,
  });
  await h.deps.store.payments.insert({ id: 'p1', dealId: 'd1', repId: 'ann', amount: 1_500_000, amountBase: 1_500_000, dueDate: '2026-08-10', receivedDate: '2026-08-09', createdAt: T0 });
  await h.deps.store.settings.put({ id: 'channels', value: { results: ['slack:CRESULTS'], 'hr-private': ['slack:CHR'] }, updatedAt: T0, updatedBy: 'hr' });
  await h.deps.store.settings.put({ id: 'cycle.policy', value: { baseBonus: 20000, appealWindowDays: 14, guideline: {}, topPerformers: 0 }, updatedAt: T0, updatedBy: 'hr' });
  await h.command('UHR', '/cycle', 'open 2026-Q3');
  await h.command('UHR', '/cycle', 'review 2026-Q3');
});
afterEach(() => h.close());

type Resp = { text: string; blocks?: { type: string; elements?: { action_id?: string; value?: string; confirm?: object }[] }[] };
const last = (): Resp => h.fake.responses.at(-1)!.body as Resp;
const allText = (r: Resp) => JSON.stringify(r.blocks ?? r.text);
const DAY = 86_400_000;

const click = (user: string, actionId: string, value: string, where: { dm: string; ts: string } | { responseUrl: string }) => h.interactive(buttonClick(user, actionId, value, where));

/** Sends the outbox through the real Slack outbound client to the fake Web API. */
async function dispatch() {
  const slack = createSlackOutbound({ botToken: 'xoxb-test-token', apiUrl: h.fake.apiUrl, limits: { perTargetIntervalMs: 0, perPlatformIntervalMs: 0 } });
  return dispatchDue(h.deps, new Map([['slack', slack]]), { owner: 'test', sleep: async () => {} });
}
const posted = (channel: string) => h.fake.callsTo('chat.postMessage').filter((c) => c.params.channel === channel).map((c) => JSON.stringify(c.params));

describe('awards, publication and appeals in Slack', () => {
  it('a manager’s award approved by HR with the button, published with the Publish button; channel summary and DMs checked', async () => {
    await h.command('UBOB', '/award', '<@UANN|ann> Best teammate: helped me close Globex');
    expect(last().text).toContain('需要人力资源或经理角色'); // bob is a rep, and reads Chinese
    await h.command('UMGR', '/award', '<@UANN|ann> Deal of the quarter: won the Acme framework deal');
    expect(last().text).toBe('Special award "Deal of the quarter" for ann (2026-Q3) is proposed; HR has been asked to approve it.');
    const [award] = await h.deps.store.awards.find();
    expect(award!.state).toBe('pending');

    // HR gets the request by DM and in the HR channel, with the buttons.
    await dispatch();
    const request = posted('DUHR')[0]!;
    expect(request).toContain('decide:award.approve');
    expect(posted('CHR')[0]).toContain('Deal of the quarter');

    // The manager cannot decide with a forwarded button.
    await click('UMGR', 'decide:award.approve', award!.id, { dm: 'DUMGR', ts: '5.1' });
    await h.fake.until(() => h.fake.callsTo('chat.postEphemeral').length === 1, 'the refusal');
    expect(h.fake.callsTo('chat.postEphemeral')[0]!.params.text).toContain('needs the hr role');
    expect((await h.deps.store.awards.get(award!.id))!.state).toBe('pending');

    await click('UHR', 'decide:award.approve', award!.id, { dm: 'DUHR', ts: '5.2' });
    await h.fake.until(() => h.fake.callsTo('chat.update').length === 1, 'the decided request');
    expect(h.fake.callsTo('chat.update')[0]!.params.text).toBe('Approved by Hana HR: "Deal of the quarter" for ann (2026-Q3).');
    await click('UHR', 'decide:award.reject', award!.id, { dm: 'DUHR', ts: '5.2' });
    await h.fake.until(() => h.fake.callsTo('chat.update').length === 2, 'the second click');
    expect(h.fake.callsTo('chat.update')[1]!.params.text).toBe('"Deal of the quarter" for ann has already been decided: approved.');
    expect((await h.deps.store.awards.get(award!.id))!.state).toBe('approved');
    await h.command('UMGR', '/award', 'list');
    expect(allText(last())).toMatch(/Special awards 2026-Q3.*Deal of the quarter: won the Acme framework deal.*approved/);

    await h.command('UHR', '/publish-results', '2026-Q3', { responseId: 'preview' });
    const preview = last();
    expect(allText(preview)).toContain('Special awards:\\nann: Deal of the quarter');
    expect(allText(preview)).toContain('Bonus amounts: ¥20,000 in total');
    const button = preview.blocks!.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'decide:publish.confirm')!;
    expect(button.value).toBe('2026-Q3');
    expect(button.confirm).toMatchObject({ title: { text: 'Publish 2026-Q3?' } });
    expect(await h.deps.store.results.count()).toBe(0);

    await click('UBOB', 'decide:publish.confirm', '2026-Q3', { responseUrl: h.fake.responseUrl('bob-click') });
    await h.fake.until(() => h.fake.callsTo('chat.postEphemeral').length === 2, 'the refusal');
    expect(await h.deps.store.results.count()).toBe(0);
    await click('UHR', 'decide:publish.confirm', '2026-Q3', { responseUrl: h.fake.responseUrl('publish-click') });
    await h.fake.until(() => h.fake.responses.some((r) => r.id === 'publish-click'), 'the publication');
    expect(h.fake.responses.find((r) => r.id === 'publish-click')!.body.text).toMatch(/^Published 2026-Q3 \(version 1\): 2 result\(s\) frozen, 5 message\(s\) queued\.$/);
    await h.command('UHR', '/publish-results', '2026-Q3 confirm');
    expect(last().text).toContain('already been published');

    await dispatch();
    const summary = posted('CRESULTS')[0]!;
    expect(summary).toContain('Grade distribution: S 0');
    expect(summary).toContain('ann: Deal of the quarter');
    const ann = posted('DUANN').at(-1)!;
    expect(ann).toContain('Your 2026-Q3 appraisal result');
    expect(ann).toContain('Bonus: ¥');
    expect(ann).toContain('Special award: Deal of the quarter');
    expect(ann).toContain('Team average');
    expect(ann).toContain('appeal until 2026-12-10');
    expect(posted('DUBOB').at(-1)).toContain('你的 2026-Q3 考核结果');
    const mgr = posted('DUMGR').at(-1)!;
    expect(mgr).toContain('/interview @ann');
    expect(mgr).toContain('/interview @Bob Wu');
    expect(posted('CHR').at(-1)).toContain('penalty flags');
  });

  it('appeals: one accepted as version 2, one rejected, and the refusals', async () => {
    await h.command('UHR', '/publish-results', '2026-Q3 confirm');
    await h.command('UBOB', '/appeal', '太短了');
    expect(last().text).toContain('至少 10 个字符');
    await h.command('UMGR', '/appeal', 'I want to appeal this result');
    expect(last().text).toContain('Only a sales rep');
    await h.command('UBOB', '/appeal', 'my September visits to Globex were logged late');
    expect(last().text).toContain('申诉已登记');
    await h.command('UANN', '/appeal', '2026-Q3 the Acme deal should have counted in Q3');
    expect(last().text).toContain('Your appeal against your 2026-Q3 result (version 1) is filed');
    const annAppeal = (await h.deps.store.appeals.find({ repId: 'ann' }))[0]!;

    await h.command('UANN', '/appeal', `accept ${annAppeal.id} +10 I accept my own appeal`);
    expect(last().text).toContain('needs the hr role');
    await h.command('UHR', '/appeal', 'list 2026-Q3');
    expect(allText(last())).toContain(annAppeal.id);

    const v1 = (await h.deps.store.results.find({ repId: 'bob' }))[0]!;
    await h.command('UHR', '/appeal', 'accept <@UBOB|bob> +20 the client confirmed the September visits');
    expect(allText(last())).toMatch(/v1: .*grade D.*→ v2: /);
    const bob = (await h.deps.store.results.find({ repId: 'bob' })).sort((a, b) => a.version - b.version);
    expect(bob.map((r) => r.version)).toEqual([1, 2]);
    expect(bob[0]).toEqual(v1);
    expect(bob[1]!.scorecard.total).toBeCloseTo(v1.scorecard.total + 20, 6);

    await h.command('UHR', '/appeal', `reject ${annAppeal.id} the deal was signed in October`);
    expect(last().text).toBe(`Appeal ${annAppeal.id} rejected; Ann Lee has been told why.`);
    await dispatch();
    expect(posted('DUBOB').filter((m) => m.includes('申诉已被接受'))).toHaveLength(1); // bob reads Chinese
    expect(posted('DUANN').filter((m) => m.includes('Your 2026-Q3 appeal was rejected') && m.includes('the deal was signed in October'))).toHaveLength(1);

    await h.command('UANN', '/appeal', '');
    expect(allText(last())).toContain('rejected: the deal was signed in October');
    await h.command('UBOB', '/scorecard', '2026-Q3');
    expect(allText(last())).toContain(String(bob[1]!.scorecard.total.toFixed(1)));

    h.deps.clock.advance(15 * DAY);
    await h.command('UANN', '/appeal', 'one more try at this quarter result');
    expect(last().text).toContain('The appeal window for 2026-Q3 closed on 2026-12-10.');
  });
});
