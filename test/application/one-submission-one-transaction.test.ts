import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteEntry } from '../../src/application/entries/delete-entry.js';
import { logDeal } from '../../src/application/entries/log-deal.js';
import { logVisit } from '../../src/application/entries/log-visit.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import type { Person } from '../../src/domain/model/people.js';
import { aDeal, aVisit } from '../helpers/builders.js';
import { smallOrg } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';

/**
 * A submission that writes several records (a new account and its visit or deal) is stored whole
 * or not at all. The entry's write is made to fail after the account's would have succeeded: its
 * id is one already taken (the same failure a full disk causes midway, made deterministic).
 */
let deps: ReturnType<typeof testDeps>;
let ann: Person;
const ids: string[] = [];
beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z');
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  ann = (await deps.store.people.get('ann'))!;
  ids.length = 0;
  const fallback = deps.newId;
  deps.newId = () => ids.shift() ?? fallback();
});
afterEach(() => deps.cleanup());

const failure = (p: Promise<unknown>): Promise<{ code?: string }> => p.then(() => ({ code: 'none' }), (e: { code?: string }) => e);

describe('one submission, one transaction', () => {
  it('a visit to a new account that cannot be stored leaves no account behind, and its retry is stored', async () => {
    await deps.store.activities.insert(aVisit({ id: 'taken', repId: 'ann', accountId: 'acme', date: '2026-11-20' }));
    const input = { requestId: 'visit-1', account: { newAccountName: 'Initech', newAccountTier: 'B' } };
    ids.push('acc-initech', 'taken');
    expect((await failure(logVisit(deps, ann, input))).code).toBe('CONFLICT');
    expect(await deps.store.accounts.count({ nameKey: 'initech' })).toBe(0);

    // The user retries the same form: it is not refused as "already exists".
    const retry = await logVisit(deps, ann, input);
    expect(retry).toMatchObject({ created: true, accountCreated: true, accountName: 'Initech' });
    expect(await deps.store.accounts.count({ nameKey: 'initech' })).toBe(1);
    expect(await deps.store.activities.count({ accountId: retry.activity.accountId })).toBe(1);
  });

  it('a deal with a new account that cannot be stored leaves no account behind, and its retry wins the account', async () => {
    await deps.store.deals.insert(aDeal({ id: 'taken', repId: 'ann', accountId: 'acme', signedDate: '2026-11-20', dueDate: '2026-12-20', firstWin: true }));
    const input = { requestId: 'deal-1', account: { newAccountName: 'Initech', newAccountTier: 'B' }, amount: 5000, units: 2, product: 'Valves' };
    ids.push('acc-initech', 'taken');
    expect((await failure(logDeal(deps, ann, input))).code).toBe('CONFLICT');
    expect(await deps.store.accounts.count({ nameKey: 'initech' })).toBe(0);

    const retry = await logDeal(deps, ann, input);
    expect(retry).toMatchObject({ created: true, newCustomer: true, accountName: 'Initech' });
    const [account] = await deps.store.accounts.find({ nameKey: 'initech' });
    expect(account).toMatchObject({ firstWonDate: '2026-11-26', firstWonBy: 'ann' });
  });

  it('a retried deal submission is answered from the stored deal and writes nothing new', async () => {
    const input = { requestId: 'deal-2', account: { newAccountName: 'Soylent', newAccountTier: 'B' }, amount: 5000, units: 2, product: 'Valves' };
    const first = await logDeal(deps, ann, input);
    const again = await logDeal(deps, ann, input);
    expect(again).toMatchObject({ created: false, newCustomer: true, accountName: 'Soylent', deal: { id: first.deal.id } });
    expect(await deps.store.accounts.count({ nameKey: 'soylent' })).toBe(1);
    expect(await deps.store.deals.count({ accountId: first.deal.accountId })).toBe(1);
  });

});

describe('deleting an entry, one transaction', () => {
  it('a first-win deal whose deletion cannot be fully stored stays, with its account still won by it', async () => {
    const { deal } = await logDeal(deps, ann, { requestId: 'deal-del', account: { newAccountName: 'Initech', newAccountTier: 'B' }, amount: 5000, units: 2, product: 'Valves' });
    // The audit record's id is taken: the last write of the deletion fails.
    await deps.store.audit.insert({ id: 'audit-taken', at: '2026-11-26T02:00:00Z', actorId: 'ann', action: 'entry.edit', subjectId: 'x', details: {} });
    ids.push('audit-taken');
    expect((await failure(deleteEntry(deps, ann, { kind: 'deal', id: deal.id }))).code).toBe('CONFLICT');
    expect(await deps.store.deals.get(deal.id)).not.toBeNull();
    expect((await deps.store.accounts.get(deal.accountId))?.firstWonDate).toBe('2026-11-26');

    const done = await deleteEntry(deps, ann, { kind: 'deal', id: deal.id });
    expect(done.firstWin).toEqual({ accountId: deal.accountId, movedTo: null });
    expect(await deps.store.deals.get(deal.id)).toBeNull();
    expect((await deps.store.accounts.get(deal.accountId))?.firstWonDate).toBeUndefined();
    expect(await deps.store.audit.count({ subjectId: deal.id })).toBe(1);
  });
});
