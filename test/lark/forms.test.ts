import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allElements, assertCard20 } from './card-schema.js';
import { startHarness, type Card, type Harness } from './harness.js';

/**
 * The entry forms on Lark: the card's answer (toast, confirmation card, errors under their fields
 * with what was typed kept, a refusal above the form), a card submitted twice, form_value oddities,
 * the intel post's card and a slow save updating the card later. The forms' rules (what is stored,
 * each refusal, both languages) are in test/chat/entries.
 */
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

type Answer = { toast?: { type: string; content: string }; card?: { type: string; data: Card } };
const ANN = 'ou_annlee';

/** Submits a card form as Lark sends it and returns the callback's answer (its card checked). */
async function submit(openId: string, form: string, formValue: Record<string, unknown>, messageId?: string): Promise<Answer> {
  const res = await h.submit(openId, { form }, formValue, messageId);
  expect(res.status).toBe(200);
  const answer = res.json() as Answer;
  if (answer.card) assertCard20(answer.card.data);
  return answer;
}

const body = (a: Answer) => JSON.stringify(a.card?.data.body);
/** The red error shown right under a field of a refused form. */
function errorUnder(a: Answer, field: string): string | undefined {
  const els = allElements(a.card!.data.body.elements);
  const i = els.findIndex((e) => e.name === field);
  const next = els.slice(i + 1).find((e) => typeof e.name === 'string' || String(e.content).startsWith("<font color='red'>"));
  return typeof next?.content === 'string' ? next.content.replace(/^<font color='red'>|<\/font>$/g, '') : undefined;
}
const field = (a: Answer, name: string) => allElements(a.card!.data.body.elements).find((e) => e.name === name);

const visit = {
  account: 'acme', newAccountName: '', newAccountTier: 'B', date: '2026-11-25 +0800', mode: 'in_person',
  contacts: 'Li Wei (CTO), Zhao Min', purpose: 'Quarterly review', outcome: 'Pilot agreed', nextStep: 'Send proposal', nextStepDate: '2026-12-01 +0800',
};

describe('visit form', () => {
  it('stores a submitted visit and turns the card into the confirmation', async () => {
    const a = await submit(ANN, 'visit', visit);
    expect(a.toast).toEqual({ type: 'success', content: 'Saved' });
    expect(a.card!.data.header).toEqual({ title: { tag: 'plain_text', content: 'Log a client visit' }, template: 'green' });
    expect(body(a)).toContain('Logged: visit with Acme on 2026-11-25. Your visits this quarter: 1 of 36.');
    expect(await h.deps.store.activities.find({ repId: 'ann' })).toEqual([
      expect.objectContaining({ accountId: 'acme', date: '2026-11-25', contacts: ['Li Wei (CTO)', 'Zhao Min'], nextStepDate: '2026-12-01', kind: 'visit' }),
    ]);
  });

  it('stores a card submitted twice once', async () => {
    await submit(ANN, 'visit', visit, 'om_same');
    const again = await submit(ANN, 'visit', visit, 'om_same');
    expect(await h.deps.store.activities.count()).toBe(1);
    expect(body(again)).toContain('already saved');
  });

  it('shows field errors under their fields, keeps what was typed, stores nothing', async () => {
    const a = await submit(ANN, 'visit', { ...visit, date: '2026-12-24 +0800', purpose: '' });
    expect(a.toast).toEqual({ type: 'error', content: 'Please fix the marked fields' });
    expect(errorUnder(a, 'purpose')).toBe('is required');
    expect(field(a, 'outcome')).toMatchObject({ default_value: 'Pilot agreed' });
    expect(field(a, 'account')).toMatchObject({ initial_option: 'acme' });
    const future = await submit(ANN, 'visit', { ...visit, date: '2026-12-24 +0800' });
    expect(errorUnder(future, 'date')).toBe('must not be in the future');
    expect(field(future, 'date')).toMatchObject({ initial_date: '2026-12-24' });
    expect(await h.deps.store.activities.count()).toBe(0);
  });

  it('offers an existing account typed as a new one in the list', async () => {
    await h.deps.store.accounts.insert({ id: 'initech', name: 'Initech', nameKey: 'initech', tier: 'B', ownerId: 'cat', createdAt: '2026-01-01T00:00:00.000Z' });
    const a = await submit(ANN, 'visit', { ...visit, account: undefined, newAccountName: 'INITECH' });
    expect(errorUnder(a, 'newAccountName')).toBe('Initech already exists: choose it from the list');
    expect((field(a, 'account') as unknown as { options: { value: string }[] }).options.map((o) => o.value)).toContain('initech');
  });

  it('answers a Chinese-speaking rep in Chinese', async () => {
    const bad = await submit('ou_bobwu', 'visit', { ...visit, account: 'globex', date: '2026-12-24 +0800' });
    expect(bad.toast).toEqual({ type: 'error', content: '请修改标出的字段' });
    expect(errorUnder(bad, 'date')).toBe('不能晚于今天');
  });

  it('refuses someone without the rep role, saying why above the form', async () => {
    const a = await submit('ou_hanahr', 'visit', visit);
    expect(a.toast).toEqual({ type: 'error', content: 'Not saved' });
    expect(a.card!.data.body.elements[0]).toEqual({ tag: 'markdown', content: "<font color='red'>This needs the Rep/Manager role. Ask an administrator if you should have it.</font>" });
    expect(await h.deps.store.activities.count()).toBe(0);
  });
});

