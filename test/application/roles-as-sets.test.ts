import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import type { Person } from '../../src/domain/model/people.js';
import { say, submit } from '../helpers/converse.js';
import { person, smallOrg } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';

/**
 * Roles are a set, as companies have them: the first administrator of a small company is also its
 * HR and runs the cycle; a manager who still sells logs his own visits and reviews his team.
 * `/appraisal-admin role @x +hr | -rep | hr` adds or removes one role (a bare role adds); nobody
 * is left without a role and the bot always keeps an administrator.
 */
let deps: ReturnType<typeof testDeps>;
const get = async (id: string): Promise<Person> => (await deps.store.people.get(id))!;

beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z');
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  await deps.store.people.insert(person('adm', { name: 'Ada Admin', roles: ['admin'] }));
});
afterEach(() => deps.cleanup());

describe('an administrator who is also HR', () => {
  it('gives herself HR, keeping admin, and opens the cycle', async () => {
    const adm = await get('adm');
    expect(await say(deps, adm, 'cycle', 'open 2026-Q4')).toBe('⚠ This needs the HR role. Ask an administrator if you should have it. As an administrator you can give it to yourself: /appraisal-admin role @you +hr.');
    expect(await say(deps, { ...adm, locale: 'zh-CN' }, 'cycle', 'open 2026-Q4')).toContain('你是管理员，可以给自己添加该角色：/管理 role @你 +hr。');
    // Others are not told to grant themselves anything.
    expect(await say(deps, await get('ann'), 'cycle', 'open 2026-Q4')).toBe('⚠ This needs the HR role. Ask an administrator if you should have it.');
    expect(await say(deps, adm, 'appraisal-admin', 'role +hr confirm', [adm])).toBe('Ada Admin’s roles are now: HR, Admin.');
    expect((await get('adm')).roles).toEqual(['hr', 'admin']);
    expect(await say(deps, await get('adm'), 'cycle', 'open 2026-Q4')).not.toContain('⚠');
    expect((await deps.store.cycles.find({ periodKey: '2026-Q4' })).map((c) => c.state)).toEqual(['collecting']);
    // Still an administrator: she places people.
    expect(await say(deps, await get('adm'), 'appraisal-admin', 'team North confirm', [await get('bob')])).not.toContain('⚠');
  });

  it('comes from a people import with several roles in the role column', async () => {
    const adm = await get('adm');
    const csv = 'import people\nidentity,name,role,team,join_date\nslack:UHANA,Hana Ho,admin;hr,,2026-01-05';
    expect(await say(deps, adm, 'appraisal-admin', csv)).toContain('1 created');
    const hana = (await deps.store.personByIdentity('slack:UHANA'))!;
    expect(hana.roles).toEqual(['admin', 'hr']);
    expect(await say(deps, hana, 'cycle', 'open 2026-Q4')).not.toContain('⚠');
  });
});

describe('a player-coach (manager and rep)', () => {
  it('logs his own visits and reviews his team', async () => {
    const adm = await get('adm');
    expect(await say(deps, adm, 'appraisal-admin', 'role +rep confirm', [await get('mgr')])).toBe('mgr’s roles are now: Rep, Manager.');
    const coach = await get('mgr');
    const logged = await submit(deps, coach, 'visit', { account: '', newAccountName: 'Initech', newAccountTier: 'B', date: '2026-11-25', mode: 'in_person', contacts: 'Li Wei', purpose: 'Quarterly review', outcome: 'Pilot agreed', nextStep: '', nextStepDate: '' });
    expect(logged).toContain('Logged: visit with Initech on 2026-11-25');
    expect(await deps.store.activities.find({ repId: 'mgr' })).toHaveLength(1);
    expect(await say(deps, coach, 'scorecard')).toContain('mgr');
    expect(await say(deps, coach, 'scorecard', '', [await get('ann')])).not.toContain('⚠');
    expect(await say(deps, coach, 'scorecard', '', [await get('cat')])).toContain("⚠ You may not see cat's scorecard");
  });
});

describe('changing roles', () => {
  it('removes one role and keeps the others; a change that changes nothing says so', async () => {
    const adm = await get('adm');
    await deps.store.people.put({ ...(await get('mgr')), roles: ['rep', 'manager'] });
    expect(await say(deps, adm, 'appraisal-admin', 'role -rep confirm', [await get('mgr')])).toBe('mgr’s roles are now: Manager.');
    expect((await get('mgr')).roles).toEqual(['manager']);
    expect(await say(deps, adm, 'appraisal-admin', 'role manager confirm', [await get('mgr')])).toBe('mgr already had these roles: Manager. Nothing changed.');
    const audit = await deps.store.audit.find({ action: 'role.grant' });
    expect(audit.map((a) => a.details)).toEqual([{ from: ['rep', 'manager'], to: ['manager'] }]);
    // Several changes at once, in Chinese: a rep becomes a manager who no longer sells.
    const zhAdm = { ...adm, locale: 'zh-CN' as const };
    expect(await say(deps, zhAdm, 'appraisal-admin', 'role ＋经理 -rep confirm', [await get('bob')])).toBe('bob 现在的角色：经理。');
  });

  it('refuses to leave someone with no role, an unknown role and a bare command, changing nothing', async () => {
    const adm = await get('adm');
    expect(await say(deps, adm, 'appraisal-admin', 'role -rep', [await get('ann')])).toBe('⚠ ann would have no role left: give another role in the same command, e.g. +rep -manager.');
    expect(await say(deps, adm, 'appraisal-admin', 'role +boss', [await get('ann')])).toBe('⚠ Unknown role boss: use one of rep, manager, hr, admin.');
    expect(await say(deps, adm, 'appraisal-admin', 'role', [await get('ann')])).toContain('⚠ Say which role to add or remove: +hr adds it, -hr removes it');
    expect((await get('ann')).roles).toEqual(['rep']);
    expect(await deps.store.audit.count()).toBe(0);
  });

  it('never takes admin from the last administrator, herself included; with a second admin she may step down', async () => {
    const adm = await get('adm');
    expect(await say(deps, adm, 'appraisal-admin', 'role -admin +hr', [adm])).toBe('⚠ Ada Admin is the last administrator: make someone else admin first, so the bot always has one.');
    expect((await get('adm')).roles).toEqual(['admin']);
    expect(await say({ ...deps }, { ...adm, locale: 'zh-CN' }, 'appraisal-admin', 'role -admin +hr', [adm])).toBe('⚠ Ada Admin 是最后一位管理员：请先让另一个人成为管理员，机器人必须始终有一位管理员。');
    expect(await say(deps, adm, 'appraisal-admin', 'role +admin confirm', [await get('hr')])).toBe('hr’s roles are now: HR, Admin.');
    expect(await say(deps, adm, 'appraisal-admin', 'role -admin +hr confirm', [adm])).toBe('Ada Admin’s roles are now: HR.');
    // Now hr is the last one.
    const hr = await get('hr');
    expect(await say(deps, hr, 'appraisal-admin', 'role -admin', [hr])).toContain('is the last administrator');
    expect((await get('hr')).roles).toEqual(['hr', 'admin']);
  });
});
