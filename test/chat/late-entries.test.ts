import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import { t } from '../../src/views/i18n.js';
import type { View } from '../../src/views/view.js';
import { smallOrg } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';
import { ask, click, shownTexts, submitForm, type Answered } from './conversation.js';

/**
 * The close-date lock and late-entry approval, /cycle targets and /cycle close, in the shared
 * conversation (moved from test/slack/late-entries and test/lark/late-entries; how each platform
 * draws the manager's buttons and the pending answer stays there, and the click replacing the
 * message is in the platform contract). Today is 26 November 2026.
 */
let deps: ReturnType<typeof testDeps>;
beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z');
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  const put = async (id: string, over: object) => deps.store.people.put({ ...(await deps.store.people.get(id))!, ...over });
  await put('ann', { name: 'Ann Lee', identities: ['lark:ou_annlee'] });
  await put('bob', { name: 'Bob Wu', locale: 'zh-CN', identities: ['lark:ou_bobwu'] });
  await put('mgr', { name: 'Mia Manager', identities: ['lark:ou_miamgr'] });
});
afterEach(() => deps.cleanup());

const LATE_VISIT = {
  account: 'acme', newAccountTier: 'B', date: '2026-09-28', mode: 'in_person', contacts: 'Li Wei (CTO)', purpose: 'Quarterly review', outcome: 'Pilot agreed', nextStep: '', nextStepDate: '',
};
const SUMMARY = 'Visit to Acme on 2026-09-28';
const said = (a: Answered): string => a.refusal ?? shownTexts(a.view).join('\n');
const lateVisit = (requestId?: string) => submitForm(deps, 'ann', { form: 'visit' }, LATE_VISIT, requestId);

async function openQ3(): Promise<void> {
  expect(said(await ask(deps, 'hr', '/cycle open 2026-Q3 close 2026-10-10'))).toContain('entries close on 2026-10-10');
}

describe('late entries', () => {
  it('a visit after the close date waits for the manager, asked by DM with both buttons; a forwarded click is refused; Approve stores it and tells the rep', async () => {
    await openQ3();
    const pending = await lateVisit();
    expect(pending.saved).toEqual({ pending: true });
    expect(said(pending)).toContain(t('en', 'lifecycle.late.sent', { period: '2026-Q3', closeDate: '2026-10-10', manager: 'Mia Manager', summary: SUMMARY }));
    expect(await deps.store.activities.count()).toBe(0);
    const [late] = await deps.store.lateEntries.find({ repId: 'ann' });
    expect(late).toMatchObject({ state: 'pending', managerId: 'mgr', kind: 'visit', summary: SUMMARY });

    const [dm] = await deps.store.outbox.find({ job: 'late-entry' });
    expect(dm!.target).toEqual({ kind: 'dm', identity: 'lark:ou_miamgr' });
    const buttons = (dm!.message.view as unknown as View).blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []));
    expect(buttons.map((b) => `${b.id}=${b.value}`)).toEqual([`decide:late.approve=${late!.id}`, `decide:late.decline=${late!.id}`]);

    // bob forwards himself the button: refused in his language, nothing stored.
    expect((await click(deps, 'bob', 'decide:late.approve', late!.id)).refusal).toContain('只有');
    expect(await deps.store.activities.count()).toBe(0);

    const approved = await click(deps, 'mgr', 'decide:late.approve', late!.id);
    expect(shownTexts(approved.view!)).toContain(t('en', 'lifecycle.late.approved', { by: 'Mia Manager', summary: SUMMARY, period: '2026-Q3' }));
    expect(await deps.store.activities.find({ repId: 'ann' })).toEqual([expect.objectContaining({ accountId: 'acme', date: '2026-09-28', outcome: 'Pilot agreed', requestId: `late:${late!.id}` })]);
    expect((await deps.store.lateEntries.get(late!.id))?.state).toBe('approved');
    const told = (await deps.store.outbox.find({ job: 'late-entry' })).filter((o) => o.target.kind === 'dm' && o.target.identity === 'lark:ou_annlee');
    expect(told.map((o) => o.message.text)).toEqual(['Mia Manager approved your late entry for 2026-Q3: Visit to Acme on 2026-09-28. It is saved now.']);

    // A second click: already decided, and still one visit.
    expect(said(await click(deps, 'mgr', 'decide:late.decline', late!.id))).toContain('This late entry was already approved by Mia Manager.');
    expect(await deps.store.activities.count()).toBe(1);
  });

  it('a decline stores nothing and tells the rep', async () => {
    await openQ3();
    await lateVisit();
    const [late] = await deps.store.lateEntries.find({ repId: 'ann' });
    const declined = await click(deps, 'mgr', 'decide:late.decline', late!.id);
    expect(shownTexts(declined.view!)).toContain(t('en', 'lifecycle.late.declined', { by: 'Mia Manager', summary: SUMMARY }));
    expect(await deps.store.activities.count()).toBe(0);
    expect((await deps.store.lateEntries.get(late!.id))?.state).toBe('declined');
  });

  it('the same submission delivered twice asks the manager once', async () => {
    await openQ3();
    await lateVisit('lark:om_same');
    await lateVisit('lark:om_same');
    expect(await deps.store.lateEntries.count()).toBe(1);
    expect(await deps.store.outbox.count({ job: 'late-entry' })).toBe(1);
  });

  it('a rep without a manager is told to ask HR, and nothing is stored', async () => {
    await openQ3();
    const ann = (await deps.store.people.get('ann'))!;
    await deps.store.people.put({ ...ann, managerId: undefined });
    const east = (await deps.store.teams.get('east'))!;
    await deps.store.teams.put({ id: east.id, name: east.name, createdAt: east.createdAt });
    const refused = await lateVisit();
    expect(said(refused)).toContain('Ask HR to set your manager. Nothing was saved.');
    expect(await deps.store.lateEntries.count()).toBe(0);
    expect(await deps.store.activities.count()).toBe(0);
  });
});

