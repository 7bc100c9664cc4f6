import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logVisit } from '../../src/application/entries/log-visit.js';
import type { Person } from '../../src/domain/model/people.js';
import { buttonClick, SECRET, startHarness, VISIT_VALUES, type FieldValue, type Harness } from './harness.js';
import { payloadBody, postSigned, viewSubmission } from './signing.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const person = async (id: string): Promise<Person> => (await h.deps.store.people.get(id))!;
const ref = (kind: string, id: string): string => JSON.stringify({ kind, id });
const visitValues = { ...VISIT_VALUES, nextStep: undefined, nextStepDate: undefined } as const;
type Modal = { callback_id: string; private_metadata: string };
const openedModal = (): Modal => (h.fake.callsTo('views.open').at(-1)!.params as { view: Modal }).view;

/** Submits a modal the app opened, as Slack would: its callback id and metadata come back. */
const submitModal = (user: string, modal: Modal, values: Record<string, FieldValue | undefined>) => {
  const payload = viewSubmission({ user, form: 'visit', triggerId: 'trigger-edit-submit', viewId: 'VEDIT1', privateMetadata: modal.private_metadata, values }) as { view: { callback_id: string } };
  payload.view.callback_id = modal.callback_id;
  return postSigned(h.url, SECRET, payloadBody(payload));
};

async function aVisit(): Promise<string> {
  const { activity } = await logVisit(h.deps, await person('ann'), { requestId: 'v1', account: { accountId: 'acme' }, date: '2026-11-20', purpose: 'Demo', outcome: 'Good' });
  return activity.id;
}

describe('/entries in Slack (new with the conversation core)', () => {
  it('answers privately with the latest entries and their Edit and Delete buttons', async () => {
    const id = await aVisit();
    await h.command('UANN', '/entries', '', { responseId: 'entries' });
    await h.fake.until(() => h.fake.responses.some((r) => r.id === 'entries'), 'the answer');
    const answer = h.fake.responses.find((r) => r.id === 'entries')!.body as { response_type: string; blocks: unknown[] };
    expect(answer.response_type).toBe('ephemeral');
    const shown = JSON.stringify(answer.blocks);
    expect(shown).toContain('2026-11-20 · Visit · Acme');
    expect(shown).toContain(`"action_id":"entry.edit","text":{"type":"plain_text","text":"Edit","emoji":true},"value":${JSON.stringify(ref('visit', id))}`);
    expect(shown).toContain('"action_id":"entry.delete"');
  });

  it('deletes from the private answer, which the confirmation replaces', async () => {
    const id = await aVisit();
    await h.interactive(buttonClick('UANN', 'entry.delete', ref('visit', id), { responseUrl: h.fake.responseUrl('clicked') }));
    await h.fake.until(() => h.fake.responses.some((r) => r.id === 'clicked'), 'the replacement');
    expect(h.fake.responses.find((r) => r.id === 'clicked')!.body).toMatchObject({ replace_original: true, text: 'Entry deleted.' });
    expect(await h.deps.store.activities.get(id)).toBeNull();
    expect(h.fake.callsTo('views.publish')).toHaveLength(0);
  });

  it("refuses someone else's entry privately, leaving the message and the entry as they were", async () => {
    const { activity } = await logVisit(h.deps, await person('bob'), { requestId: 'b1', account: { accountId: 'globex' }, purpose: 'Demo', outcome: 'Good' });
    await h.interactive(buttonClick('UANN', 'entry.delete', ref('visit', activity.id), { responseUrl: h.fake.responseUrl('forged') }));
    await h.fake.until(() => h.fake.callsTo('chat.postEphemeral').length === 1, 'the refusal');
    expect(h.fake.callsTo('chat.postEphemeral')[0]!.params).toMatchObject({ channel: 'C0SALES', user: 'UANN', text: ':warning: That entry was not found among yours.' });
    expect(h.fake.responses.some((r) => r.id === 'forged')).toBe(false);
    expect(await h.deps.store.activities.get(activity.id)).not.toBeNull();
  });

  it('edits from the private answer: the modal is the edit, its confirmation comes by DM', async () => {
    const id = await aVisit();
    await h.interactive(buttonClick('UANN', 'entry.edit', ref('visit', id), { responseUrl: h.fake.responseUrl('edit') }));
    const modal = openedModal();
    expect(modal.callback_id).toBe(`edit:visit:${id}`);
    expect(JSON.parse(modal.private_metadata)).toEqual({ k: 'visit' });
    const res = await submitModal('UANN', modal, { ...visitValues, outcome: { text: 'Quote sent' } });
    expect(res.body).toBe('');
    expect(await h.deps.store.activities.get(id)).toMatchObject({ outcome: 'Quote sent' });
    expect(h.fake.callsTo('chat.postMessage').at(-1)!.params).toMatchObject({ channel: 'UANN', text: 'Saved your changes.' });
    expect(h.fake.callsTo('views.publish')).toHaveLength(0);
  });
});

describe('a form opened from the App Home', () => {
  it('republishes the Home with the confirmation as its notice', async () => {
    const res = await h.submit('UANN', 'visit', visitValues, { meta: { h: 1 } });
    expect(res.body).toBe('');
    const home = h.fake.callsTo('views.publish').at(-1)!.params as { view: { blocks: { text?: { text: string } }[] } };
    expect(home.view.blocks[1]!.text!.text).toBe(':white_check_mark: Logged: visit with Acme on 2026-11-25. Your visits this quarter: 1 of 36.');
  });
});
