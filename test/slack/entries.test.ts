import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, VISIT_VALUES, type Harness } from './harness.js';

/**
 * The entry forms on Slack: the modal (prefill, private metadata, options), the ack (empty, or
 * errors inside the modal), the private confirmation, a modal submitted twice, registering an unseen
 * user, the intel post's markup and the account search. The forms' rules (what is stored, each
 * refusal, both languages) are in test/chat/entries.
 */
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
    expect(await h.deps.store.activities.count()).toBe(0);
  });

  it('refuses someone without the rep role with a clear ephemeral answer', async () => {
    await h.submit('UHR', 'visit', visitValues);
    expect(lastResponse().text).toBe(':warning: This needs the Rep/Manager role. Ask an administrator if you should have it.');
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

describe('/payment and /peer-review modals', () => {
  it('answers /payment without open deals with an explanation instead of an empty form', async () => {
    await h.command('UANN', '/payment');
    expect(h.fake.callsTo('views.open')).toHaveLength(0);
    expect(lastResponse().text).toBe('You have no deal with an amount still due. Log the deal first with /deal.');
  });

  it('draws the peer review’s teammates as a static select and reads the chosen one', async () => {
    await h.command('UANN', '/peer-review');
    const select = openedModal().blocks[0]!.element as unknown as { options: { value: string }[] };
    expect(select.options.map((o) => o.value)).toEqual(['bob']);
    // The chosen option comes back as its value (what is refused and stored: test/chat/entries).
    await h.submit('UANN', 'peer-review', { toId: { option: 'bob' }, collaboration: { option: '4' }, comment: undefined });
    expect(await h.deps.store.peerReviews.find({ fromId: 'ann' })).toEqual([expect.objectContaining({ toId: 'bob', collaboration: 4 })]);
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

});

describe('account search', () => {
  it('answers the external select with matching accounts', async () => {
    const res = await h.interactive({
      type: 'block_suggestion', action_id: 'account', block_id: 'account', value: 'glo',
      team: { id: 'T0FAKE' }, user: { id: 'UANN' }, api_app_id: 'A0APP', token: 'legacy', container: { type: 'view', view_id: 'V1' },
    });
    expect(res.json()).toEqual({ options: [{ text: { type: 'plain_text', text: 'Globex · Strategic' }, value: 'globex' }] });
  });
});