describe('/cycle targets and /cycle close', () => {
  it('HR sets a rep target by mention and a team target, lists them; a rep and a stranger are refused; close waits for publication', async () => {
    expect(said(await ask(deps, 'ann', '/cycle targets 2026-Q4 visits 50 @ann', { known: ['ann'] }))).toContain('needs the HR role');
    expect(said(await ask(deps, 'bob', '/cycle targets 2026-Q4 visits 10 @ann', { known: ['ann'] }))).toContain('此操作需要人力资源角色');
    expect(said(await ask(deps, 'hr', '/cycle targets 2026-Q4 visits 50 @ann', { known: ['ann'] }))).toContain('Target for Client visits in 2026-Q4, Ann Lee: — → 50.');
    // An indicator by its Chinese name.
    expect(said(await ask(deps, 'hr', '/cycle targets 2026-Q4 销售额 800000 team East'))).toContain('Target for Revenue in 2026-Q4, team East: — → 800000.');
    expect(said(await ask(deps, 'hr', '/cycle targets 2026-Q4 visits 50 @nobody', { unknown: ['@nobody'] }))).toContain('I don’t know @nobody: they need to be in the people list first.');
    const list = said(await ask(deps, 'hr', '/cycle targets 2026-Q4'));
    expect(list).toContain('team East: 800000');
    expect(list).toContain('Ann Lee: 50');
    expect(await deps.store.targets.count()).toBe(2);

    await ask(deps, 'hr', '/cycle open 2026-Q3');
    expect(said(await ask(deps, 'hr', '/cycle close 2026-Q3'))).toContain('The 2026-Q3 cycle is collecting data: it must be published for this.');
  });

  it('in Chinese, by the aliases of the command and the indicator', async () => {
    await deps.store.people.put({ ...(await deps.store.people.get('hr'))!, locale: 'zh-CN' });
    expect(said(await ask(deps, 'hr', '/考核周期 targets 2026-Q4 拜访次数 45 @ann', { known: ['ann'] }))).toContain('2026-Q4');
    expect(await deps.store.targets.find({})).toEqual([expect.objectContaining({ value: 45 })]);
  });
});
