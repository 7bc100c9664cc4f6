import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import type { ChatAnswer } from '../../src/chat/port.js';
import type { FormValues } from '../../src/views/forms/form.js';
import type { View } from '../../src/views/view.js';
import { smallOrg } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';
import { ask, shownTexts, submitForm } from './conversation.js';

/**
 * The entry forms' rules in the shared conversation (the platform-neutral part of test/slack/entries
 * and test/lark/forms): what a submission stores, how it is confirmed, and each refusal under its
 * field, in both languages. Where a field error is drawn, the modal or card, and the intel post's
 * markup stay per platform; the shape is in the platform contract. Thursday 2026-11-26.
 */
let deps: ReturnType<typeof testDeps>;
beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z');
  deps.settings.fxRates = { CNY: 1, USD: 7.1 };
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  const put = async (id: string, over: object) => deps.store.people.put({ ...(await deps.store.people.get(id))!, ...over });
  await put('ann', { name: 'Ann Lee', identities: ['lark:ou_annlee'] });
  await put('bob', { name: 'Bob Wu', locale: 'zh-CN' });
});
afterEach(() => deps.cleanup());

const VISIT = {
  account: 'acme', newAccountName: '', newAccountTier: 'B', date: '2026-11-25', mode: 'in_person',
  contacts: 'Li Wei (CTO), Zhao Min', purpose: 'Quarterly review', outcome: 'Pilot agreed', nextStep: 'Send proposal', nextStepDate: '2026-12-01',
};
const submit = (who: string, form: string, values: FormValues, requestId?: string) => submitForm(deps, who, { form }, values, requestId);
const shown = (a: ChatAnswer): string => shownTexts(a.view).join('\n');

describe('visit (shared conversation)', () => {
  it('stores a submitted visit and confirms it with the quarter count against target; the same submission twice is stored once', async () => {
    const a = await submit('ann', 'visit', VISIT, 'same');
    expect(a.saved).toEqual({});
    expect(shown(a)).toContain('Logged: visit with Acme on 2026-11-25. Your visits this quarter: 1 of 36.');
    expect(await deps.store.activities.find({ repId: 'ann' })).toEqual([
      expect.objectContaining({ accountId: 'acme', date: '2026-11-25', contacts: ['Li Wei (CTO)', 'Zhao Min'], nextStepDate: '2026-12-01', kind: 'visit' }),
    ]);
    expect(shown(await submit('ann', 'visit', VISIT, 'same'))).toContain('already saved');
    expect(await deps.store.activities.count()).toBe(1);
  });

  it('refuses each bad field under its name and stores nothing', async () => {
    await deps.store.accounts.insert({ id: 'initech', name: 'Initech', nameKey: 'initech', tier: 'B', ownerId: 'cat', createdAt: '2026-01-01T00:00:00.000Z' });
    for (const [values, errors] of [
      [{ ...VISIT, date: '2026-12-24', purpose: '' }, { purpose: 'is required' }],
      [{ ...VISIT, date: '2026-12-24' }, { date: 'must not be in the future' }],
      [{ ...VISIT, account: undefined, newAccountName: 'ACME' }, { newAccountName: 'Acme already exists: choose it from the list' }],
      [{ ...VISIT, account: undefined, newAccountName: 'INITECH' }, { newAccountName: 'Initech already exists: choose it from the list' }],
      [{ ...VISIT, account: undefined }, { account: 'choose an account or fill in a new one' }],
      [{ ...VISIT, date: '2026-03-02', nextStepDate: '' }, { date: '2026-Q1 is closed for entries' }],
    ] as const) {
      expect((await submit('ann', 'visit', values)).refused?.fieldErrors).toEqual(errors);
    }
    expect(await deps.store.activities.count()).toBe(0);
  });

  it('answers a Chinese-speaking rep in Chinese', async () => {
    expect((await submit('bob', 'visit', { ...VISIT, account: 'globex', date: '2026-12-24' })).refused?.fieldErrors).toEqual({ date: '不能晚于今天' });
    expect(shown(await submit('bob', 'visit', { ...VISIT, account: 'globex' }))).toContain('已记录：2026-11-25 与 Globex 的拜访。本季度拜访次数：1 / 36。');
  });

  it('refuses someone without the rep role as a whole, not under a field', async () => {
    const a = await submit('hr', 'visit', VISIT);
    expect(a.refused).toMatchObject({ fieldErrors: {}, reason: 'This needs the Rep/Manager role. Ask an administrator if you should have it.' });
    expect(await deps.store.activities.count()).toBe(0);
  });
});

