import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackOutbound } from '../../src/adapters/slack/outbound.js';
import { dispatchDue } from '../../src/application/delivery/dispatch.js';
import { T0, visits } from '../helpers/org.js';
import { buttonClick, startHarness, type Harness } from './harness.js';

/**
 * Awards and the publication, Slack's part: the decision buttons as Block Kit (with the Publish
 * confirmation dialog), a refused click answered ephemerally, a decided click updating its DM or
 * answering at its response_url, and the queued results posted through the real Slack client.
 * What the commands decide (refusals, texts, every DM's content, appeals) is in test/chat/rewards.
 */
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await h.deps.store.activities.insertMany([...visits('ann', 'acme', 36, '2026-07-01'), ...visits('bob', 'globex', 12, '2026-08-01')]);
  await h.deps.store.settings.put({ id: 'channels', value: { results: ['slack:CRESULTS'], 'hr-private': ['slack:CHR'] }, updatedAt: T0, updatedBy: 'hr' });
  await h.deps.store.settings.put({ id: 'cycle.policy', value: { baseBonus: 20000, appealWindowDays: 14, guideline: {}, topPerformers: 0 }, updatedAt: T0, updatedBy: 'hr' });
  await h.command('UHR', '/cycle', 'open 2026-Q3');
  await h.command('UHR', '/cycle', 'review 2026-Q3');
});
afterEach(() => h.close());

type Resp = { text: string; blocks?: { type: string; elements?: { action_id?: string; value?: string; confirm?: object }[] }[] };
const last = (): Resp => h.fake.responses.at(-1)!.body as Resp;

const click = (user: string, actionId: string, value: string, where: { dm: string; ts: string } | { responseUrl: string }) => h.interactive(buttonClick(user, actionId, value, where));

/** Sends the outbox through the real Slack outbound client to the fake Web API. */
async function dispatch() {
  const slack = createSlackOutbound({ botToken: 'xoxb-test-token', apiUrl: h.fake.apiUrl, limits: { perTargetIntervalMs: 0, perPlatformIntervalMs: 0 } });
  return dispatchDue(h.deps, new Map([['slack', slack]]), { owner: 'test', sleep: async () => {} });
}
const posted = (channel: string) => h.fake.callsTo('chat.postMessage').filter((c) => c.params.channel === channel).map((c) => JSON.stringify(c.params));

describe('awards and the publication in Slack', () => {
  it('the award request DM carries Block Kit buttons; a refused click is ephemeral, HR’s updates the DM; Publish asks for confirmation and answers at its response_url; the results are posted', async () => {
    await h.command('UMGR', '/award', '<@UANN|ann> Deal of the quarter: won the Acme framework deal');
    const [award] = await h.deps.store.awards.find();
    await dispatch();
    const request = h.fake.callsTo('chat.postMessage').find((c) => c.params.channel === 'DUHR')!;
    const actions = (request.params.blocks as Resp['blocks'])!.flatMap((b) => b.elements ?? []);
    expect(actions.map((e) => `${e.action_id}=${e.value}`)).toEqual([`decide:award.approve=${award!.id}`, `decide:award.reject=${award!.id}`]);
    expect(posted('CHR')[0]).toContain('Deal of the quarter');

    await click('UMGR', 'decide:award.approve', award!.id, { dm: 'DUMGR', ts: '5.1' });
    await h.fake.until(() => h.fake.callsTo('chat.postEphemeral').length === 1, 'the refusal');
    expect(h.fake.callsTo('chat.postEphemeral')[0]!.params.text).toContain('needs the HR role');
    expect(h.fake.callsTo('chat.update')).toHaveLength(0);

    await click('UHR', 'decide:award.approve', award!.id, { dm: 'DUHR', ts: '5.2' });
    await h.fake.until(() => h.fake.callsTo('chat.update').length === 1, 'the decided request');
    expect(h.fake.callsTo('chat.update')[0]!.params).toMatchObject({ channel: 'DUHR', ts: '5.2', text: 'Approved by Hana HR: "Deal of the quarter" for ann (2026-Q3).' });

    await h.command('UHR', '/publish-results', '2026-Q3', { responseId: 'preview' });
    const button = last().blocks!.flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'decide:publish.confirm')!;
    expect(button.value).toBe('2026-Q3');
    expect(button.confirm).toMatchObject({ title: { text: 'Publish 2026-Q3?' } });

    await click('UBOB', 'decide:publish.confirm', '2026-Q3', { responseUrl: h.fake.responseUrl('bob-click') });
    await h.fake.until(() => h.fake.callsTo('chat.postEphemeral').length === 2, 'the refusal');
    expect(h.fake.responses.some((r) => r.id === 'bob-click')).toBe(false);
    await click('UHR', 'decide:publish.confirm', '2026-Q3', { responseUrl: h.fake.responseUrl('publish-click') });
    await h.fake.until(() => h.fake.responses.some((r) => r.id === 'publish-click'), 'the publication');
    expect(h.fake.responses.find((r) => r.id === 'publish-click')!.body.text).toMatch(/^Published 2026-Q3 \(version 1\): 2 results frozen, 5 messages queued\.$/);

    await dispatch();
    expect(posted('CRESULTS')[0]).toContain('Grade distribution: S 0');
    expect(posted('DUANN').at(-1)).toContain('Your 2026-Q3 appraisal result');
    expect(posted('DUBOB').at(-1)).toContain('你的 2026-Q3 考核结果');
    expect(posted('DUMGR').at(-1)).toContain('/interview @ann');
    expect(posted('CHR').at(-1)).toContain('penalty flags');
  });
});
