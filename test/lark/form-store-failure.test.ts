import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../src/domain/errors.js';
import { allElements, assertCard20 } from './card-schema.js';
import { startHarness, type Card, type Harness } from './harness.js';

/**
 * A Lark form whose submission fails for a reason that is not the input (the store refusing the
 * write, the store down) used to be replaced by an error card, losing everything typed. The form
 * stays: drawn again with the typed values and the reason above it, or, when it cannot be drawn
 * (the store is down), left as it is with the reason as a toast. The contract case is in
 * test/platform-contract (store-refused).
 */
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

type Answer = { toast?: { type: string; content: string }; card?: { type: string; data: Card } };
const ANN = 'ou_annlee';
const visit = {
  account: 'acme', newAccountName: '', newAccountTier: 'B', date: '2026-11-25 +0800', mode: 'in_person',
  contacts: 'Li Wei (CTO), Zhao Min', purpose: 'Quarterly review', outcome: 'Pilot agreed', nextStep: 'Send proposal', nextStepDate: '2026-12-01 +0800',
};
const submit = async (): Promise<Answer> => (await h.submit(ANN, { form: 'visit' }, visit)).json() as Answer;
const field = (card: Card, name: string) => allElements(card.body.elements).find((e) => e.name === name);

describe('a Lark form the store refuses', () => {
  it('comes back with what was typed and the reason above it, nothing stored; sent again it is stored', async () => {
    const refusal = Object.assign(new Error('FOREIGN KEY constraint failed'), { code: 'SQLITE_CONSTRAINT_FOREIGNKEY' });
    const write = vi.spyOn(h.deps.store, 'writeBatch').mockRejectedValueOnce(refusal);
    const a = await submit();
    write.mockRestore();
    expect(a.toast).toEqual({ type: 'error', content: 'Not saved' });
    const card = a.card!.data;
    assertCard20(card);
    expect(card.body.elements[0]).toEqual({ tag: 'markdown', content: "<font color='red'>Something went wrong on our side; nothing was changed. Please try again.</font>" });
    expect([field(card, 'purpose')?.default_value, field(card, 'outcome')?.default_value, field(card, 'account')?.initial_option]).toEqual(['Quarterly review', 'Pilot agreed', 'acme']);
    expect(await h.deps.store.activities.count()).toBe(0);
    expect((await submit()).toast).toEqual({ type: 'success', content: 'Saved' });
    expect(await h.deps.store.activities.count()).toBe(1);
  });

  it('when the store is down (the form cannot be drawn again), leaves the filled-in card as it is and says why in a toast', async () => {
    const down = new AppError('UNAVAILABLE', 'the embedded database is unavailable; nothing was saved');
    vi.spyOn(h.deps.store, 'writeBatch').mockRejectedValueOnce(down);
    const reads = vi.spyOn(h.deps.store.accounts, 'find').mockRejectedValue(down);
    const a = await submit();
    reads.mockRestore();
    expect(a).toEqual({ toast: { type: 'error', content: 'The appraisal database is temporarily unavailable. Nothing was saved; please retry in a minute.' } });
    expect(await h.deps.store.activities.count()).toBe(0);
  });

  it('when even the person cannot be looked up, answers with a toast alone, never an error card over the form', async () => {
    const down = new AppError('UNAVAILABLE', 'the embedded database is unavailable; nothing was saved');
    const reads = vi.spyOn(h.deps.store, 'personByIdentity').mockRejectedValue(down);
    const a = (await h.submit('ou_someone_new', { form: 'visit' }, visit)).json() as Answer;
    reads.mockRestore();
    expect(a.card).toBeUndefined();
    expect(a.toast?.type).toBe('error');
  });
});
