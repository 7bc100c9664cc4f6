import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import { person, smallOrg, visits } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';
import { ask, shownTexts, type Answered } from './conversation.js';

/**
 * /scorecard, /ranking, /appraisal help and /appraisal-admin in the shared conversation (the
 * platform-neutral part of test/slack/reports-admin): who sees what, the privacy setting, the help
 * per role and language, and the admin commands with their refusals. Slack keeps the rendering,
 * channel markup and first-contact admins; Lark's transport (DM, group, menu, aliases) is in
 * test/lark/commands and test/lark/admin. Thursday 2026-11-26, in 2026-Q4.
 */
let deps: ReturnType<typeof testDeps>;
beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z');
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  const put = async (id: string, over: object) => deps.store.people.put({ ...(await deps.store.people.get(id))!, ...over });
  await put('ann', { name: 'Ann Lee' });
  await put('bob', { name: 'Bob Wu', locale: 'zh-CN' });
  await deps.store.people.insert(person('ada', { name: 'Ada Admin', roles: ['admin'] }));
  await deps.store.activities.insertMany([...visits('ann', 'acme', 20, '2026-10-05'), ...visits('bob', 'globex', 10, '2026-10-05'), ...visits('cat', 'acme', 5, '2026-10-05')]);
});
afterEach(() => deps.cleanup());

const said = (a: Answered): string => a.refusal ?? shownTexts(a.view).join('\n');
const say = async (who: string, line: string, known: string[] = []) => said(await ask(deps, who, line, { known }));
/** A one-line answer: the refusal, or the view's title. */
const answer = async (who: string, line: string, known: string[] = []) => {
  const a = await ask(deps, who, line, { known });
  return a.refusal ?? a.view.title;
};

describe('/scorecard (shared conversation)', () => {
  it('shows a rep their own explained scorecard with pacing; a manager a rep of their team; refuses a rep looking at a colleague', async () => {
    const own = await ask(deps, 'ann', '/scorecard');
    expect(own.view!.title).toBe('Scorecard: Ann Lee, 2026-Q4');
    expect(said(own)).toContain('Client visits: 20 so far');
    expect((await ask(deps, 'mgr', '/scorecard @ann 2026-Q4', { known: ['ann'] })).view!.title).toBe('Scorecard: Ann Lee, 2026-Q4');
    expect((await ask(deps, 'bob', '/成绩 @ann', { known: ['ann'] })).refusal).toBe('你无权查看 Ann Lee 的计分卡：销售只能看自己的，经理看本团队的，人力资源部可看全部。');
  });

  it('reads a malformed period as free text and shows the current quarter', async () => {
    expect((await ask(deps, 'ann', '/scorecard 2026-Q9')).view!.title).toBe('Scorecard: Ann Lee, 2026-Q4');
  });
});

describe('/ranking (shared conversation)', () => {
  it('shows the full ranking by default with the viewer’s place; ranks within a team; refuses an unknown team', async () => {
    const all = await say('ann', '/ranking');
    expect(all).toContain('Ranking 2026-Q4');
    expect(all).toContain('Your place: 1 of 3.');
    expect(await say('ann', '/排名 East')).toContain('Ranking 2026-Q4, team East');
    expect(await answer('ann', '/ranking Nowhere')).toBe('No team matches "Nowhere". Teams: East, West.');
  });

  it('follows the privacy setting: own position only for a rep, everything for HR', async () => {
    expect(await say('ada', '/appraisal-admin ranking top_n 5')).toContain('Rankings now show: the top 5 with scores.');
    expect(await say('ada', '/appraisal-admin ranking own_only')).toContain("Rankings now show: each person's own place only.");
    const rep = await say('bob', '/ranking');
    expect(rep).toContain('你的名次：第 2 名，共 3 人。');
    expect(rep).not.toContain('Ann Lee');
    expect(await say('hr', '/ranking')).toContain('Ann Lee');
  });
});

describe('/appraisal help (shared conversation)', () => {
  it('explains the commands in the user’s language, with admin commands for admins only', async () => {
    const rep = await say('bob', '/appraisal help');
    expect(rep).toContain('考核机器人：你可以做什么');
    expect(rep).not.toContain('appraisal-admin');
    expect(await say('ada', '/appraisal help')).toContain('/appraisal-admin (/管理) role @user');
  });
});

describe('/appraisal-admin (shared conversation)', () => {
  it('grants a role and puts someone in a team with its manager, audited; imports people from pasted lines', async () => {
    // Typed with confirm at the end (the question and its buttons: test/chat/privileged-confirm).
    expect(await answer('ada', '/appraisal-admin role @cat manager confirm', ['cat'])).toBe('cat’s roles are now: Rep, Manager.');
    expect(await answer('ada', '/appraisal-admin team @bob North China manager @cat confirm', ['bob', 'cat'])).toBe('Bob Wu is now in team North China. Team manager: cat.');
    const bob = (await deps.store.people.get('bob'))!;
    const team = (await deps.store.teams.get(bob.teamId!))!;
    expect([team.name, team.managerId, bob.managerId]).toEqual(['North China', 'cat', 'cat']);
    expect((await deps.store.audit.find({ action: 'role.grant' })).map((a) => a.subjectId)).toEqual(['cat']);

    expect(await answer('ada', '/appraisal-admin import people\nidentity,name,role,team,join_date\nlark:ou_zedzhang,Zed Zhang,rep,East,2026-11-02')).toBe('Imported people: 1 created, 0 updated, 0 unchanged.');
    expect(await deps.store.personByIdentity('lark:ou_zedzhang')).toMatchObject({ name: 'Zed Zhang', teamId: 'east' });
  });

  it('refuses everyone else and changes nothing', async () => {
    expect(await answer('ann', '/appraisal-admin role @ann admin', ['ann'])).toBe('This needs the Admin/HR role. Ask an administrator if you should have it.');
    expect((await deps.store.people.get('ann'))!.roles).toEqual(['rep']);
    expect(await answer('hr', '/appraisal-admin role @ann admin', ['ann'])).toBe('This needs the Admin role. Ask an administrator if you should have it.');
    expect(await deps.store.audit.count()).toBe(0);
  });

  it('answers unknown subcommands and roles, and a missing mention, with the usage or a specific message', async () => {
    expect(await say('ada', '/appraisal-admin frobnicate')).toContain('Usage:');
    expect(await answer('ada', '/appraisal-admin role @cat boss', ['cat'])).toBe('Unknown role boss: use one of rep, manager, hr, admin.');
    expect(await answer('ada', '/appraisal-admin role manager')).toBe('Mention the person, e.g. @Wang Fang.');
    expect(await deps.store.audit.count()).toBe(0);
  });
});