describe('form_value as Lark sends it', () => {
  it('ignores unknown fields and structured values in form_value', async () => {
    const a = await submit(ANN, 'intel', { topic: 'Tender', text: 'Next month', bogus: 'x', extra: { nested: true } });
    expect(a.toast!.type).toBe('success');
    expect(await h.deps.store.intel.count()).toBe(1);
  });
});

describe('intel', () => {
  it('posts a new intel entry to the Lark intel chat with its author, through the outbox, after the answer', async () => {
    await h.deps.store.settings.put({ id: 'channels', value: { intel: ['lark:oc_intel', 'slack:C0INTEL'] }, updatedAt: '2026-11-01T00:00:00Z' });
    const a = await submit(ANN, 'intel', { topic: 'Competitor pricing', text: 'Globex got 15% off <at id=all></at>' });
    expect(body(a)).toContain('Posted to the intel channel.');
    await h.idle();
    const [post] = h.fake.sentTo('oc_intel');
    expect(post!.receiveIdType).toBe('chat_id');
    assertCard20(post!.card);
    // The author is named in the title (a neutral view has no platform mentions); the rep's text is literal.
    expect((post!.card as unknown as Card).header!.title.content).toBe('Market intel from Ann Lee: Competitor pricing');
    expect(JSON.stringify(post!.card)).toContain('Globex got 15% off &lt;at id=all&gt;&lt;/at&gt;');
    expect(h.fake.sent).toHaveLength(1);
    // Stored in the outbox under the entry, sent once, with Lark's idempotency uuid.
    expect((await h.deps.store.outbox.find({ job: 'intel-post' })).map((o) => [o.target, o.state])).toEqual([[{ kind: 'channel', channel: 'lark:oc_intel' }, 'sent']]);
    expect(h.fake.callsTo('POST', '/open-apis/im/v1/messages').map((c) => typeof (c.body as { uuid?: unknown }).uuid)).toEqual(['string']);
  });

  it('posts a resubmitted intel card once', async () => {
    await h.deps.store.settings.put({ id: 'channels', value: { intel: ['lark:oc_intel'] }, updatedAt: '2026-11-01T00:00:00Z' });
    await submit(ANN, 'intel', { topic: 'Tender', text: 'Next month' }, 'om_intel_twice');
    await submit(ANN, 'intel', { topic: 'Tender', text: 'Next month' }, 'om_intel_twice');
    await h.idle();
    expect(await h.deps.store.intel.count()).toBe(1);
    expect(h.fake.sentTo('oc_intel')).toHaveLength(1);
  });

});

describe('odd callbacks', () => {
  it('answers a click on a card it no longer knows with a toast and stores nothing', async () => {
    const res = await h.submit(ANN, { form: 'no-such-form' }, { purpose: 'x' });
    expect(res.json()).toEqual({ toast: { type: 'info', content: '此卡片已失效：请重新发送命令。' } });
    expect((await h.submit(ANN, 'garbage', {})).status).toBe(200);
    expect(await h.deps.store.activities.count()).toBe(0);
  });
});

describe('slow work', () => {
  it('answers within the deadline and updates the card when the work is done', async () => {
    await h.close();
    h = await startHarness({ ackDeadlineMs: 0 });
    const release = h.fake.holdContacts();
    const res = await h.submit(ANN, { form: 'intel' }, { topic: 'Tender', text: 'Next month' }, 'om_slow');
    expect(res.json()).toEqual({ toast: { type: 'info', content: '正在保存…' } });
    expect(h.fake.patches).toEqual([]);
    release();
    await h.idle();
    expect(h.fake.patches).toHaveLength(1);
    expect(h.fake.patches[0]!.messageId).toBe('om_slow');
    assertCard20(h.fake.patches[0]!.card);
    expect(JSON.stringify(h.fake.patches[0]!.card)).toContain('Shared: “Tender”.');
    expect(await h.deps.store.intel.count()).toBe(1);
  });
});
