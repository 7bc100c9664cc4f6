import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  // Slack knows Zed; the bot does not.
  h.fake.addUser({ id: 'UZED', name: 'Zed Zhang', locale: 'en-US' });
});
afterEach(() => h.close());

const last = () => (h.fake.responses.at(-1)!.body as { text: string }).text;

describe('a mention never enrols anyone', () => {
  it('answers a rep’s /scorecard @stranger with "I don’t know them yet", registering nobody', async () => {
    const before = await h.deps.store.people.count();
    await h.command('UANN', '/scorecard', '<@UZED|zed>');
    expect(last()).toBe(':warning: I don’t know @zed yet: they need to use the bot once themselves, or an administrator adds them with /appraisal-admin import people.');
    expect(await h.deps.store.personByIdentity('slack:UZED')).toBeNull();
    expect(await h.deps.store.people.count()).toBe(before);
    expect(h.fake.callsTo('users.info').filter((c) => c.params.user === 'UZED')).toEqual([]);
  });

  it('answers in Chinese to a Chinese-speaking user', async () => {
    await h.command('UBOB', '/scorecard', '<@UZED|zed>');
    expect(last()).toBe(':warning: 我还不认识 @zed：请对方先亲自使用一次机器人，或由管理员用 /appraisal-admin import people 添加。');
  });

  it('refuses an admin’s team or role for someone unknown, changing nothing', async () => {
    await h.command(ADMIN, '/appraisal-admin', 'team <@UZED|zed> East confirm');
    expect(last()).toContain('I don’t know @zed yet');
    await h.command(ADMIN, '/appraisal-admin', 'role <@UZED> manager confirm');
    expect(last()).toContain('I don’t know @UZED yet');
    expect(await h.deps.store.personByIdentity('slack:UZED')).toBeNull();
    expect(await h.deps.store.audit.count()).toBe(0);
  });

  it('still finds people the bot knows', async () => {
    await h.command('UMGR', '/scorecard', '<@UANN|ann>');
    expect(last()).toContain('Scorecard: ann');
    await h.command(ADMIN, '/appraisal-admin', 'team <@UCAT|cat> East confirm');
    expect((await h.deps.store.people.get('cat'))!.teamId).toBe('east');
  });
});
