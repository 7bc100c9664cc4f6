import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { viewToCard } from '../../src/adapters/lark/render/view-card.js';
import type { View } from '../../src/views/view.js';
import { addQ3Data, publishQ3 } from '../application/interview-fixture.js';
import { allElements, assertCard20 } from './card-schema.js';
import { startHarness, type Card, type Harness } from './harness.js';

/** Feedback interviews on Lark: a group command answered in the DM, the plan card's callback, the acknowledgement card. */
let h: Harness;
beforeEach(async () => {
  h = await startHarness(); // Thursday 2026-11-26, 10:00 in Shanghai
  await addQ3Data(h.deps);
});
afterEach(() => h.close());

type Answer = { toast?: { type: string; content: string }; card?: { type: string; data: Card } };
const ANN = 'ou_annlee';
const MGR = 'ou_miamgr';
const ann = { openId: ANN, name: 'Ann Lee' };

/** A command in the sales group mentioning `who`; the answer arrives in the sender's DM. */
async function ask(from: string, text: string, who: { openId: string; name: string }[] = [ann]): Promise<string> {
  const before = h.fake.sentTo(from).length;
  await h.group(from, text, who);
  await h.idle();
  expect(h.fake.sentTo(from).length).toBe(before + 1);
  return JSON.stringify(h.lastCardTo(from));
}

const publish = async () => publishQ3(h.deps, (await h.deps.store.people.get('hr'))!, ['lark']);

describe('/interview on Lark', () => {
  it('answers a group command in the sender’s DM; the plan DM is a card whose button calls back with the plan id; the acknowledgement answers without it', async () => {
    await publish();
    expect(await ask(MGR, '/interview log @_user_2\nnotes: Good quarter\ngoal: Close one deal')).toContain('logged; improvement plan sent to');
    const [plan] = await h.deps.store.plans.find({ repId: 'ann' });

    // The rep's DM as Lark renders it: a card 2.0 whose button calls back with the plan id.
    const [dm] = await h.deps.store.outbox.find({ job: 'interview-plan' });
    expect(dm!.target).toEqual({ kind: 'dm', identity: `lark:${ANN}` });
    const card = viewToCard(dm!.message.view as unknown as View) as unknown as Card;
    assertCard20(card);
    const callbacks = allElements(card.body.elements).flatMap((e) => (Array.isArray(e.behaviors) ? e.behaviors.map((b: { value: unknown }) => b.value) : []));
    expect(callbacks).toEqual([{ action: 'decide:plan.ack', value: plan!.id }]);

    const other = (await h.submit(MGR, { action: 'decide:plan.ack', value: plan!.id }, {})).json() as Answer;
    expect(other.toast?.type).toBe('error');
    const done = (await h.submit(ANN, { action: 'decide:plan.ack', value: plan!.id }, {})).json() as Answer;
    assertCard20(done.card!.data);
    expect(JSON.stringify(done.card!.data.body)).not.toContain('decide:plan.ack');
    // What is refused, stored, told and listed is in test/chat/interviews.
  });
});