describe('deal, payment, feedback, peer review (shared conversation)', () => {
  it('stores a deal in a foreign currency and a payment against it; more than due is refused; /payment without open deals explains', async () => {
    // A payment form with no deal to choose cannot be filled in: its explanation is shown instead.
    const none = await ask(deps, 'ann', '/payment');
    expect(none.form).toBeUndefined();
    expect(shown(none as ChatAnswer)).toContain('You have no deal with an amount still due. Log the deal first with /deal.');
    const deal = await submit('ann', 'deal', { account: 'acme', newAccountTier: 'B', amount: '10,000', currency: 'USD', units: '5', product: 'Robots', signedDate: '2026-11-20' });
    expect(shown(deal)).toContain('First deal with Acme: a new customer this quarter.');
    const [stored] = await deps.store.deals.find({ repId: 'ann' });
    expect(stored).toMatchObject({ amount: 10_000, currency: 'USD', amountBase: 71_000, dueDate: '2026-12-20', firstWin: true });
    expect((await ask(deps, 'ann', '/payment')).form?.form.id).toBe('payment');
    expect((await submit('ann', 'payment', { dealId: stored!.id, amount: '12000', receivedDate: '2026-11-25' })).refused?.fieldErrors).toEqual({ amount: 'more than the 10000 USD still due' });
    expect(shown(await submit('ann', 'payment', { dealId: stored!.id, amount: '4000', receivedDate: '2026-11-25' }))).toContain('Still due on this deal: $6,000');
  });

  it('answers numbers with letters in them next to their fields', async () => {
    const a = await submit('ann', 'deal', { account: 'acme', amount: '12abc', currency: 'CNY', units: '2.5', product: 'P', signedDate: '2026-11-20' });
    expect(a.refused?.fieldErrors).toEqual({ amount: 'must be a number', units: 'must be a whole number' });
    expect(await deps.store.deals.count()).toBe(0);
  });

  it('stores feedback; refuses a rating out of range and a forged account', async () => {
    const base = { accountId: 'acme', service: '5', product: '4', source: 'survey', date: '2026-11-26' };
    expect((await submit('ann', 'feedback', { ...base, service: '7' })).refused?.fieldErrors).toEqual({ service: 'must be 1 to 5' });
    expect((await submit('ann', 'feedback', { ...base, accountId: 'forged' })).refused?.fieldErrors).toEqual({ accountId: 'unknown account' });
    await submit('ann', 'feedback', { ...base, comment: 'Quick answers' });
    expect(await deps.store.feedback.find({ repId: 'ann' })).toEqual([expect.objectContaining({ service: 5, product: 4, comment: 'Quick answers' })]);
  });

  it('offers only teammates for a peer review, refuses oneself and another team, stores a review of a teammate', async () => {
    const form = (await ask(deps, 'ann', '/peer-review')).form!.form;
    const to = form.fields.find((f) => f.id === 'toId') as { options?: { value: string }[] };
    expect(to.options!.map((o) => o.value)).toEqual(['bob']);
    expect((await submit('ann', 'peer-review', { toId: 'ann', collaboration: '5' })).refused?.fieldErrors).toEqual({ toId: 'you cannot review yourself' });
    expect((await submit('ann', 'peer-review', { toId: 'cat', collaboration: '5' })).refused?.fieldErrors).toEqual({ toId: 'choose someone in your team' });
    expect(shown(await submit('ann', 'peer-review', { toId: 'bob', collaboration: '4' }))).toContain('Saved your review of Bob Wu for 2026-Q4.');
    expect(await deps.store.peerReviews.find({ fromId: 'ann' })).toEqual([expect.objectContaining({ toId: 'bob', collaboration: 4 })]);
  });
});

describe('intel (shared conversation)', () => {
  it('stores the post and queues it once for the intel channel, naming its author; a topic and a text are required', async () => {
    await deps.store.settings.put({ id: 'channels', value: { intel: ['lark:oc_intel'] }, updatedAt: '2026-11-01T00:00:00Z' });
    expect((await submit('ann', 'intel', { topic: '  ', text: '' })).refused?.fieldErrors).toEqual({ topic: 'is required', text: 'is required' });
    const a = await submit('ann', 'intel', { topic: 'Competitor pricing', text: 'Globex got 15% off <script>' }, 'intel-1');
    expect(shown(a)).toContain('Posted to the intel channel.');
    expect(a.queued).toBe(1);
    await submit('ann', 'intel', { topic: 'Competitor pricing', text: 'Globex got 15% off <script>' }, 'intel-1');
    expect(await deps.store.intel.count({ repId: 'ann' })).toBe(1);
    const posts = await deps.store.outbox.find({ job: 'intel-post' });
    expect(posts.map((o) => o.target)).toEqual([{ kind: 'channel', channel: 'lark:oc_intel' }]);
    // The view is neutral: the author named, not mentioned; the text as typed (each platform escapes it).
    expect(shownTexts(posts[0]!.message.view as unknown as View)).toEqual(expect.arrayContaining(['Market intel from Ann Lee: Competitor pricing', 'Globex got 15% off <script>']));
  });

  it('says how to set an intel channel when none is configured, and queues nothing', async () => {
    expect(shown(await submit('ann', 'intel', { topic: 'Tender', text: 'New tender next month' }))).toContain('No intel channel is set yet');
    expect(await deps.store.outbox.count({ job: 'intel-post' })).toBe(0);
  });
});
