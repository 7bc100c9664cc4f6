import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { visits } from '../helpers/org.js';
import { ADMIN, startHarness, type Harness } from './harness.js';

/**
 * Reports and admin on Slack: the scorecard as an ephemeral Block Kit message, a refusal as a
 * warning, help without Chinese aliases, an administrator known from APPRAISAL_ADMINS at first
 * contact, mention and channel markup, pasted lines, and a 429 retried. Who sees what, the privacy
 * setting and the admin commands' answers and refusals are in test/chat/reports-admin.
 */
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await h.deps.store.activities.insertMany(visits('ann', 'acme', 20, '2026-10-05'));
  await h.deps.store.activities.insertMany(visits('bob', 'globex', 10, '2026-10-05'));
  await h.deps.store.activities.insertMany(visits('cat', 'acme', 5, '2026-10-05'));
});
afterEach(() => h.close());

type Resp = { text: string; blocks?: { type: string; text?: { text: string }; fields?: { text: string }[]; elements?: { text: string }[] }[] };
const last = (): Resp => h.fake.responses.at(-1)!.body as Resp;
const allText = (r: Resp) => JSON.stringify(r.blocks ?? r.text);

describe('/scorecard', () => {
  it('shows a rep their own explained scorecard with pacing, ephemerally', async () => {
    await h.command('UANN', '/scorecard');
    const r = last();
    expect(r.text).toBe('Scorecard: Ann Lee, 2026-Q4');
    expect(r.blocks![0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Scorecard: Ann Lee, 2026-Q4', emoji: true } });
    expect(allText(r)).toContain('Client visits: 20 so far');
    expect((h.fake.responses.at(-1)!.body as { response_type: string }).response_type).toBe('ephemeral');
  });

  it('reads the rep from a mention and shows a refusal as a warning, in the reader’s language', async () => {
    await h.command('UBOB', '/scorecard', '<@UANN|ann>');
    expect(last().text).toBe(':warning: 你无权查看 ann 的计分卡：销售只能看自己的，经理看本团队的，人力资源部可看全部。');
  });

});

describe('/appraisal help', () => {
  it('explains the commands in the user’s language, with admin commands for admins only', async () => {
    await h.command('UBOB', '/appraisal', 'help');
    expect(allText(last())).toContain('考核机器人：你可以做什么');
    expect(allText(last())).not.toContain('appraisal-admin');
    await h.command(ADMIN, '/appraisal', 'help');
    expect(allText(last())).toContain('/appraisal-admin role @user');
  });
});

describe('/appraisal-admin', () => {
  it('lets an administrator from APPRAISAL_ADMINS grant a role and put someone in a team, audited', async () => {
    await h.command(ADMIN, '/appraisal-admin', 'role <@UCAT|cat> manager confirm');
    expect(last().text).toBe('cat’s roles are now: Rep, Manager.');
    await h.command(ADMIN, '/appraisal-admin', 'team <@UBOB|bob> North China manager <@UCAT|cat> confirm');
    expect(last().text).toBe('bob is now in team North China. Team manager: cat.');
    const bob = (await h.deps.store.people.get('bob'))!;
    const team = (await h.deps.store.teams.get(bob.teamId!))!;
    expect([team.name, team.managerId, bob.managerId]).toEqual(['North China', 'cat', 'cat']);
    expect((await h.deps.store.audit.find({ action: 'role.grant' })).map((a) => a.subjectId)).toEqual(['cat']);
  });

  it('sets the channel for a purpose', async () => {
    await h.command(ADMIN, '/appraisal-admin', 'channel intel <#C0INTEL|intel>');
    expect(last().text).toBe('The bot now posts intel to <#C0INTEL>.');
    expect((await h.deps.store.settings.get('channels'))!.value).toEqual({ intel: ['slack:C0INTEL'] });
  });

  it('imports people from a pasted CSV block', async () => {
    h.fake.addUser({ id: 'UZED', name: 'Zed', locale: 'en-US' });
    await h.command(ADMIN, '/appraisal-admin', 'import people\nidentity,name,role,team,join_date\nslack:UZED,Zed Zhang,rep,East,2026-11-02');
    expect(last().text).toBe('Imported people: 1 created, 0 updated, 0 unchanged.');
    expect(await h.deps.store.personByIdentity('slack:UZED')).toMatchObject({ name: 'Zed Zhang', teamId: 'east' });
  });

  it('answers an unknown channel purpose named with channel markup', async () => {
    await h.command(ADMIN, '/appraisal-admin', 'channel gossip <#C0X|x>');
    expect(last().text).toBe(':warning: Unknown channel purpose gossip: use one of intel, rankings, results, hr-private.');
  });
});

describe('rate limits', () => {
  it('retries a Web API call Slack answers with 429 after the Retry-After it asks for', async () => {
    h.fake.rateLimitNext('views.open', 1);
    await h.command('UANN', '/visit');
    expect(h.fake.callsTo('views.open')).toHaveLength(2);
  });
});
