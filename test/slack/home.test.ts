import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logDeal } from '../../src/application/entries/log-deal.js';
import { logPayment } from '../../src/application/entries/log-payment.js';
import { logVisit } from '../../src/application/entries/log-visit.js';
import type { Person } from '../../src/domain/model/people.js';
import { visits } from '../helpers/org.js';
import { startHarness, stateValues, VISIT_VALUES, type FieldValue, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

let seq = 0;
const person = async (id: string): Promise<Person> => (await h.deps.store.people.get(id))!;
/** Today by the harness's injected clock, in the company's time zone (Shanghai, UTC+8). */
const today = (): string => new Date(h.deps.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);

type Element = { type: string; action_id?: string; value?: string; text?: { text: string }; confirm?: unknown };
type Block = { type: string; text?: { text: string }; fields?: { text: string }[]; elements?: Element[]; accessory?: Element };
type Published = { user_id: string; view: { type: string; blocks: Block[] } };

const publishes = (): Published[] => h.fake.callsTo('views.publish').map((c) => c.params as unknown as Published);
const lastHome = (user: string): Published => publishes().filter((p) => p.user_id === user).at(-1)!;
/** Every text of a published Home, one per block (section fields joined). */
const texts = (blocks: Block[]): string[] =>
  blocks.map((b) => b.text?.text ?? b.fields?.map((f) => f.text).join(' | ') ?? b.elements?.map((e) => e.text?.text ?? '').join(' | ') ?? '');
const homeText = (user: string): string => texts(lastHome(user).view.blocks).join('\n');

const openHome = (user: string, tab: 'home' | 'messages' = 'home') =>
  h.event({ type: 'app_home_opened', user, channel: `D${user}`, tab, event_ts: '1764122400.000100' }, `EvHome${++seq}`);

/** A click on a Home button, as Slack sends it from the App Home tab. */
const click = (user: string, actionId: string, value: string, triggerId = `trigger-home-${++seq}`) =>
  h.interactive({
    type: 'block_actions',
    team: { id: 'T0FAKE', domain: 'fake' },
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: 'T0FAKE' },
    api_app_id: 'A0APP',
    token: 'legacy',
    trigger_id: triggerId,
    container: { type: 'view', view_id: 'VHOME' },
    view: { id: 'VHOME', type: 'home', callback_id: '', private_metadata: '', blocks: [], state: { values: {} } },
    actions: [{ type: 'button', action_id: actionId, block_id: 'b1', value, text: { type: 'plain_text', text: 'x' }, action_ts: '1764122400.000200' }],
  });
const ref = (kind: string, id: string): string => JSON.stringify({ kind, id });

type ModalView = { callback_id: string; title: { text: string }; private_metadata: string; blocks: { block_id?: string; element?: Record<string, unknown> }[] };
const openedModal = (): { trigger_id: string; view: ModalView } => h.fake.callsTo('views.open').at(-1)!.params as never;
const initialOf = (modal: ModalView, field: string): unknown => {
  const el = modal.blocks.find((b) => b.block_id === field)?.element ?? {};
  return el.initial_value ?? el.initial_date ?? (el.initial_option as { value: string } | undefined)?.value;
};

/** Submits an edit modal as Slack would, with the callback id and metadata the app opened it with. */
const submitEdit = (user: string, modal: ModalView, values: Record<string, FieldValue | undefined>) =>
  h.interactive({
    type: 'view_submission',
    team: { id: 'T0FAKE', domain: 'fake' },
    user: { id: user, name: user.toLowerCase(), team_id: 'T0FAKE' },
    api_app_id: 'A0APP',
    token: 'legacy',
    trigger_id: `trigger-${++seq}`,
    view: { id: `VEDIT${seq}`, team_id: 'T0FAKE', type: 'modal', callback_id: modal.callback_id, private_metadata: modal.private_metadata, blocks: [], state: { values: stateValues(values) } },
  });

const visitValues = { ...VISIT_VALUES, nextStep: undefined, nextStepDate: undefined } as const;

