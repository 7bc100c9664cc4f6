import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aDeal, anAccount } from '../helpers/builders.js';
import { startHarness, VISIT_VALUES, type Harness } from '../slack/harness.js';

/**
 * Issue 13: an account's deals and collections are seen by its owner, the owner's manager and HR,
 * never by someone who logged a visit (or a deal) on it. Through signed Slack requests.
 */
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await h.deps.store.deals.insert(aDeal({ id: 'd1', repId: 'ann', accountId: 'acme', amountBase: 800_000, units: 10, signedDate: '2026-10-20', dueDate: '2026-11-20' }));
  await h.deps.store.accounts.insert(anAccount({ id: 'orphan', name: 'Orphan Ltd', tier: 'C' }));
});
afterEach(() => h.close());

type Resp = { text: string; blocks?: unknown[] };
const last = (): Resp => h.fake.responses.at(-1)!.body as Resp;
const allText = (r: Resp) => JSON.stringify(r.blocks ?? r.text);

describe('/account show is scoped to the owner, their manager and HR', () => {
  it('a rep who logs a visit on a colleague’s account still cannot read its chain', async () => {
    // cat (West) logs a visit on ann's Acme through the real /visit form …
    await h.submit('UCAT', 'visit', VISIT_VALUES);
    expect(await h.deps.store.activities.count({ accountId: 'acme', repId: 'cat' })).toBe(1);
    // … and a deal on it, written straight to the store: neither grants a look.
    await h.deps.store.deals.insert(aDeal({ id: 'd2', repId: 'cat', accountId: 'acme', amountBase: 1, signedDate: '2026-11-01', dueDate: '2026-12-01' }));
    await h.command('UCAT', '/account', 'show Acme');
    expect(last().text).toContain('You may see the accounts you own');
    expect(allText(last())).not.toContain('800,000');
    // bob is ann's teammate, not her manager.
    await h.command('UBOB', '/account', 'show Acme');
    expect(last().text).toContain('您可以查看自己负责的客户');
  });

  it('the owner, the owner’s manager and HR see it; a manager of another team does not', async () => {
    for (const user of ['UANN', 'UMGR', 'UHR']) {
      await h.command(user, '/account', 'show Acme');
      expect(allText(last())).toContain('¥800K');
    }
    await h.deps.store.people.put({ ...(await h.deps.store.people.get('mgr2'))!, identities: ['slack:UMGR2'] });
    h.fake.addUser({ id: 'UMGR2', name: 'Max Manager', locale: 'en-US', tz: 'Asia/Shanghai' });
    await h.command('UMGR2', '/account', 'show Acme');
    expect(last().text).toContain('You may see the accounts you own');
  });

  it('an account without an owner is HR’s alone', async () => {
    await h.command('UMGR', '/account', 'show Orphan');
    expect(last().text).toContain('You may see the accounts you own');
    await h.command('UHR', '/account', 'show Orphan');
    expect(allText(last())).toContain('Orphan Ltd');
  });
});
