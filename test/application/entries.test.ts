import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logDeal } from '../../src/application/entries/log-deal.js';
import { logFeedback } from '../../src/application/entries/log-feedback.js';
import { logPayment, openDeals } from '../../src/application/entries/log-payment.js';
import { logVisit } from '../../src/application/entries/log-visit.js';
import { shareIntel } from '../../src/application/entries/share-intel.js';
import { submitPeerReview } from '../../src/application/entries/submit-peer-review.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import { AppError } from '../../src/domain/errors.js';
import type { Person } from '../../src/domain/model/people.js';
import { aCycle } from '../helpers/builders.js';
import { smallOrg } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';
import { refusal } from '../helpers/refusal.js';

let deps: ReturnType<typeof testDeps>;
let ann: Person;
let bob: Person;
let cat: Person;
let hr: Person;
beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z'); // 10:00 in Shanghai
  deps.settings.fxRates = { CNY: 1, USD: 7.1 };
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  [ann, bob, cat, hr] = (await Promise.all(['ann', 'bob', 'cat', 'hr'].map(async (id) => (await deps.store.people.get(id))!))) as [Person, Person, Person, Person];
});
afterEach(() => deps.cleanup());

describe('logVisit', () => {
  it('records a visit dated today and reports the quarter count against target', async () => {
    const r = await logVisit(deps, ann, { requestId: 'v1', account: { accountId: 'acme' }, purpose: 'Demo', outcome: 'Pilot agreed', contacts: ['Li (CTO)'] });
    expect(r.activity).toMatchObject({ repId: 'ann', accountId: 'acme', date: '2026-11-26', kind: 'visit', mode: 'in_person' });
    expect(r.quarter).toEqual({ key: '2026-Q4', visits: 1, target: 36 });
    expect(r.created).toBe(true);
  });

  it('creates a new account owned by the rep, once, even when the request is retried', async () => {
    const input = { requestId: 'v2', account: { newAccountName: '  Initech  Ltd ', newAccountTier: 'B' } };
    const first = await logVisit(deps, ann, input);
    const again = await logVisit(deps, ann, input);
    expect(first.accountCreated).toBe(true);
    expect(again.created).toBe(false);
    expect(again.activity.id).toBe(first.activity.id);
    expect(await deps.store.accounts.find({ nameKey: 'initech ltd' })).toHaveLength(1);
    expect(await deps.store.activities.count()).toBe(1);
  });

  it('refuses a "new" account whose name exists, a future date, a closed quarter and a bad next step', async () => {
    const dup = await refusal(logVisit(deps, ann, { requestId: 'a', account: { newAccountName: 'ACME', newAccountTier: 'A' } }));
    expect([dup.code, dup.issues[0]!.path]).toEqual(['CONFLICT', 'newAccountName']);
    const future = await refusal(logVisit(deps, ann, { requestId: 'b', account: { accountId: 'acme' }, date: '2026-11-27' }));
    expect([future.code, future.issues[0]!.path]).toEqual(['VALIDATION', 'date']);
    const old = await refusal(logVisit(deps, ann, { requestId: 'c', account: { accountId: 'acme' }, date: '2026-06-30' }));
    expect(old.issues[0]!.message).toBe('2026-Q2 is closed for entries');
    const step = await refusal(logVisit(deps, ann, { requestId: 'd', account: { accountId: 'acme' }, nextStep: 'Quote', nextStepDate: '2026-11-20' }));
    expect(step.issues[0]!.path).toBe('nextStepDate');
    const unknown = await refusal(logVisit(deps, ann, { requestId: 'e', account: { accountId: 'nope' } }));
    expect(unknown.issues[0]).toEqual({ path: 'account', message: 'unknown account' });
    expect(await deps.store.activities.count()).toBe(0);
  });

  it('flags every field of a bad next step at once, as the stored record’s rule does', async () => {
    const e = await refusal(logVisit(deps, ann, { requestId: 'ns', account: { accountId: 'acme' }, date: '2026-11-20', nextStepDate: '2026-11-19' }));
    expect(e.issues).toEqual([
      { path: 'nextStep', message: 'say what the next step is' },
      { path: 'nextStepDate', message: 'must not be before the visit date' },
    ]);
    expect(await deps.store.activities.count()).toBe(0);
  });

  it('accepts the previous quarter until its cycle is published', async () => {
    await expect(logVisit(deps, ann, { requestId: 'q3', account: { accountId: 'acme' }, date: '2026-09-30' })).resolves.toMatchObject({ created: true });
    await deps.store.cycles.insert(aCycle({ templateId: 'default', state: 'published', createdBy: 'hr' }));
    const e = await refusal(logVisit(deps, ann, { requestId: 'q3b', account: { accountId: 'acme' }, date: '2026-09-29' }));
    expect(e.params.messageId).toBe('error.periodClosed');
  });

  it('refuses someone without the rep or manager role', async () => {
    const e = await refusal(logVisit(deps, hr, { requestId: 'h', account: { accountId: 'acme' } }));
    expect(e.code).toBe('FORBIDDEN');
  });
});