describe('App Home', () => {
  it("publishes a rep's Home with the log buttons, pacing and latest entries when the Home tab is opened", async () => {
    await h.deps.store.activities.insertMany(visits('ann', 'acme', 4, '2026-10-08'));
    await logDeal(h.deps, await person('ann'), { requestId: 'd1', account: { accountId: 'acme' }, amount: 100_000, units: 10, product: 'Robots', signedDate: '2026-11-20' });

    const res = await openHome('UANN');
    expect(res.status).toBe(200);
    const home = lastHome('UANN');
    expect(home.view.type).toBe('home');
    const blocks = home.view.blocks;
    expect(blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: 'Home: Ann Lee, 2026-Q4', emoji: true } });
    expect(blocks[1]!.elements!.map((e) => e.action_id)).toEqual(['home.log-visit', 'home.log-deal']);
    const text = homeText('UANN');
    expect(text).toContain('Client visits: 4 so far → 6 projected vs 36 target');
    expect(text).toContain('Your latest entries');
    const deal = blocks.find((b) => b.text?.text === '2026-11-20 · Deal · Acme · Robots · ¥100,000')!;
    const [stored] = await h.deps.store.deals.find({ repId: 'ann' });
    expect(deal.accessory).toMatchObject({ action_id: 'entry.edit', value: ref('deal', stored!.id) });
    expect(blocks[blocks.indexOf(deal) + 1]!.elements![0]).toMatchObject({ action_id: 'entry.delete', value: ref('deal', stored!.id), confirm: expect.anything() });
    expect(text).not.toContain('Your team');
    expect(blocks).toMatchSnapshot();
  });

  it('leaves the Messages tab alone', async () => {
    await openHome('UANN', 'messages');
    expect(h.fake.callsTo('views.publish')).toHaveLength(0);
  });

  it("gives a manager's Home the team at a glance", async () => {
    await h.deps.store.activities.insertMany([...visits('ann', 'acme', 4, '2026-10-08'), ...visits('bob', 'globex', 24, '2026-10-01')]);
    await openHome('UMGR');
    const text = homeText('UMGR');
    expect(text).toContain('Home: Mia Manager, 2026-Q4');
    expect(text).toContain('Your team, 2026-Q4');
    expect(text).toMatch(/ann .*4 \/ 36 .*behind/);
    expect(text).toMatch(/bob .*24 \/ 36 .*on pace/);
    expect(text).not.toContain('cat');
  });

  it('shows a Chinese-speaking rep the Home in Chinese', async () => {
    await h.deps.store.activities.insertMany(visits('bob', 'globex', 2, '2026-11-02'));
    await openHome('UBOB');
    const text = homeText('UBOB');
    expect(text).toContain('主页：Bob Wu，2026-Q4');
    expect(text).toContain('记录拜访 | 记录成交');
    expect(text).toContain('客户拜访次数：目前 2');
    expect(text).toContain('2026-11-03 · 拜访 · Globex');
  });
});

describe('logging from the Home', () => {
  it('opens the visit modal with the click’s trigger_id, acked with an empty body', async () => {
    const res = await click('UANN', 'home.log-visit', 'visit', 'trigger-from-home');
    expect([res.status, res.body]).toEqual([200, '']);
    const opened = openedModal();
    expect(opened.trigger_id).toBe('trigger-from-home');
    expect(opened.view.callback_id).toBe('form:visit');
    expect(JSON.parse(opened.view.private_metadata)).toEqual({ h: 1 });

    await click('UANN', 'home.log-deal', 'deal');
    expect(openedModal().view.callback_id).toBe('form:deal');
  });

  it('stores a visit submitted from the Home, confirms it by DM and republishes the Home', async () => {
    await click('UANN', 'home.log-visit', 'visit');
    const meta = JSON.parse(openedModal().view.private_metadata) as object;
    const res = await h.submit('UANN', 'visit', visitValues, { meta });
    expect(res.body).toBe('');
    expect(await h.deps.store.activities.count({ repId: 'ann' })).toBe(1);
    const dm = h.fake.callsTo('chat.postMessage').at(-1)!.params;
    expect(dm).toMatchObject({ channel: 'UANN' });
    expect(String(dm.text)).toContain('Logged: visit with Acme on 2026-11-25. Your visits this quarter: 1 of 36.');
    expect(homeText('UANN')).toContain('2026-11-25 · Visit · Acme');
  });

  it('tells a refusal no field can show on the republished Home', async () => {
    await h.submit('UHR', 'visit', visitValues, { meta: { h: 1 } });
    expect(await h.deps.store.activities.count()).toBe(0);
    expect(homeText('UHR')).toContain(':warning: This needs the Rep/Manager role. Ask an administrator if you should have it.');
    expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });
});

