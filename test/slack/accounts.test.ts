import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { T0, visits } from '../helpers/org.js';
import { startHarness, type Harness } from './harness.js';

/** `/account dormant` and `/account reassign` through Slack (issue 8: key accounts). */
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  // Today is 26 November. Acme (A, ann's, 45 days) was last visited on 5 October: 52 days ago.
  // Globex (strategic, bob's, 30 days) on 10 November: covered. Initech (C, bob's) never.
  await h.deps.store.activities.insertMany([...visits('ann', 'acme', 1, '2026-10-05', 'a'), ...visits('bob', 'globex', 1, '2026-11-10', 'g')]);
  await h.deps.store.accounts.insert({ id: 'initech', name: 'Initech', nameKey: 'initech', tier: 'C', ownerId: 'bob', createdAt: T0 });
});
afterEach(() => h.close());

type Resp = { text: string; blocks?: unknown[] };
const last = (): Resp => h.fake.responses.at(-1)!.body as Resp;
const allText = (r: Resp) => JSON.stringify(r.blocks ?? r.text);

describe('/account in Slack', () => {
  it('a rep sees only their own dormant key accounts', async () => {
    await h.command('UANN', '/account', 'dormant');
    const text = allText(last());
    expect(text).toContain('Acme');
    expect(text).toContain('52 (45)');
    expect(text).not.toContain('Initech');
    expect(text).not.toContain('Globex');
  });

  it('a manager sees the team’s, with owners; a covered account is not listed', async () => {
    await h.command('UMGR', '/account', 'dormant');
    const text = allText(last());
    expect(text).toContain('Acme');
    expect(text).toContain('Initech');
    expect(text).toContain('bob'); // the owner column: bob has not used Slack yet, so the name is the one imported
    expect(text).not.toContain('Globex');
    expect(text).toContain('/account reassign');
  });

  it('a manager reassigns a dormant account within the team; it is audited with the reason and the days', async () => {
    await h.command('UMGR', '/account', 'reassign acme <@UBOB|bob>: Ann is on a long project');
    expect(last().text).toBe('Acme now belongs to bob (before: ann). The change is in the audit log.');
    expect((await h.deps.store.accounts.get('acme'))!.ownerId).toBe('bob');
    const [entry] = await h.deps.store.audit.find({ action: 'account.reassign' });
    expect(entry).toMatchObject({ actorId: 'mgr', subjectId: 'acme', details: { fromId: 'ann', toId: 'bob', dormantDays: 52, reason: 'Ann is on a long project' } });
  });

  it('refuses a rep, a rep outside the manager’s team, an unknown account and a stranger, changing nothing', async () => {
    await h.command('UANN', '/account', 'reassign acme <@UBOB|bob>');
    expect(last().text).toContain('You may not reassign Acme');
    await h.command('UMGR', '/account', 'reassign acme <@UCAT|cat>');
    expect(last().text).toContain('cat is not in your team.');
    await h.command('UMGR', '/account', 'reassign nothing-like-it <@UBOB|bob>');
    expect(last().text).toContain('No account matches "nothing-like-it".');
    await h.command('UMGR', '/account', 'reassign acme <@UNOBODY|nobody>');
    expect(last().text).toContain('does not know @nobody');
    await h.command('UMGR', '/account', 'reassign acme');
    expect(last().text).toContain('Mention the rep who takes the account over');
    expect((await h.deps.store.accounts.get('acme'))!.ownerId).toBe('ann');
    expect(await h.deps.store.audit.count({ action: 'account.reassign' })).toBe(0);
  });

  it('HR may reassign across teams', async () => {
    await h.command('UHR', '/account', 'reassign Initech <@UCAT|cat>: West covers this region now');
    expect(last().text).toContain('Initech now belongs to cat');
  });
});
