import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allElements, assertCard20 } from './card-schema.js';
import { dmChat, startHarness, type Card, type Harness } from './harness.js';

/**
 * One's own entries on Lark, through the conversation: `/entries` (`/我的记录`) lists them with
 * Edit / Delete buttons; Edit turns the card into the entry's form, whose submission stores the
 * change; Delete (behind a confirm) removes the entry. Someone else's entry is refused at each step.
 */
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

type Answer = { toast?: { type: string; content: string }; card?: { type: string; data: Card } };
const ANN = 'ou_annlee';
const BOB = 'ou_bobwu';

const visit = {
  account: 'acme', newAccountName: '', newAccountTier: 'B', date: '2026-11-25 +0800', mode: 'in_person',
  contacts: 'Li Wei (CTO)', purpose: 'Quarterly review', outcome: 'Pilot agreed', nextStep: 'Send proposal', nextStepDate: '2026-12-01 +0800',
};

async function callback(openId: string, value: unknown, formValue: Record<string, unknown> = {}): Promise<Answer> {
  const res = await h.submit(openId, value, formValue);
  expect(res.status).toBe(200);
  const answer = res.json() as Answer;
  if (answer.card) assertCard20(answer.card.data);
  return answer;
}

/** The buttons of a card: what each sends back, and its confirm dialog. */
const buttonsOf = (card: Card) =>
  allElements(card.body.elements)
    .filter((e) => e.tag === 'button')
    .map((e) => ({ label: (e.text as { content: string }).content, value: (e.behaviors as { value: Record<string, unknown> }[])[0]!.value, confirm: e.confirm as { title: { content: string } } | undefined }));

/** `/entries` in the DM: the card sent back. */
async function entries(openId: string, command = '/entries'): Promise<Card> {
  await h.dm(openId, command);
  await h.idle();
  const card = h.lastCardTo(dmChat(openId));
  assertCard20(card);
  return card;
}

async function annVisit(): Promise<string> {
  const saved = await callback(ANN, { form: 'visit' }, visit);
  expect(saved.toast?.type).toBe('success');
  return (await h.deps.store.activities.find({ repId: 'ann' }))[0]!.id;
}

describe('/entries on Lark', () => {
  it('lists the rep’s entries with Edit and a confirmed Delete, in their language', async () => {
    const id = await annVisit();
    const card = await entries(ANN);
    expect(JSON.stringify(card)).toContain('2026-11-25 · Visit · Acme');
    const [edit, del] = buttonsOf(card).filter((b) => b.label === 'Edit' || b.label === 'Delete');
    expect(edit!.value).toEqual({ action: 'entry.edit', value: JSON.stringify({ kind: 'visit', id }) });
    expect(del!.value).toEqual({ action: 'entry.delete', value: JSON.stringify({ kind: 'visit', id }) });
    expect(del!.confirm!.title.content).toBe('Delete this entry?');
    // The Chinese alias, answered in Chinese.
    expect(JSON.stringify(await entries(BOB, '/我的记录'))).toContain('最近的记录');
  });

  it('Edit turns the card into the entry’s form; its submission stores the change; a bad value comes back on the form', async () => {
    const id = await annVisit();
    const [edit] = buttonsOf(await entries(ANN)).filter((b) => b.label === 'Edit');
    const form = await callback(ANN, edit!.value);
    expect(form.card!.data.header!.title.content).toBe('Edit visit');
    const submitButton = buttonsOf(form.card!.data).find((b) => b.value.form !== undefined)!;
    expect(submitButton.value).toEqual({ form: `edit:visit:${id}`, kind: 'visit' });
    expect(allElements(form.card!.data.body.elements).find((e) => e.name === 'purpose')).toMatchObject({ default_value: 'Quarterly review' });

    const refused = await callback(ANN, submitButton.value, { ...visit, purpose: '' });
    expect(refused.toast).toEqual({ type: 'error', content: 'Please fix the marked fields' });
    expect(JSON.stringify(refused.card!.data)).toContain(`"form":"edit:visit:${id}"`);
    expect((await h.deps.store.activities.get(id))!.purpose).toBe('Quarterly review');

    const saved = await callback(ANN, submitButton.value, { ...visit, purpose: 'Renewal talk' });
    expect(saved.toast).toEqual({ type: 'success', content: 'Saved' });
    expect(saved.card!.data.header!.template).toBe('green');
    expect(JSON.stringify(saved.card!.data)).toContain('Saved your changes.');
    expect(await h.deps.store.activities.get(id)).toMatchObject({ purpose: 'Renewal talk', kind: 'visit' });
  });

  it('Delete removes the entry', async () => {
    const id = await annVisit();
    const [del] = buttonsOf(await entries(ANN)).filter((b) => b.label === 'Delete');
    const answer = await callback(ANN, del!.value);
    expect(JSON.stringify(answer.card!.data)).toContain('Entry deleted.');
    expect(await h.deps.store.activities.get(id)).toBeNull();
  });

  it('refuses someone else’s entry at every step, changing nothing', async () => {
    const id = await annVisit();
    const before = await h.deps.store.activities.get(id);
    const value = JSON.stringify({ kind: 'visit', id });
    const edit = await callback(BOB, { action: 'entry.edit', value });
    expect(edit.toast?.type).toBe('error');
    expect(edit.card).toBeUndefined();
    const del = await callback(BOB, { action: 'entry.delete', value });
    expect(del.toast?.type).toBe('error');
    const forged = await callback(BOB, { form: `edit:visit:${id}`, kind: 'visit' }, { ...visit, purpose: 'Forged' });
    expect(forged.toast?.type).toBe('error');
    // The card is left as the forger sent it (a toast alone): it shows nothing of ann's entry.
    expect(JSON.stringify(forged.card ?? {})).not.toContain('Quarterly review');
    expect(await h.deps.store.activities.get(id)).toEqual(before);
    // Garbage in a button's value is refused the same way.
    expect((await callback(ANN, { action: 'entry.delete', value: 'not json' })).toast?.type).toBe('error');
    expect(await h.deps.store.activities.get(id)).toEqual(before);
  });
});
