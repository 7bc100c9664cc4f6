import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackOutbound } from '../../src/adapters/slack/outbound.js';
import { dispatchDue } from '../../src/application/delivery/dispatch.js';
import { T0 } from '../helpers/org.js';
import { FakeSlack } from '../slack/fake-slack.js';
import { buttonClick, startHarness, VISIT_VALUES, type Harness } from '../slack/harness.js';
import { HOSTILE, HOSTILE_NAME, SLACK_LIVE, slackTyped, strings } from './hostile.js';

/**
 * Issue 13 (mention and link injection), Slack: user-written text reaches every output literally.
 * Each test feeds hostile text in through the real entry point (signed requests, the outbox through
 * the real outbound client) and reads what reached the fake Web API: no broadcast, no mention of
 * U999, no disguised link — in the `text` notifications show as much as in the blocks.
 */
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const lastResponse = () => h.fake.responses.at(-1)!.body;
const params = (method: string) => h.fake.callsTo(method).map((c) => c.params);

/**
 * No live markup from the user anywhere it is parsed (plain_text objects are not: Slack shows them
 * as they are), and the user's text did arrive (escaped).
 */
function expectNeutral(what: unknown, arrived = '&lt;!channel&gt;'): void {
  const all = strings(what, (o) => o.type === 'plain_text');
  for (const s of all) expect(s).not.toMatch(SLACK_LIVE);
  expect(all.join('\n')).toContain(arrived);
}

