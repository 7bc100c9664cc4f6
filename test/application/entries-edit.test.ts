import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deleteEntry } from '../../src/application/entries/delete-entry.js';
import { editEntry } from '../../src/application/entries/edit-entry.js';
import { logDeal } from '../../src/application/entries/log-deal.js';
import { logFeedback } from '../../src/application/entries/log-feedback.js';
import { logPayment } from '../../src/application/entries/log-payment.js';
import { logVisit } from '../../src/application/entries/log-visit.js';
import { recentEntries } from '../../src/application/entries/recent-entries.js';
import { shareIntel } from '../../src/application/entries/share-intel.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import { AppError } from '../../src/domain/errors.js';
import type { Person } from '../../src/domain/model/people.js';
import { aCycle, aDeal, aFeedback, anIntel, aPayment } from '../helpers/builders.js';
import { smallOrg, visits } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';
import { refusal } from '../helpers/refusal.js';

let deps: ReturnType<typeof testDeps>;
let ann: Person;
let bob: Person;
beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z'); // 10:00 in Shanghai, 2026-Q4; Q3 is still open, Q2 is closed
  deps.settings.fxRates = { CNY: 1, USD: 7.1 };
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  [ann, bob] = (await Promise.all(['ann', 'bob'].map(async (id) => (await deps.store.people.get(id))!))) as [Person, Person];
});
afterEach(() => deps.cleanup());

const at = (minute: number): string => `2026-11-26T01:${String(minute).padStart(2, '0')}:00.000Z`;
const publish = (periodKey: string) =>
  deps.store.cycles.insert(aCycle({ id: `c-${periodKey}`, periodKey, templateId: 'default', state: 'published', createdBy: 'hr' }));

describe('recentEntries', () => {
  it('merges all five kinds, newest first by date then by recording time, and only the actor\'s own', async () => {
    const [v1, v2] = visits('ann', 'acme', 2, '2026-11-20');
    await deps.store.activities.insertMany([{ ...v1!, date: '2026-11-20', createdAt: at(1) }, { ...v2!, date: '2026-11-24', createdAt: at(2) }]);
    await deps.store.activities.insertMany(visits('bob', 'globex', 1, '2026-11-26'));
    await deps.store.deals.insert(aDeal({ id: 'd1', repId: 'ann', accountId: 'acme', amount: 100, currency: 'USD', amountBase: 710, product: 'Robots', signedDate: '2026-11-20', dueDate: '2026-12-20', firstWin: true, createdAt: at(3) }));
    await deps.store.payments.insert(aPayment({ id: 'p1', dealId: 'd1', repId: 'ann', amount: 40, amountBase: 284, dueDate: '2026-12-20', receivedDate: '2026-11-25', createdAt: at(4) }));
    await deps.store.feedback.insert(aFeedback({ id: 'f1', repId: 'ann', accountId: 'globex', date: '2026-10-05', service: 5, product: 3, source: 'survey', createdAt: at(5) }));
    await deps.store.intel.insert(anIntel({ id: 'i1', repId: 'ann', date: '2026-11-26', createdAt: at(6) }));

    const all = await recentEntries(deps, ann);
    expect(all.map((e) => [e.kind, e.id, e.date])).toEqual([
      ['intel', 'i1', '2026-11-26'],
      ['payment', 'p1', '2026-11-25'],
      ['visit', 'ann-v1', '2026-11-24'],
      ['deal', 'd1', '2026-11-20'], // same day as ann-v0 but recorded later
      ['visit', 'ann-v0', '2026-11-20'],
      ['feedback', 'f1', '2026-10-05'],
    ]);
    expect(all[1]).toMatchObject({ kind: 'payment', accountName: 'Acme', product: 'Robots', amount: 40, currency: 'USD', editable: true });
    expect(all[3]).toMatchObject({ kind: 'deal', accountName: 'Acme', amount: 100, currency: 'USD', product: 'Robots' });
    expect(all[5]).toMatchObject({ kind: 'feedback', accountName: 'Globex', service: 5, productRating: 3 });
    expect((await recentEntries(deps, ann, { limit: 2 })).map((e) => e.id)).toEqual(['i1', 'p1']);
  });

  it('breaks ties on the last date shown by recording time, not by id', async () => {
    // ids sort the opposite way to recording time, so a plain "ORDER BY date LIMIT 2" would pick v0, v1.
    await deps.store.activities.insertMany(visits('ann', 'acme', 3, '2026-11-10').map((v, i) => ({ ...v, date: '2026-11-10', createdAt: at(i) })));
    expect((await recentEntries(deps, ann, { limit: 2 })).map((e) => e.id)).toEqual(['ann-v2', 'ann-v1']);
  });

  it('marks entries in a published or too old quarter as not editable', async () => {
    await deps.store.activities.insertMany([
      ...visits('ann', 'acme', 1, '2026-11-02', 'q4-'),
      ...visits('ann', 'acme', 1, '2026-08-03', 'q3-'),
      ...visits('ann', 'acme', 1, '2026-05-04', 'q2-'),
    ]);
    const editable = async () => Object.fromEntries((await recentEntries(deps, ann)).map((e) => [e.id, e.editable]));
    expect(await editable()).toEqual({ 'q4-0': true, 'q3-0': true, 'q2-0': false });
    await publish('2026-Q3');
    expect(await editable()).toEqual({ 'q4-0': true, 'q3-0': false, 'q2-0': false });
  });
});