describe('logDeal and logPayment', () => {
  it('marks the first deal with an account as a new customer, converts currency, and tracks what is due', async () => {
    const first = await logDeal(deps, ann, { requestId: 'd1', account: { accountId: 'acme' }, amount: 10_000, currency: 'USD', units: 5, product: 'Robots' });
    expect(first.deal).toMatchObject({ amountBase: 71_000, signedDate: '2026-11-26', dueDate: '2026-12-26', firstWin: true });
    expect(first.newCustomer).toBe(true);
    expect((await deps.store.accounts.get('acme'))!).toMatchObject({ firstWonDate: '2026-11-26', firstWonBy: 'ann' });
    const second = await logDeal(deps, ann, { requestId: 'd2', account: { accountId: 'acme' }, amount: 5000, units: 1, product: 'Support' });
    expect(second.newCustomer).toBe(false);

    const paid = await logPayment(deps, ann, { requestId: 'p1', dealId: first.deal.id, amount: 4000 });
    expect([paid.remaining, paid.currency, paid.payment.amountBase]).toEqual([6000, 'USD', 28_400]);
    const over = await refusal(logPayment(deps, ann, { requestId: 'p2', dealId: first.deal.id, amount: 6000.5 }));
    expect(over.issues[0]).toEqual({ path: 'amount', message: 'more than the 6000 USD still due' });
    expect((await openDeals(deps, 'ann')).map((d) => [d.dealId, d.outstanding])).toEqual([
      [first.deal.id, 6000],
      [second.deal.id, 5000],
    ]);
  });

  it('refuses an unknown currency, a payment on someone else\'s deal, and keeps retries single', async () => {
    const fx = await refusal(logDeal(deps, ann, { requestId: 'x', account: { accountId: 'acme' }, amount: 1, currency: 'EUR', units: 1, product: 'P' }));
    expect(fx.issues[0]!.path).toBe('currency');
    const d = await logDeal(deps, bob, { requestId: 'b1', account: { accountId: 'globex' }, amount: 100, units: 1, product: 'P' });
    const notMine = await refusal(logPayment(deps, ann, { requestId: 'p', dealId: d.deal.id, amount: 10 }));
    expect(notMine.issues[0]!.path).toBe('dealId');
    await logPayment(deps, bob, { requestId: 'same', dealId: d.deal.id, amount: 60 });
    const retry = await logPayment(deps, bob, { requestId: 'same', dealId: d.deal.id, amount: 60 });
    expect(retry.created).toBe(false);
    expect(await deps.store.payments.count()).toBe(1);
  });

  it('never lets two simultaneous payments together exceed what is due', async () => {
    const d = await logDeal(deps, ann, { requestId: 'd', account: { accountId: 'acme' }, amount: 100, units: 1, product: 'P' });
    const results = await Promise.allSettled([1, 2, 3].map((i) => logPayment(deps, ann, { requestId: `p${i}`, dealId: d.deal.id, amount: 60 })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await deps.store.payments.count()).toBe(1);
  });
});

describe('feedback, intel and peer reviews', () => {
  it('records feedback and refuses an unknown account or an out-of-range rating', async () => {
    const ok = await logFeedback(deps, ann, { requestId: 'f1', accountId: 'acme', service: 5, product: 4, source: 'survey' });
    expect(ok.feedback).toMatchObject({ repId: 'ann', service: 5, product: 4, comment: '' });
    const unknown = await refusal(logFeedback(deps, ann, { requestId: 'f2', accountId: 'nope', service: 5, product: 4, source: 'survey' }));
    expect(unknown.issues[0]!.path).toBe('accountId');
    const range = await refusal(logFeedback(deps, ann, { requestId: 'f3', accountId: 'acme', service: 6, product: 0, source: 'survey' }));
    expect(range.issues.map((i) => [i.path, i.message])).toEqual([
      ['service', 'must be 1 to 5'],
      ['product', 'must be 1 to 5'],
    ]);
  });

  it('stores intel for the author', async () => {
    const r = await shareIntel(deps, ann, { requestId: 'i1', topic: 'Competitor pricing', text: 'Globex got 15% off from X' });
    expect(r.intel).toMatchObject({ repId: 'ann', date: '2026-11-26' });
  });

  it('keeps one review per pair per quarter, replaces it on resubmission, and refuses self and non-teammates', async () => {
    const first = await submitPeerReview(deps, ann, { requestId: 'r1', toId: 'bob', collaboration: 3 });
    const second = await submitPeerReview(deps, ann, { requestId: 'r2', toId: 'bob', collaboration: 5, comment: 'Great help on the tender' });
    expect([first.replaced, second.replaced]).toEqual([false, true]);
    expect(await deps.store.peerReviews.find({ toId: 'bob' })).toEqual([expect.objectContaining({ collaboration: 5, periodKey: '2026-Q4' })]);
    expect((await refusal(submitPeerReview(deps, ann, { requestId: 'r3', toId: 'ann', collaboration: 5 }))).issues[0]!.path).toBe('toId');
    expect((await refusal(submitPeerReview(deps, ann, { requestId: 'r4', toId: cat.id, collaboration: 5 }))).params.messageId).toBe('error.notTeammate');
  });
});
