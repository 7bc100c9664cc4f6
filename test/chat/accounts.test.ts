import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import { t } from '../../src/views/i18n.js';
import type { View } from '../../src/views/view.js';
import { smallOrg, T0, visits } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';
import { ask, shownTexts, type Answered } from './conversation.js';

/**
 * `/account dormant` and `/account reassign` (issue 8: key accounts) in the shared conversation,
 * in English and by the Chinese alias (was test/slack/accounts and test/lark/accounts).
 */
let deps: ReturnType<typeof testDeps>;
beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z');
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  // Today is 26 November. Acme (A, ann's, 45 days) was last visited on 5 October: 52 days ago.
  // Globex (strategic, bob's, 30 days) on 10 November: covered. Initech (C, bob's) never.
  await deps.store.activities.insertMany([...visits('ann', 'acme', 1, '2026-10-05', 'a'), ...visits('bob', 'globex', 1, '2026-11-10', 'g')]);
  await deps.store.accounts.insert({ id: 'initech', name: 'Initech', nameKey: 'initech', tier: 'C', ownerId: 'bob', createdAt: T0 });
});
afterEach(() => deps.cleanup());

/** The dormant-accounts table: one row per account, as [account, tier, (owner, for a manager,) last activity, days (cadence)]. */
function rows(view: View): string[][] {
  const table = view.blocks.find((b) => b.type === 'table');
  return table?.type === 'table' ? table.rows : [];
}
const textOf = (a: Answered): string => a.refusal ?? shownTexts(a.view).join('\n');
const owner = async (id: string) => (await deps.store.accounts.get(id))!.ownerId;

describe('/account dormant', () => {
  it('a rep sees only their own dormant key accounts', async () => {
    const { view } = await ask(deps, 'ann', '/account dormant');
    // Their own: no owner column.
    expect(rows(view!)).toEqual([['Acme', 'A', '2026-10-05', '52 (45)']]);
  });

  it('a manager sees the team’s, with owners, and how to reassign; a covered account is not listed', async () => {
    const { view } = await ask(deps, 'mgr', '/account dormant');
    expect(rows(view!).map((r) => [r[0], r[2]])).toEqual([['Initech', 'bob'], ['Acme', 'ann']]);
    expect(shownTexts(view!)).toContain(t('en', 'account.dormant.hint'));
  });

  it('is asked by the Chinese alias and answered in Chinese, a never-visited account marked so', async () => {
    await deps.store.people.put({ ...(await deps.store.people.get('bob'))!, locale: 'zh-CN' });
    const { view } = await ask(deps, 'bob', '/客户 沉睡');
    expect(view!.title).toBe('沉睡的重点客户');
    expect(rows(view!)).toEqual([['Initech', 'C 类', t('zh-CN', 'account.dormant.never'), '—（90）']]);
  });
});

describe('/account reassign', () => {
  it('a manager reassigns a dormant account within the team; it is audited with the reason and the days', async () => {
    const done = await ask(deps, 'mgr', '/account reassign acme @bob: Ann is on a long project', { known: ['bob'] });
    expect(textOf(done)).toContain('Acme now belongs to bob (before: ann). The change is in the audit log.');
    expect(await owner('acme')).toBe('bob');
    const [entry] = await deps.store.audit.find({ action: 'account.reassign' });
    expect(entry).toMatchObject({ actorId: 'mgr', subjectId: 'acme', details: { fromId: 'ann', toId: 'bob', dormantDays: 52, reason: 'Ann is on a long project' } });
  });

  it('refuses a rep, a rep outside the manager’s team, an unknown account, a stranger and no one, changing nothing', async () => {
    expect((await ask(deps, 'ann', '/account reassign acme @bob', { known: ['bob'] })).refusal).toContain('You may not reassign Acme');
    expect((await ask(deps, 'mgr', '/account reassign acme @cat', { known: ['cat'] })).refusal).toBe(t('en', 'account.error.notYourRep', { name: 'cat' }));
    expect((await ask(deps, 'mgr', '/account reassign nothing-like-it @bob', { known: ['bob'] })).refusal).toBe(t('en', 'account.error.unknown', { name: 'nothing-like-it' }));
    expect((await ask(deps, 'mgr', '/account reassign acme @nobody', { unknown: ['@nobody'] })).refusal).toBe(t('en', 'account.error.unknownUsers', { names: '@nobody' }));
    expect((await ask(deps, 'mgr', '/account reassign acme')).refusal).toBe(t('en', 'account.error.needRep'));
    expect(await owner('acme')).toBe('ann');
    expect(await deps.store.audit.count({ action: 'account.reassign' })).toBe(0);
  });

  it('HR may reassign across teams', async () => {
    expect(textOf(await ask(deps, 'hr', '/account reassign Initech @cat: West covers this region now', { known: ['cat'] }))).toContain('Initech now belongs to cat');
    expect(await owner('initech')).toBe('cat');
  });
});