describe('deleteEntry', () => {
  it('deletes the owner\'s entry and keeps the deleted record in the audit log', async () => {
    const { activity } = await logVisit(deps, ann, { requestId: 'v1', account: { accountId: 'acme' }, purpose: 'Demo' });
    const r = await deleteEntry(deps, ann, { kind: 'visit', id: activity.id });
    expect(r).toEqual({ kind: 'visit', id: activity.id, firstWin: null });
    expect(await deps.store.activities.get(activity.id)).toBeNull();
    const [audit] = await deps.store.audit.find({ action: 'entry.delete' });
    expect(audit).toMatchObject({ actorId: 'ann', subjectId: activity.id, details: { kind: 'visit', record: { id: activity.id, purpose: 'Demo', requestId: 'v1' } } });
  });

  it('answers someone else\'s entry exactly like an unknown one, and deletes nothing', async () => {
    const { activity } = await logVisit(deps, bob, { requestId: 'b1', account: { accountId: 'globex' } });
    const theirs = await refusal(deleteEntry(deps, ann, { kind: 'visit', id: activity.id }));
    const unknown = await refusal(deleteEntry(deps, ann, { kind: 'visit', id: 'nope' }));
    expect([theirs.code, theirs.params, theirs.issues]).toEqual(['VALIDATION', { messageId: 'error.unknownEntry' }, [{ path: 'id', message: 'unknown entry' }]]);
    expect([unknown.code, unknown.params, unknown.issues]).toEqual([theirs.code, theirs.params, theirs.issues]);
    expect(await deps.store.activities.get(activity.id)).not.toBeNull();
    expect(await deps.store.audit.count()).toBe(0);
  });

  it('refuses entries of a published quarter and of a quarter older than the previous one', async () => {
    await deps.store.activities.insertMany([...visits('ann', 'acme', 1, '2026-08-03', 'q3-'), ...visits('ann', 'acme', 1, '2026-05-04', 'q2-')]);
    const old = await refusal(deleteEntry(deps, ann, { kind: 'visit', id: 'q2-0' }));
    expect([old.code, old.params]).toEqual(['CONFLICT', { messageId: 'error.entryLocked', date: '2026-05-04', period: '2026-Q2' }]);
    await publish('2026-Q3');
    expect((await refusal(deleteEntry(deps, ann, { kind: 'visit', id: 'q3-0' }))).params.messageId).toBe('error.entryLocked');
    expect(await deps.store.activities.count({ repId: 'ann' })).toBe(2);
  });

  it('refuses a deal with payments until its payments are deleted', async () => {
    const { deal } = await logDeal(deps, ann, { requestId: 'd1', account: { accountId: 'acme' }, amount: 100, units: 1, product: 'P' });
    const { payment } = await logPayment(deps, ann, { requestId: 'p1', dealId: deal.id, amount: 30 });
    const e = await refusal(deleteEntry(deps, ann, { kind: 'deal', id: deal.id }));
    expect([e.code, e.params, e.message]).toEqual(['CONFLICT', { messageId: 'error.dealHasPayments', count: 1 }, `deal ${deal.id} has 1 payment(s): delete its payments first`]);
    await deleteEntry(deps, ann, { kind: 'payment', id: payment.id });
    await deleteEntry(deps, ann, { kind: 'deal', id: deal.id });
    expect(await deps.store.deals.count()).toBe(0);
  });

  it('moves the first win to the earliest remaining deal, and clears it when none is left', async () => {
    const first = await logDeal(deps, ann, { requestId: 'd1', account: { accountId: 'acme' }, amount: 100, units: 1, product: 'P' });
    const bobs = await logDeal(deps, bob, { requestId: 'd2', account: { accountId: 'acme' }, amount: 100, units: 1, product: 'P', signedDate: '2026-11-20' });
    const early = await logDeal(deps, ann, { requestId: 'd3', account: { accountId: 'acme' }, amount: 100, units: 1, product: 'P', signedDate: '2026-10-15' });
    expect([first.newCustomer, bobs.newCustomer, early.newCustomer]).toEqual([true, false, false]);

    const moved = await deleteEntry(deps, ann, { kind: 'deal', id: first.deal.id });
    expect(moved.firstWin).toEqual({ accountId: 'acme', movedTo: early.deal.id });
    expect((await deps.store.deals.get(early.deal.id))!.firstWin).toBe(true);
    expect(await deps.store.accounts.get('acme')).toMatchObject({ firstWonDate: '2026-10-15', firstWonBy: 'ann' });

    await deleteEntry(deps, ann, { kind: 'deal', id: early.deal.id });
    expect((await deps.store.deals.get(bobs.deal.id))!.firstWin).toBe(true);
    expect(await deps.store.accounts.get('acme')).toMatchObject({ firstWonDate: '2026-11-20', firstWonBy: 'bob' });

    const last = await deleteEntry(deps, bob, { kind: 'deal', id: bobs.deal.id });
    expect(last.firstWin).toEqual({ accountId: 'acme', movedTo: null });
    const account = (await deps.store.accounts.get('acme'))!;
    expect([account.firstWonDate, account.firstWonBy]).toEqual([undefined, undefined]);
    const audits = await deps.store.audit.find({ action: 'entry.delete' });
    expect(audits.map((a) => a.details.firstWin)).toEqual(expect.arrayContaining([{ accountId: 'acme', movedTo: null }]));
  });
});

