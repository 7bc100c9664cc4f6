import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, VISIT_VALUES, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

type ModalView = { callback_id: string; title: { text: string }; private_metadata: string; blocks: { block_id?: string; element?: { type: string; initial_option?: { value: string } } }[] };
const openedModal = (): ModalView => h.fake.callsTo('views.open').at(-1)!.params.view as ModalView;
const lastResponse = () => h.fake.responses.at(-1)!.body as { text: string; response_type: string };

const visitValues = { ...VISIT_VALUES, contacts: { text: 'Li Wei (CTO), Zhao Min' } } as const;

describe('/visit', () => {
  it('opens the visit modal, prefilling the account from the command text', async () => {
    const res = await h.command('UANN', '/visit', 'acm');
    expect(res.status).toBe(200);
    const modal = openedModal();
    expect(modal.callback_id).toBe('form:visit');
    expect(modal.title.text).toBe('Log a client visit');
    expect(modal.blocks.map((b) => b.block_id)).toEqual(['account', 'newAccountName', 'newAccountTier', 'date', 'mode', 'contacts', 'purpose', 'outcome', 'nextStep', 'nextStepDate']);
    expect(modal.blocks[0]!.element).toMatchObject({ type: 'external_select', initial_option: { value: 'acme' } });
    expect(JSON.parse(modal.private_metadata)).toMatchObject({ c: 'C0SALES' });
    expect(h.fake.callsTo('views.open')[0]!.headers.authorization).toBe('Bearer xoxb-test-token');
  });

  it('stores a submitted visit and confirms it with the quarter count against target', async () => {
    const res = await h.submit('UANN', 'visit', visitValues);
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    const stored = await h.deps.store.activities.find({ repId: 'ann' });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ accountId: 'acme', date: '2026-11-25', contacts: ['Li Wei (CTO)', 'Zhao Min'], nextStepDate: '2026-12-01', kind: 'visit' });
    expect(lastResponse()).toMatchObject({ response_type: 'ephemeral' });
    expect(lastResponse().text).toContain('Logged: visit with Acme on 2026-11-25. Your visits this quarter: 1 of 36.');
  });

  it('stores a modal submitted twice (double click, retry) once', async () => {
    await h.submit('UANN', 'visit', visitValues, { viewId: 'VSAME' });
    await h.submit('UANN', 'visit', visitValues, { viewId: 'VSAME' });
    expect(await h.deps.store.activities.count()).toBe(1);
    expect(lastResponse().text).toContain('already saved');
  });

  it('answers field errors inside the modal and stores nothing', async () => {
    const res = await h.submit('UANN', 'visit', { ...visitValues, date: { date: '2026-12-24' }, purpose: undefined });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({
      response_action: 'errors',
      errors: { purpose: 'is required' },
    });
    const res2 = await h.submit('UANN', 'visit', { ...visitValues, date: { date: '2026-12-24' } });
    expect(res2.json()).toEqual({ response_action: 'errors', errors: { date: 'must not be in the future' } });
    const res3 = await h.submit('UANN', 'visit', { ...visitValues, account: undefined, newAccountName: { text: 'ACME' } });
    expect(res3.json()).toEqual({ response_action: 'errors', errors: { newAccountName: 'Acme already exists: choose it from the list' } });
    expect(await h.deps.store.activities.count()).toBe(0);
  });

  it('shows field errors in Chinese to a Chinese-speaking rep', async () => {
    const res = await h.submit('UBOB', 'visit', { ...visitValues, account: { option: 'globex' }, date: { date: '2026-12-24' } });
    expect(res.json()).toEqual({ response_action: 'errors', errors: { date: '不能晚于今天' } });
    await h.submit('UBOB', 'visit', { ...visitValues, account: { option: 'globex' } });
    expect(lastResponse().text).toContain('已记录：2026-11-25 与 Globex 的拜访。本季度拜访次数：1 / 36。');
  });

  it('refuses someone without the rep role with a clear ephemeral answer', async () => {
    await h.submit('UHR', 'visit', visitValues);
    expect(lastResponse().text).toBe(':warning: This needs the rep/manager role. Ask an administrator if you should have it.');
    expect(await h.deps.store.activities.count()).toBe(0);
  });

  it('registers a Slack user it has never seen, as a rep, from users.info', async () => {
    h.fake.addUser({ id: 'UNEW', name: 'Nina New', locale: 'zh-CN', tz: 'Asia/Singapore' });
    await h.command('UNEW', '/visit');
    const p = await h.deps.store.personByIdentity('slack:UNEW');
    expect(p).toMatchObject({ name: 'Nina New', roles: ['rep'], locale: 'zh-CN', timeZone: 'Asia/Singapore', joinDate: '2026-11-26' });
    expect(openedModal().title.text).toBe('记录客户拜访');
  });
});

