import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { View } from '../../src/views/view.js';
import { viewToCard } from '../../src/adapters/lark/render/view-card.js';
import { allElements, assertCard20 } from './card-schema.js';
import { dmChat, startHarness, type Card, type Harness } from './harness.js';

/** The close-date lock on Lark: the pending answer card, and the manager's DM card with its decision callbacks. */
let h: Harness;
beforeEach(async () => {
  h = await startHarness(); // 2026-11-26 in Shanghai
});
afterEach(() => h.close());

type Answer = { toast?: { type: string; content: string }; card?: { type: string; data: Card } };
const ANN = 'ou_annlee';
const MGR = 'ou_miamgr';
const LATE_VISIT = {
  account: 'acme', newAccountName: '', newAccountTier: 'B', date: '2026-09-28 +0800', mode: 'in_person',
  contacts: 'Li Wei (CTO)', purpose: 'Quarterly review', outcome: 'Pilot agreed', nextStep: '', nextStepDate: '',
};

async function openQ3(): Promise<void> {
  await h.dm('ou_hanahr', '/cycle open 2026-Q3 close 2026-10-10');
  await h.idle();
  expect(JSON.stringify(h.lastCardTo(dmChat('ou_hanahr')))).toContain('entries close on 2026-10-10');
}

describe('late entries on Lark', () => {
  it('a visit card submitted after the close date turns orange, waiting for the manager, whose DM card calls back with the decision', async () => {
    await openQ3();
    const res = await h.submit(ANN, { form: 'visit' }, LATE_VISIT);
    const answer = res.json() as Answer;
    expect(answer.toast).toEqual({ type: 'info', content: 'Sent for approval' });
    assertCard20(answer.card!.data);
    expect(answer.card!.data.header!.template).toBe('orange');
    expect(JSON.stringify(answer.card!.data.body)).toContain('Not saved yet: entries for 2026-Q3 closed on 2026-10-10, so this was sent to mgr for approval.');
    expect(await h.deps.store.activities.count()).toBe(0);

    const [late] = await h.deps.store.lateEntries.find({ repId: 'ann' });
    const [dm] = await h.deps.store.outbox.find({ job: 'late-entry' });
    expect(dm!.target).toEqual({ kind: 'dm', identity: `lark:${MGR}` });
    // The manager's DM as Lark renders it: buttons that call back with the decision and the id.
    const card = viewToCard((dm!.message.view as unknown as View));
    assertCard20(card as unknown as Card);
    const callbacks = allElements((card as unknown as Card).body.elements).flatMap((e) => (Array.isArray(e.behaviors) ? e.behaviors.map((b: { value: unknown }) => b.value) : []));
    expect(callbacks).toEqual([{ action: 'decide:late.approve', value: late!.id }, { action: 'decide:late.decline', value: late!.id }]);
    // The decision flow (who may decide, what is stored, who is told) is in test/chat/late-entries;
    // the answer replacing the clicked card, and a card submitted twice, in the platform contract.
  });
});