describe('editEntry', () => {
  it('replaces a visit, moving it to another account, keeping its identity, with before and after audited', async () => {
    const { activity } = await logVisit(deps, ann, { requestId: 'v1', account: { accountId: 'acme' }, purpose: 'Demo', nextStep: 'Quote', nextStepDate: '2026-12-01' });
    const r = await editEntry(deps, ann, { kind: 'visit', id: activity.id, input: { account: { accountId: 'globex' }, purpose: 'Pricing', date: '2026-11-25', mode: 'video' } });
    const stored = await deps.store.activities.get(activity.id);
    expect(stored).toEqual(r.after);
    expect(stored).toMatchObject({ id: activity.id, requestId: 'v1', repId: 'ann', createdAt: activity.createdAt, accountId: 'globex', purpose: 'Pricing', date: '2026-11-25', mode: 'video' });
    expect(stored).not.toHaveProperty('nextStep');
    const [audit] = await deps.store.audit.find({ action: 'entry.edit' });
    expect(audit!.details).toMatchObject({ kind: 'visit', before: { accountId: 'acme', purpose: 'Demo' }, after: { accountId: 'globex', purpose: 'Pricing' } });
  });

  it('keeps the date when the form leaves it out, and can move a visit to a new account', async () => {
    const { activity } = await logVisit(deps, ann, { requestId: 'v1', account: { accountId: 'acme' }, date: '2026-10-02' });
    const r = await editEntry(deps, ann, { kind: 'visit', id: activity.id, input: { account: { newAccountName: 'Initech', newAccountTier: 'B' } } });
    const [initech] = await deps.store.accounts.find({ nameKey: 'initech' });
    expect(r.after).toMatchObject({ date: '2026-10-02', accountId: initech!.id });
  });

  it('applies the logging rules to the new values and changes nothing when refused', async () => {
    const { activity } = await logVisit(deps, ann, { requestId: 'v1', account: { accountId: 'acme' } });
    const edit = (input: Record<string, unknown>) => refusal(editEntry(deps, ann, { kind: 'visit', id: activity.id, input: { account: { accountId: 'acme' }, ...input } }));
    expect((await edit({ date: '2026-11-27' })).params.messageId).toBe('error.dateInFuture');
    expect((await edit({ date: '2026-06-30' })).params.messageId).toBe('error.periodClosed');
    expect((await edit({ nextStep: 'Call', nextStepDate: '2026-11-01' })).issues[0]!.path).toBe('nextStepDate');
    expect((await edit({ account: { newAccountName: 'ACME', newAccountTier: 'A' } })).code).toBe('CONFLICT');
    expect((await edit({ purpose: 'x'.repeat(501) })).issues[0]).toEqual({ path: 'purpose', message: 'at most 500 characters' });
    expect(await deps.store.activities.get(activity.id)).toEqual(activity);
    expect(await deps.store.audit.count()).toBe(0);
  });

  it('refuses someone else\'s entry and an entry in a closed quarter', async () => {
    const { activity } = await logVisit(deps, bob, { requestId: 'b1', account: { accountId: 'globex' } });
    expect((await refusal(editEntry(deps, ann, { kind: 'visit', id: activity.id, input: { account: { accountId: 'acme' } } }))).params.messageId).toBe('error.unknownEntry');
    await deps.store.activities.insertMany(visits('ann', 'acme', 1, '2026-05-04', 'q2-'));
    expect((await refusal(editEntry(deps, ann, { kind: 'visit', id: 'q2-0', input: { account: { accountId: 'acme' }, date: '2026-11-02' } }))).params.messageId).toBe('error.entryLocked');
    expect((await deps.store.activities.get('q2-0'))!.date).toBe('2026-05-04');
  });

  it('edits a deal at the rate fixed when it was recorded, and copies a new due date onto its payments', async () => {
    const { deal } = await logDeal(deps, ann, { requestId: 'd1', account: { accountId: 'acme' }, amount: 10_000, currency: 'USD', units: 5, product: 'Robots' });
    await logPayment(deps, ann, { requestId: 'p1', dealId: deal.id, amount: 4000 });
    deps.settings.fxRates.USD = 7.5;
    const r = await editEntry(deps, ann, { kind: 'deal', id: deal.id, input: { account: { accountId: 'acme' }, amount: 12_000, currency: 'USD', units: 6, product: 'Robots XL', dueDate: '2027-01-15' } });
    expect(r.after).toMatchObject({ amount: 12_000, amountBase: 85_200, units: 6, product: 'Robots XL', signedDate: '2026-11-26', dueDate: '2027-01-15', firstWin: true, requestId: 'd1' });
    expect((await deps.store.payments.find({ dealId: deal.id })).map((p) => p.dueDate)).toEqual(['2027-01-15']);
  });

  it('refuses a deal edit that would contradict its account or payments', async () => {
    const { deal } = await logDeal(deps, ann, { requestId: 'd1', account: { accountId: 'acme' }, amount: 100, units: 1, product: 'P', signedDate: '2026-11-10' });
    await logPayment(deps, ann, { requestId: 'p1', dealId: deal.id, amount: 60, receivedDate: '2026-11-12' });
    const input = { account: { accountId: 'acme' }, amount: 100, units: 1, product: 'P', signedDate: '2026-11-10' };
    const edit = (over: Record<string, unknown>) => refusal(editEntry(deps, ann, { kind: 'deal', id: deal.id, input: { ...input, ...over } }));
    expect((await edit({ account: { accountId: 'globex' } })).params.messageId).toBe('error.dealAccountFixed');
    expect((await edit({ currency: 'USD' })).params.messageId).toBe('error.dealCurrencyFixed');
    const below = await edit({ amount: 59.99 });
    expect([below.params.messageId, below.issues[0]]).toEqual(['error.dealBelowPaid', { path: 'amount', message: 'must not be less than the 60 CNY already received' }]);
    expect((await edit({ signedDate: '2026-11-13' })).params).toEqual({ messageId: 'error.dealSignedAfterPayment', date: '2026-11-12' });
    expect((await edit({ dueDate: '2026-11-01' })).issues[0]!.path).toBe('dueDate');
    expect(await deps.store.deals.get(deal.id)).toEqual(deal);
  });

  it('moves the account\'s first-won date with the first-win deal\'s signed date', async () => {
    const { deal } = await logDeal(deps, ann, { requestId: 'd1', account: { accountId: 'acme' }, amount: 100, units: 1, product: 'P' });
    await editEntry(deps, ann, { kind: 'deal', id: deal.id, input: { account: { accountId: 'acme' }, amount: 100, units: 1, product: 'P', signedDate: '2026-10-20' } });
    expect(await deps.store.accounts.get('acme')).toMatchObject({ firstWonDate: '2026-10-20', firstWonBy: 'ann' });
  });

  it('lets a payment grow up to what is due without counting itself, on the same deal only', async () => {
    const { deal } = await logDeal(deps, ann, { requestId: 'd1', account: { accountId: 'acme' }, amount: 100, units: 1, product: 'P', signedDate: '2026-11-10' });
    await logPayment(deps, ann, { requestId: 'p1', dealId: deal.id, amount: 60 });
    const { payment } = await logPayment(deps, ann, { requestId: 'p2', dealId: deal.id, amount: 30 });
    const over = await refusal(editEntry(deps, ann, { kind: 'payment', id: payment.id, input: { dealId: deal.id, amount: 40.5 } }));
    expect([over.params.messageId, over.params.outstanding]).toEqual(['error.overpaid', 40]);
    const early = await refusal(editEntry(deps, ann, { kind: 'payment', id: payment.id, input: { dealId: deal.id, amount: 40, receivedDate: '2026-11-09' } }));
    expect(early.issues[0]!.path).toBe('receivedDate');
    const other = await logDeal(deps, ann, { requestId: 'd2', account: { accountId: 'acme' }, amount: 100, units: 1, product: 'Q' });
    expect((await refusal(editEntry(deps, ann, { kind: 'payment', id: payment.id, input: { dealId: other.deal.id, amount: 10 } }))).params.messageId).toBe('error.paymentDealFixed');

    const r = await editEntry(deps, ann, { kind: 'payment', id: payment.id, input: { dealId: deal.id, amount: 40 } });
    expect(r.after).toMatchObject({ id: payment.id, requestId: 'p2', amount: 40, amountBase: 40, receivedDate: '2026-11-26' });
    expect((await deps.store.dealBalances([deal.id])).get(deal.id)!.paidBase).toBe(100);
  });

  it('edits feedback and intel by their forms\' rules; intel keeps the day it was shared', async () => {
    const { feedback } = await logFeedback(deps, ann, { requestId: 'f1', accountId: 'acme', service: 2, product: 3, source: 'survey' });
    const f = await editEntry(deps, ann, { kind: 'feedback', id: feedback.id, input: { accountId: 'globex', service: 4, product: 5, source: 'customer', comment: 'Happier now' } });
    expect(f.after).toMatchObject({ accountId: 'globex', service: 4, product: 5, source: 'customer', comment: 'Happier now', date: feedback.date });
    const bad = await refusal(editEntry(deps, ann, { kind: 'feedback', id: feedback.id, input: { accountId: 'acme', service: 6, product: 5, source: 'survey' } }));
    expect(bad.issues[0]).toEqual({ path: 'service', message: 'must be 1 to 5' });

    const { intel } = await shareIntel(deps, ann, { requestId: 'i1', topic: 'Pricing', text: 'X cut prices' });
    deps.clock.set('2026-11-28T02:00:00Z');
    const i = await editEntry(deps, ann, { kind: 'intel', id: intel.id, input: { topic: 'Pricing war', text: 'X cut prices by 10%' } });
    expect(i.after).toMatchObject({ topic: 'Pricing war', text: 'X cut prices by 10%', date: '2026-11-26', createdAt: intel.createdAt });
    expect(await deps.store.audit.count({ action: 'entry.edit' })).toBe(2);
  });
});