describe('editing from the Home', () => {
  it('opens a modal prefilled with the entry and stores the edit, keeping the kind of activity', async () => {
    const ann = await person('ann');
    const { activity } = await logVisit(h.deps, ann, {
      requestId: 'v1', account: { accountId: 'acme' }, kind: 'call', mode: 'phone', date: '2026-11-20',
      contacts: ['Li Wei', 'Zhao Min'], purpose: 'Pricing', outcome: 'Wants a quote', nextStep: 'Send quote', nextStepDate: '2026-11-30',
    });
    const res = await click('UANN', 'entry.edit', ref('visit', activity.id), 'trigger-edit');
    expect([res.status, res.body]).toEqual([200, '']);
    const { trigger_id, view: modal } = openedModal();
    expect(trigger_id).toBe('trigger-edit');
    expect(modal.callback_id).toBe(`edit:visit:${activity.id}`);
    expect(modal.title.text).toBe('Edit visit');
    const prefilled = Object.fromEntries(['account', 'date', 'mode', 'contacts', 'purpose', 'outcome', 'nextStep', 'nextStepDate'].map((f) => [f, initialOf(modal, f)]));
    expect(prefilled).toEqual({ account: 'acme', date: '2026-11-20', mode: 'phone', contacts: 'Li Wei, Zhao Min', purpose: 'Pricing', outcome: 'Wants a quote', nextStep: 'Send quote', nextStepDate: '2026-11-30' });
    expect(modal.blocks[0]!.element).toMatchObject({ initial_option: { text: { text: 'Acme' }, value: 'acme' } });

    const edited = await submitEdit('UANN', modal, { ...visitValues, date: { date: '2026-11-21' }, mode: { option: 'phone' }, outcome: { text: 'Quote sent' } });
    expect(edited.body).toBe('');
    expect(await h.deps.store.activities.get(activity.id)).toMatchObject({ kind: 'call', date: '2026-11-21', outcome: 'Quote sent', requestId: 'v1' });
    expect(homeText('UANN')).toContain(':white_check_mark: Saved your changes.');
    expect(homeText('UANN')).toContain('2026-11-21 · Call · Acme');
    expect(await h.deps.store.audit.count({ action: 'entry.edit' })).toBe(1);
  });

  it('answers an invalid edit with field errors in the modal and changes nothing', async () => {
    const { activity } = await logVisit(h.deps, await person('ann'), { requestId: 'v1', account: { accountId: 'acme' }, date: '2026-11-20', purpose: 'Demo', outcome: 'Good' });
    await click('UANN', 'entry.edit', ref('visit', activity.id));
    const modal = openedModal().view;
    const res = await submitEdit('UANN', modal, { ...visitValues, date: { date: '2026-12-24' }, purpose: undefined });
    expect(res.json()).toEqual({ response_action: 'errors', errors: { purpose: 'is required' } });
    const res2 = await submitEdit('UANN', modal, { ...visitValues, date: { date: '2026-12-24' } });
    expect(res2.json()).toEqual({ response_action: 'errors', errors: { date: 'must not be in the future' } });
    expect(await h.deps.store.activities.get(activity.id)).toMatchObject({ date: '2026-11-20', purpose: 'Demo' });
    expect(h.fake.callsTo('views.publish')).toHaveLength(0);
  });

  it('prefills a deal and answers a refused change of its account next to the field', async () => {
    const { deal } = await logDeal(h.deps, await person('ann'), { requestId: 'd1', account: { accountId: 'acme' }, amount: 10_000, currency: 'USD', units: 5, product: 'Robots', signedDate: '2026-11-20' });
    await click('UANN', 'entry.edit', ref('deal', deal.id));
    const modal = openedModal().view;
    expect(modal.title.text).toBe('Edit deal');
    expect(['amount', 'currency', 'units', 'product', 'signedDate', 'dueDate'].map((f) => initialOf(modal, f))).toEqual(['10000', 'USD', '5', 'Robots', '2026-11-20', '2026-12-20']);
    const values = { account: { option: 'globex' }, newAccountName: undefined, newAccountTier: { option: 'B' }, amount: { number: '12000' }, currency: { option: 'USD' }, units: { number: '5' }, product: { text: 'Robots' }, signedDate: { date: '2026-11-20' }, dueDate: undefined };
    const res = await submitEdit('UANN', modal, values);
    expect(res.json()).toEqual({ response_action: 'errors', errors: { account: "a deal's account cannot be changed: delete the deal and log it again" } });
    await submitEdit('UANN', modal, { ...values, account: { option: 'acme' } });
    expect(await h.deps.store.deals.get(deal.id)).toMatchObject({ amount: 12_000, accountId: 'acme' });
  });

  it('offers a payment only its own deal, with what may be due not counting the payment itself', async () => {
    const ann = await person('ann');
    const { deal } = await logDeal(h.deps, ann, { requestId: 'd1', account: { accountId: 'acme' }, amount: 1000, units: 1, product: 'Robots', signedDate: '2026-11-20' });
    const { payment } = await logPayment(h.deps, ann, { requestId: 'p1', dealId: deal.id, amount: 400, receivedDate: '2026-11-25' });
    await click('UANN', 'entry.edit', ref('payment', payment.id));
    const modal = openedModal().view;
    const select = modal.blocks.find((b) => b.block_id === 'dealId')!.element as { options: { text: { text: string }; value: string }[] };
    expect(select.options.map((o) => [o.value, o.text.text])).toEqual([[deal.id, 'Acme · Robots · 2026-11-20 · ¥1,000 due']]);
    expect([initialOf(modal, 'dealId'), initialOf(modal, 'amount'), initialOf(modal, 'receivedDate')]).toEqual([deal.id, '400', '2026-11-25']);
    await submitEdit('UANN', modal, { dealId: { option: deal.id }, amount: { number: '1000' }, receivedDate: { date: '2026-11-25' } });
    expect(await h.deps.store.payments.get(payment.id)).toMatchObject({ amount: 1000 });
  });

  it('does not open an entry of a closed quarter, and says why on the Home', async () => {
    await h.deps.store.activities.insertMany(visits('ann', 'acme', 1, '2026-05-04', 'q2-'));
    await click('UANN', 'entry.edit', ref('visit', 'q2-0'));
    expect(h.fake.callsTo('views.open')).toHaveLength(0);
    expect(homeText('UANN')).toContain(':warning: This entry is dated 2026-05-04, in 2026-Q2, which is closed: it can no longer be changed.');
  });
});

