import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  h.fake.addUser({ id: 'UNEW', name: 'Nina New', locale: 'en-US' });
  h.fake.addUser({ id: 'UXIN', name: '辛欣', locale: 'zh-CN' });
});
afterEach(() => h.close());

const last = () => (h.fake.responses.at(-1)!.body as { text: string }).text;
const UNPLACED_EN = ':warning: You are not placed in a team yet, so for now you can only see your own records. An administrator places you with /appraisal-admin team @you &lt;team&gt; (or gives you a role with /appraisal-admin role).';

describe('a newcomer nobody has placed sees only their own records', () => {
  it('refuses the ranking and colleagues’ scorecards, naming the admin command, and shows their own scorecard', async () => {
    await h.command('UNEW', '/ranking');
    expect(last()).toBe(UNPLACED_EN);
    await h.command('UNEW', '/scorecard', '<@UANN|ann>');
    expect(last()).toBe(UNPLACED_EN);
    await h.command('UNEW', '/scorecard');
    expect(last()).toContain('Scorecard: Nina New');
    expect(await h.deps.store.personByIdentity('slack:UNEW')).toMatchObject({ roles: ['rep'], unplaced: true });
  });

  it('says so in Chinese to a Chinese-speaking newcomer', async () => {
    await h.command('UXIN', '/ranking');
    expect(last()).toBe(':warning: 你还没有被分配到团队，目前只能查看自己的记录。请管理员用 /appraisal-admin team @你 &lt;团队&gt; 为你分配团队（或用 /appraisal-admin role 设置角色）。');
  });

  it('lets them see the ranking once an admin places them in a team', async () => {
    await h.command('UNEW', '/scorecard');
    await h.command(ADMIN, '/appraisal-admin', 'team <@UNEW|nina> East confirm');
    await h.command('UNEW', '/ranking');
    expect(last()).not.toContain('not placed');
    expect(last()).toContain('Ranking');
    expect((await h.deps.store.personByIdentity('slack:UNEW'))!.unplaced).toBeUndefined();
  });

  it('counts an admin’s role as placing them, even the rep role', async () => {
    await h.command('UNEW', '/scorecard');
    await h.command(ADMIN, '/appraisal-admin', 'role <@UNEW|nina> rep confirm');
    await h.command('UNEW', '/ranking');
    expect(last()).not.toContain('not placed');
  });

  it('leaves placed people as they were: a rep of a team and HR see the ranking', async () => {
    await h.command('UANN', '/ranking');
    expect(last()).not.toContain('not placed');
    await h.command('UHR', '/ranking');
    expect(last()).not.toContain('not placed');
  });
});
