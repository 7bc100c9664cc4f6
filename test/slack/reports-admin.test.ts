import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { visits } from '../helpers/org.js';
import { ADMIN, startHarness, type Harness } from './harness.js';

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

  it('lets a manager see a rep of their team, refuses a rep looking at a colleague', async () => {
    await h.command('UMGR', '/scorecard', '<@UANN|ann> 2026-Q4');
    expect(last().text).toBe('Scorecard: Ann Lee, 2026-Q4');
    await h.command('UBOB', '/scorecard', '<@UANN|ann>');
    expect(last().text).toBe(':warning: 你无权查看 Ann Lee 的计分卡：销售只能看自己的，经理看本团队的，人力资源部可看全部。');
  });

  it('explains a malformed period', async () => {
    await h.command('UANN', '/scorecard', '2026-Q9');
    // Not a period key, so it is read as free text and the current quarter is shown.
    expect(last().text).toBe('Scorecard: Ann Lee, 2026-Q4');
  });
});

describe('/ranking', () => {
  it('shows the full ranking by default, with the viewer’s place', async () => {
    await h.command('UANN', '/ranking');
    const text = allText(last());
    expect(text).toContain('Ranking 2026-Q4');
    expect(text).toContain('Your place: 1 of 3.');
  });

  it('follows the privacy setting: own position only for a rep, everything for HR', async () => {
    await h.command(ADMIN, '/appraisal-admin', 'ranking own_only');
    expect(last().text).toBe('Rankings now show: own_only.');
    await h.command('UBOB', '/ranking');
    const rep = allText(last());
    expect(rep).toContain('你的名次：第 2 名，共 3 人。');
    expect(rep).not.toMatch(/\d\s+ann\s/); // ann never used Slack here, so she is still named by id
    await h.command('UHR', '/ranking');
    expect(allText(last())).toMatch(/1\s+ann\s+East/);
  });

  it('ranks within a team and refuses an unknown team', async () => {
    await h.command('UANN', '/ranking', 'East');
    expect(allText(last())).toContain('Ranking 2026-Q4, team East');
    await h.command('UANN', '/ranking', 'Nowhere');
    expect(last().text).toBe(':warning: No team matches "Nowhere". Teams: East, West.');
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
    await h.command(ADMIN, '/appraisal-admin', 'role <@UCAT|cat> manager');
    expect(last().text).toBe('Cat Xu’s roles are now: rep, manager.');
    await h.command(ADMIN, '/appraisal-admin', 'team <@UBOB|bob> North China manager <@UCAT|cat>');
    expect(last().text).toBe('Bob Wu is now in team North China. Team manager: Cat Xu.');
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

  it('refuses everyone else and changes nothing', async () => {
    await h.command('UANN', '/appraisal-admin', 'role <@UANN|ann> admin');
    expect(last().text).toBe(':warning: This needs the admin/hr role. Ask an administrator if you should have it.');
    expect((await h.deps.store.people.get('ann'))!.roles).toEqual(['rep']);
    await h.command('UHR', '/appraisal-admin', 'role <@UANN|ann> admin');
    expect(last().text).toBe(':warning: This needs the admin role. Ask an administrator if you should have it.');
    expect(await h.deps.store.audit.count()).toBe(0);
  });

  it('answers unknown subcommands, roles and purposes with the usage or a specific message', async () => {
    await h.command(ADMIN, '/appraisal-admin', 'frobnicate');
    expect(last().text).toContain('Usage:');
    await h.command(ADMIN, '/appraisal-admin', 'role <@UCAT|cat> boss');
    expect(last().text).toBe(':warning: Unknown role boss: use one of rep, manager, hr, admin.');
    await h.command(ADMIN, '/appraisal-admin', 'channel gossip <#C0X|x>');
    expect(last().text).toBe(':warning: Unknown channel purpose gossip: use one of intel, rankings, results, hr-private.');
    await h.command(ADMIN, '/appraisal-admin', 'role manager');
    expect(last().text).toBe(':warning: Mention the person, e.g. @Wang Fang.');
  });
});

describe('rate limits', () => {
  it('retries a Web API call Slack answers with 429 after the Retry-After it asks for', async () => {
    h.fake.rateLimitNext('views.open', 1);
    await h.command('UANN', '/visit');
    expect(h.fake.callsTo('views.open')).toHaveLength(2);
  });
});