describe('deleting from the Home', () => {
  it('deletes the entry and republishes the Home without it', async () => {
    const { activity } = await logVisit(h.deps, await person('ann'), { requestId: 'v1', account: { accountId: 'acme' }, date: '2026-11-20', purpose: 'Demo', outcome: 'Good' });
    await openHome('UANN');
    expect(homeText('UANN')).toContain('2026-11-20 · Visit · Acme');
    const res = await click('UANN', 'entry.delete', ref('visit', activity.id));
    expect([res.status, res.body]).toEqual([200, '']);
    expect(await h.deps.store.activities.get(activity.id)).toBeNull();
    const text = homeText('UANN');
    expect(text).toContain(':white_check_mark: Entry deleted.');
    expect(text).not.toContain('2026-11-20 · Visit · Acme');
    expect(text).toContain('Nothing logged yet');
  });

  it("changes nothing when the button's value is forged to someone else's entry, and says so", async () => {
    const { activity } = await logVisit(h.deps, await person('bob'), { requestId: 'b1', account: { accountId: 'globex' }, purpose: 'Demo', outcome: 'Good' });
    await click('UANN', 'entry.delete', ref('visit', activity.id));
    expect(await h.deps.store.activities.get(activity.id)).not.toBeNull();
    expect(await h.deps.store.audit.count()).toBe(0);
    expect(homeText('UANN')).toContain(':warning: That entry was not found among yours.');
    expect(publishes().map((p) => p.user_id)).toEqual(['UANN']);
  });

  it('refuses to delete a deal with payments, in the user’s language', async () => {
    const bob = await person('bob');
    const { deal } = await logDeal(h.deps, bob, { requestId: 'd1', account: { accountId: 'globex' }, amount: 100, units: 1, product: 'P', signedDate: '2026-11-20' });
    await logPayment(h.deps, bob, { requestId: 'p1', dealId: deal.id, amount: 30, receivedDate: today() });
    await click('UBOB', 'entry.delete', ref('deal', deal.id));
    expect(await h.deps.store.deals.get(deal.id)).not.toBeNull();
    const text = homeText('UBOB');
    expect(text).toContain(':warning: 该订单已记录 1 笔回款：请先删除这些回款。');
    expect(text).toContain('2026-11-20 · 成交 · Globex · P · ¥100');
  });
});
