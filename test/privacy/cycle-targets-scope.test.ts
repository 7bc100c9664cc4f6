import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../slack/harness.js';

/** Issue 13: a manager's `/cycle targets` lists only their own team's and their reps' overrides. */
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  h.fake.addUser({ id: 'UMGR2', name: 'Max Manager', locale: 'en-US', tz: 'Asia/Shanghai' });
  await h.deps.store.people.put({ ...(await h.deps.store.people.get('mgr2'))!, identities: ['slack:UMGR2'] });
  for (const text of ['visits 41 team East', 'visits 42 team West', 'visits 43 <@UANN|ann>', 'visits 44 <@UCAT|cat>']) {
    await h.command('UHR', '/cycle', `targets 2027-Q1 ${text}`);
  }
  expect(await h.deps.store.targets.count({ periodKey: '2027-Q1' })).toBe(4);
});
afterEach(() => h.close());

const last = () => JSON.stringify(h.fake.responses.at(-1)!.body);

describe('/cycle targets is scoped to who may see the targets', () => {
  it('HR sees every override', async () => {
    await h.command('UHR', '/cycle', 'targets 2027-Q1');
    for (const v of ['41', '42', '43', '44']) expect(last()).toContain(v);
  });

  it('a manager sees their team’s and their reps’ overrides, not another team’s', async () => {
    await h.command('UMGR', '/cycle', 'targets 2027-Q1');
    const text = last();
    expect(text).toContain('East');
    expect(text).toContain('41');
    expect(text).toContain('43');
    expect(text).not.toContain('West');
    expect(text).not.toContain('42');
    expect(text).not.toContain('44');
    expect(text).not.toContain('Cat');
    await h.command('UMGR2', '/cycle', 'targets 2027-Q1');
    expect(last()).toContain('44');
    expect(last()).not.toContain('43');
  });

  it('a rep may not list targets at all', async () => {
    await h.command('UANN', '/cycle', 'targets 2027-Q1');
    expect(last()).not.toContain('44');
  });
});
