import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import type { View } from '../../src/views/view.js';
import { person, smallOrg } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';
import { ask, click, shownTexts, type Answered } from './conversation.js';

/**
 * Privileged changes that name a person (`/appraisal-admin role|team|link`) first answer with a
 * question naming the exact person (full name, team, roles now → after) and Confirm / Cancel: a
 * partial name that matched the wrong Zhou shows before anything is written (issue 15). Only the
 * admin who asked answers it, while still an admin; a stale or replayed answer changes nothing and
 * says so; `… confirm` typed at the end changes at once (the console, scripts). Audited as before.
 */
let deps: ReturnType<typeof testDeps>;
beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z');
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  const put = async (id: string, over: object) => deps.store.people.put({ ...(await deps.store.people.get(id))!, ...over });
  await put('cat', { name: 'Cat Xu' });
  await put('bob', { name: 'Bob Wu' });
  await deps.store.people.insert(person('ada', { name: 'Ada Admin', roles: ['admin'] }));
  await deps.store.people.insert(person('eve', { name: 'Eve Admin', roles: ['admin'] }));
  await deps.store.people.insert(person('zhao', { name: 'Zhao Min', roles: ['admin'], locale: 'zh-CN' }));
});
afterEach(() => deps.cleanup());

/** What the person reads (the view's title is its first line or its header, so it is left out). */
const said = (a: Answered): string => a.refusal ?? shownTexts(a.view).slice(1).join('\n');
const buttonsOf = (v: View | undefined) => (v?.blocks ?? []).flatMap((b) => (b.type === 'actions' ? b.buttons : []));
const roles = async (id: string) => (await deps.store.people.get(id))!.roles;
const audits = async () => (await deps.store.audit.find()).map((a) => a.action);

/** Asks for the change; returns the question's text and its Confirm / Cancel values. */
async function question(who: string, line: string, known: string[]) {
  const a = await ask(deps, who, line, { known });
  const [confirm, cancel] = buttonsOf(a.view);
  return { text: said(a), confirm: confirm!, cancel: cancel! };
}

describe('a role change asks first, naming the exact person', () => {
  it('shows full name, team and roles now → after, changes nothing until Confirm, then changes and audits once', async () => {
    const q = await question('ada', '/appraisal-admin role @cat +manager', ['cat']);
    expect(q.text).toContain('Confirm a change to Cat Xu');
    expect(q.text).toContain('Cat Xu · team: West · roles: Rep');
    expect(q.text).toContain('Roles: Rep → Rep, Manager');
    expect(q.text).toContain('Nothing has changed yet. Press Confirm, or run: /appraisal-admin role @"Cat Xu" +manager confirm');
    expect([q.confirm.id, q.confirm.label, q.cancel.id, q.cancel.label]).toEqual(['decide:admin.confirm', 'Confirm', 'decide:admin.cancel', 'Cancel']);
    expect(await roles('cat')).toEqual(['rep']);
    expect(await audits()).toEqual([]);

    expect(said(await click(deps, 'ada', q.confirm.id, q.confirm.value))).toBe('Cat Xu’s roles are now: Rep, Manager.');
    expect(await roles('cat')).toEqual(['rep', 'manager']);
    expect(await audits()).toEqual(['role.grant']);

    // The same button again (a second click, a replayed request): nothing more happens, and it says so.
    expect(said(await click(deps, 'ada', q.confirm.id, q.confirm.value))).toBe('This change was already confirmed or cancelled: nothing changed again.');
    expect(await audits()).toEqual(['role.grant']);
  });

  it('is answered only by the admin who asked, while still an admin', async () => {
    const q = await question('ada', '/appraisal-admin role @cat admin', ['cat']);
    expect(said(await click(deps, 'eve', q.confirm.id, q.confirm.value))).toBe('Only Ada Admin, who asked for this change, can confirm or cancel it. Nothing changed.');
    expect(said(await click(deps, 'eve', q.cancel.id, q.cancel.value))).toBe('Only Ada Admin, who asked for this change, can confirm or cancel it. Nothing changed.');
    expect(said(await click(deps, 'cat', q.confirm.id, q.confirm.value))).toBe('This needs the Admin role. Ask an administrator if you should have it.');
    await deps.store.people.put({ ...(await deps.store.people.get('ada'))!, roles: ['hr'] });
    expect(said(await click(deps, 'ada', q.confirm.id, q.confirm.value))).toBe('This needs the Admin role. Ask an administrator if you should have it.');
    expect(await roles('cat')).toEqual(['rep']);
    expect(await audits()).toEqual([]);
  });

  it('changes nothing when the person changed since the question, and says so', async () => {
    const q = await question('ada', '/appraisal-admin role @cat +manager', ['cat']);
    // Meanwhile another admin makes Cat HR, typed with confirm (at once).
    expect(said(await ask(deps, 'eve', '/appraisal-admin role @cat +hr confirm', { known: ['cat'] }))).toBe('Cat Xu’s roles are now: Rep, HR.');
    expect(said(await click(deps, 'ada', q.confirm.id, q.confirm.value))).toBe(
      'Cat Xu’s profile has changed since you were asked: nothing changed. Run the command again to see the change as it would be now.',
    );
    expect(await roles('cat')).toEqual(['rep', 'hr']);
    expect(await audits()).toEqual(['role.grant']);
  });

  it('Cancel changes nothing, and the question cannot be confirmed after it', async () => {
    const q = await question('ada', '/appraisal-admin role @cat +manager', ['cat']);
    expect(said(await click(deps, 'ada', q.cancel.id, q.cancel.value))).toBe('Cancelled: nothing changed for Cat Xu.');
    expect(said(await click(deps, 'ada', q.confirm.id, q.confirm.value))).toBe('This change was already confirmed or cancelled: nothing changed again.');
    expect(await roles('cat')).toEqual(['rep']);
    expect(await audits()).toEqual([]);
  });

  it('refuses a button value that is not one it drew, changing nothing', async () => {
    for (const value of ['', 'not json', '{"by":"ada"}', JSON.stringify({ by: 'ada', sub: 'drop', args: [], users: ['cat'], key: 'x', nonce: 'n' })]) {
      expect(said(await click(deps, 'ada', 'decide:admin.confirm', value))).toBe('This button is out of date: run the command again.');
    }
    // A hand-made value with a wrong key is a change nobody was shown.
    const forged = JSON.stringify({ by: 'ada', sub: 'role', args: ['admin'], users: ['cat'], key: 'made-up', nonce: 'n1' });
    expect(said(await click(deps, 'ada', 'decide:admin.confirm', forged))).toContain('has changed since you were asked: nothing changed');
    expect(await roles('cat')).toEqual(['rep']);
  });

  it('typed with confirm at the end changes at once, audited; a change that changes nothing asks nothing', async () => {
    expect(said(await ask(deps, 'ada', '/appraisal-admin role @cat manager confirm', { known: ['cat'] }))).toBe('Cat Xu’s roles are now: Rep, Manager.');
    expect(await audits()).toEqual(['role.grant']);
    const same = await ask(deps, 'ada', '/appraisal-admin role @cat manager', { known: ['cat'] });
    expect(said(same)).toBe('Cat Xu already had these roles: Rep, Manager. Nothing changed.');
    expect(buttonsOf(same.view)).toEqual([]);
  });

  it('refuses a change it cannot make before asking (the last administrator)', async () => {
    await deps.store.people.put({ ...(await deps.store.people.get('eve'))!, roles: ['rep'] });
    await deps.store.people.put({ ...(await deps.store.people.get('zhao'))!, roles: ['rep'] });
    expect(said(await ask(deps, 'ada', '/appraisal-admin role @ada -admin +hr', { known: ['ada'] }))).toBe(
      'Ada Admin is the last administrator: make someone else admin first, so the bot always has one.',
    );
  });

  it('asks in Chinese with Chinese role labels and full-width punctuation', async () => {
    const q = await question('zhao', '/管理 role @cat +经理', ['cat']);
    expect(q.text).toContain('确认对 Cat Xu 的更改');
    expect(q.text).toContain('Cat Xu · 团队：West · 角色：销售代表');
    expect(q.text).toContain('角色：销售代表 → 销售代表、经理');
    expect(q.text).toContain('尚未作任何更改。点击“确认”，或运行：/管理 role @"Cat Xu" +经理 confirm');
    expect([q.confirm.label, q.cancel.label]).toEqual(['确认', '取消']);
    expect(said(await click(deps, 'zhao', q.confirm.id, q.confirm.value))).toBe('Cat Xu 现在的角色：销售代表、经理。');
  });
});