describe('/deal, /payment, /feedback, /peer-review', () => {
  it('stores a deal in a foreign currency and a payment against it; more than due is refused in the modal', async () => {
    await h.submit('UANN', 'deal', {
      account: { option: 'acme' }, newAccountName: undefined, newAccountTier: { option: 'B' },
      amount: { number: '10000' }, currency: { option: 'USD' }, units: { number: '5' }, product: { text: 'Robots' },
      signedDate: { date: '2026-11-20' }, dueDate: undefined,
    });
    const [deal] = await h.deps.store.deals.find({ repId: 'ann' });
    expect(deal).toMatchObject({ amount: 10_000, currency: 'USD', amountBase: 71_000, dueDate: '2026-12-20', firstWin: true });
    expect(lastResponse().text).toContain('First deal with Acme: a new customer this quarter.');

    await h.command('UANN', '/payment');
    const modal = openedModal();
    expect(modal.callback_id).toBe('form:payment');
    const over = await h.submit('UANN', 'payment', { dealId: { option: deal!.id }, amount: { number: '12000' }, receivedDate: { date: '2026-11-25' } });
    expect(over.json()).toEqual({ response_action: 'errors', errors: { amount: 'more than the 10000 USD still due' } });
    await h.submit('UANN', 'payment', { dealId: { option: deal!.id }, amount: { number: '4000' }, receivedDate: { date: '2026-11-25' } });
    expect(lastResponse().text).toContain('Still due on this deal: $6,000');
  });

  it('answers /payment without open deals with an explanation instead of an empty form', async () => {
    await h.command('UANN', '/payment');
    expect(h.fake.callsTo('views.open')).toHaveLength(0);
    expect(lastResponse().text).toBe('You have no deal with an amount still due. Log the deal first with /deal.');
  });

  it('stores feedback and refuses a rating out of range', async () => {
    const bad = await h.submit('UANN', 'feedback', { accountId: { option: 'acme' }, service: { option: '7' }, product: { option: '4' }, source: { option: 'survey' }, comment: undefined, date: { date: '2026-11-26' } });
    expect(bad.json()).toEqual({ response_action: 'errors', errors: { service: 'must be 1 to 5' } });
    await h.submit('UANN', 'feedback', { accountId: { option: 'acme' }, service: { option: '5' }, product: { option: '4' }, source: { option: 'survey' }, comment: { text: 'Quick answers' }, date: { date: '2026-11-26' } });
    expect(await h.deps.store.feedback.find({ repId: 'ann' })).toEqual([expect.objectContaining({ service: 5, product: 4, comment: 'Quick answers' })]);
  });

  it('offers only teammates for a peer review and refuses oneself', async () => {
    await h.command('UANN', '/peer-review');
    const select = openedModal().blocks[0]!.element as unknown as { options: { value: string }[] };
    expect(select.options.map((o) => o.value)).toEqual(['bob']);
    const self = await h.submit('UANN', 'peer-review', { toId: { option: 'ann' }, collaboration: { option: '5' }, comment: undefined });
    expect(self.json()).toEqual({ response_action: 'errors', errors: { toId: 'you cannot review yourself' } });
    await h.submit('UANN', 'peer-review', { toId: { option: 'bob' }, collaboration: { option: '4' }, comment: undefined });
    expect(lastResponse().text).toContain('Saved your review of bob for 2026-Q4.');
  });
});

describe('/intel', () => {
  it('stores the post and posts it to the intel channel with its author, after the ack', async () => {
    await h.deps.store.settings.put({ id: 'channels', value: { intel: ['slack:C0INTEL'] }, updatedAt: '2026-11-01T00:00:00Z' });
    await h.submit('UANN', 'intel', { topic: { text: 'Competitor pricing' }, text: { text: 'Globex got 15% off <script>' } });
    await h.fake.until(() => h.fake.callsTo('chat.postMessage').length === 1, 'the intel post');
    const post = h.fake.callsTo('chat.postMessage')[0]!.params as { channel: string; blocks: { text: { text: string } }[] };
    expect(post.channel).toBe('C0INTEL');
    // Through the outbox, whose views are platform-neutral: the author is named, not mentioned.
    expect(post.blocks.map((b) => b.text.text)).toEqual(['Market intel from Ann Lee: Competitor pricing', 'Globex got 15% off &lt;script&gt;']);
    expect(await h.deps.store.intel.count({ repId: 'ann' })).toBe(1);
    expect(lastResponse().text).toContain('Posted to the intel channel.');
  });

  it('says how to set an intel channel when none is configured', async () => {
    await h.submit('UANN', 'intel', { topic: { text: 'Tender' }, text: { text: 'New tender next month' } });
    expect(lastResponse().text).toContain('No intel channel is set yet');
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });
});

describe('account search', () => {
  it('answers the external select with matching accounts', async () => {
    const res = await h.interactive({
      type: 'block_suggestion', action_id: 'account', block_id: 'account', value: 'glo',
      team: { id: 'T0FAKE' }, user: { id: 'UANN' }, api_app_id: 'A0APP', token: 'legacy', container: { type: 'view', view_id: 'V1' },
    });
    expect(res.json()).toEqual({ options: [{ text: { type: 'plain_text', text: 'Globex · strategic' }, value: 'globex' }] });
  });
});