describe('Slack: user text is literal in everything the bot posts', () => {
  it('the intel post: its text and blocks carry the rep’s words escaped, and the author is named', async () => {
    await h.deps.store.settings.put({ id: 'channels', value: { intel: ['slack:C0INTEL'] }, updatedAt: '2026-11-01T00:00:00Z' });
    await h.submit('UANN', 'intel', { topic: { text: 'Pricing <!here>' }, text: { text: HOSTILE } });
    await h.fake.until(() => h.fake.callsTo('chat.postMessage').length === 1, 'the intel post');
    const post = params('chat.postMessage')[0] as { text: string; blocks: { text: { text: string } }[] };
    expectNeutral(post);
    // Through the outbox, whose views are platform-neutral: the author is named (not mentioned), the
    // heading is a plain-text header (shown as typed, parsed for nothing), the text escaped.
    expect(post.text).toMatch(/^Market intel from Ann Lee: Pricing &lt;!here&gt;\n&lt;!channel&gt; /);
    expect(post.blocks[0]).toMatchObject({ type: 'header', text: { type: 'plain_text', text: 'Market intel from Ann Lee: Pricing <!here>' } });
    expect(post.blocks[1]!.text.text).toContain('&lt;!channel&gt;');
    expect(post.text).toContain('&amp; @\u2060everyone');
    expectNeutral(lastResponse(), '&lt;!here&gt;');
  });

  it('a form’s confirmation (response_url) and the App Home show a new account’s name and the notes literally', async () => {
    await h.submit('UANN', 'visit', { ...VISIT_VALUES, account: undefined, newAccountName: { text: HOSTILE_NAME }, purpose: { text: HOSTILE } });
    expect(await h.deps.store.activities.count()).toBe(1);
    expectNeutral(lastResponse());
    await h.event({ type: 'app_home_opened', user: 'UANN', channel: 'DUANN', tab: 'home', event_ts: '1764122400.000100' }, 'EvInjectionHome');
    await h.fake.until(() => h.fake.callsTo('views.publish').length === 1, 'the App Home');
    expectNeutral(params('views.publish')[0]);
  });

  it('an error that echoes what was typed (an unknown team)', async () => {
    await h.command('UMGR', '/ranking', slackTyped(HOSTILE_NAME));
    const answer = lastResponse() as { text: string };
    expect(answer.text).toContain('No team matches');
    expectNeutral(answer);
  });

  it('an admin answer that echoes a team name', async () => {
    await h.command('UADMIN', '/appraisal-admin', `team <@UANN|ann> ${slackTyped('R&D <!channel>')} confirm`);
    const answer = lastResponse() as { text: string };
    // Read as typed, shown as typed: escaped exactly once.
    const ann = (await h.deps.store.people.get('ann'))!;
    expect((await h.deps.store.teams.get(ann.teamId!))!.name).toBe('R&D <!channel>');
    expect(answer.text).toContain('R&amp;D &lt;!channel&gt;');
    expectNeutral(answer);
  });

  it('an admin answer keeps the bot’s own channel link live', async () => {
    await h.command('UADMIN', '/appraisal-admin', 'channel intel <#C0INTEL|intel>');
    const answer = lastResponse() as { text: string };
    expect(answer.text).toContain('<#C0INTEL>');
  });

  it('a CSV import answer that echoes the file’s cells', async () => {
    const csv = `name,tier\n"${HOSTILE.replace(/"/g, '""')}",A\nHooli,"<!channel> <@U999>"\n`;
    h.fake.files.set('FX', csv);
    await h.event(
      { type: 'message', subtype: 'file_share', channel: 'DUADMIN', channel_type: 'im', user: 'UADMIN', text: 'import accounts', ts: '1764000000.000100', event_ts: '1764000000.000100', files: [{ id: 'FX', name: 'a.csv', size: 300, url_private_download: h.fake.fileUrl('FX') }] },
      'EvInjectionCsv',
    );
    await h.fake.until(() => h.fake.callsTo('chat.postMessage').length === 1, 'the import answer');
    expectNeutral(params('chat.postMessage')[0]);
  });

  it('an award’s title and reason: the proposal, HR’s DM and channel post from the outbox, the decision', async () => {
    await h.deps.store.settings.put({ id: 'channels', value: { 'hr-private': ['slack:CHR'] }, updatedAt: T0, updatedBy: 'hr' });
    await h.command('UHR', '/cycle', 'open 2026-Q3');
    await h.command('UHR', '/cycle', 'review 2026-Q3');
    await h.command('UMGR', '/award', `<@UANN|ann> ${slackTyped('<!channel> <@U999> & @here')}: ${slackTyped(HOSTILE)}`);
    expectNeutral(lastResponse());
    const [award] = await h.deps.store.awards.find();
    expect(award!.title).toBe('<!channel> <@U999> & @here');
    const slack = createSlackOutbound({ botToken: 'xoxb-test-token', apiUrl: h.fake.apiUrl, limits: { perTargetIntervalMs: 0, perPlatformIntervalMs: 0 } });
    await dispatchDue(h.deps, new Map([['slack', slack]]), { owner: 'test', sleep: async () => {} });
    const posts = params('chat.postMessage');
    expect(posts.map((p) => p.channel).sort()).toEqual(['CHR', 'DUHR']);
    for (const post of posts) expectNeutral(post);
    await h.interactive(buttonClick('UHR', 'decide:award.approve', award!.id, { dm: 'DUHR', ts: '5.2' }));
    await h.fake.until(() => h.fake.callsTo('chat.update').length === 1, 'the decision');
    expectNeutral(params('chat.update')[0]);
  });
});

describe('Slack outbound: the outbox message’s text and the chart’s comment', () => {
  let fake: FakeSlack;
  beforeEach(async () => {
    fake = new FakeSlack();
    await fake.start();
  });
  afterEach(() => fake.stop());

  it('escapes the notification text, the blocks and the file comment', async () => {
    const slack = createSlackOutbound({ botToken: 'xoxb-test-token', apiUrl: fake.apiUrl });
    const image = { png: new Uint8Array([137, 80, 78, 71]), title: `Trend: ${HOSTILE_NAME}` };
    await slack.send({ kind: 'dm', identity: 'slack:UANN' }, { text: HOSTILE, view: { title: HOSTILE_NAME, blocks: [{ type: 'text', text: HOSTILE }] }, image }, { idempotencyKey: 'k', recovered: false });
    expectNeutral(fake.callsTo('chat.postMessage')[0]!.params);
    const complete = fake.callsTo('files.completeUploadExternal')[0]!.params;
    expect(complete.initial_comment).toBe('Trend: &lt;!channel&gt; [x](http://evil.test) &lt;at id=all&gt;&lt;/at&gt; &amp; \u001b[31m');
  });
});