describe('other privileged changes that name a person ask first too', () => {
  it('a team assignment names the person, their team now and the team after (and its manager)', async () => {
    const q = await question('ada', '/appraisal-admin team @bob North manager @cat', ['bob', 'cat']);
    expect(q.text).toContain('Bob Wu · team: East · roles: Rep');
    expect(q.text).toContain('Team: East → North (a new team)');
    expect(q.text).toContain('Manager of North: none → Cat Xu');
    expect(q.text).toContain('run: /appraisal-admin team @"Bob Wu" North manager @"Cat Xu" confirm');
    expect((await deps.store.people.get('bob'))!.teamId).toBe('east');
    expect(await deps.store.teams.count()).toBe(2);

    expect(said(await click(deps, 'ada', q.confirm.id, q.confirm.value))).toBe('Bob Wu is now in team North. Team manager: Cat Xu.');
    const bob = (await deps.store.people.get('bob'))!;
    expect([(await deps.store.teams.get(bob.teamId!))!.name, bob.managerId]).toEqual(['North', 'cat']);
    expect(await audits()).toEqual(['team.assign']);
  });

  it('linking an identity names the person and the profile that will be merged in', async () => {
    await deps.store.people.insert(person('stray', { name: 'bobby (Slack)', identities: ['slack:UBOB'], unplaced: true }));
    const q = await question('ada', '/appraisal-admin link @bob slack:UBOB', ['bob']);
    expect(q.text).toContain('Bob Wu · team: East · roles: Rep');
    expect(q.text).toContain('Link slack:UBOB to Bob Wu.');
    expect(q.text).toContain('slack:UBOB now belongs to the profile “bobby (Slack)”, registered on first use: it will be merged into Bob Wu.');
    expect(await deps.store.people.get('stray')).toBeTruthy();

    expect(said(await click(deps, 'ada', q.confirm.id, q.confirm.value))).toBe('slack:UBOB is now linked to Bob Wu. The profile registered for it on first use (bobby (Slack)) was merged in.');
    expect(await deps.store.people.get('stray')).toBeFalsy();
    expect((await deps.store.people.get('bob'))!.identities).toContain('slack:UBOB');
    expect(await audits()).toEqual(['person.link']);
  });
});
