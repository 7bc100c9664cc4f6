import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { viewToCard } from '../../src/adapters/lark/render/view-card.js';
import type { View } from '../../src/views/view.js';
import { T0, visits } from '../helpers/org.js';
import { allElements, assertCard20 } from './card-schema.js';
import { dmChat, startHarness, type Card, type Harness } from './harness.js';

/**
 * Awards and the publication, Lark's part: the decision buttons as card 2.0 callbacks, a refused
 * click answered with an error toast, a decided click answered with the replacing card. What the
 * commands decide (refusals, texts, every DM's content, appeals) is in test/chat/rewards.
 */
let h: Harness;
beforeEach(async () => {
  h = await startHarness(); // 2026-11-26 in Shanghai
  await h.deps.store.activities.insertMany([...visits('ann', 'acme', 36, '2026-07-01'), ...visits('bob', 'globex', 12, '2026-08-01')]);
  await h.deps.store.settings.put({ id: 'channels', value: { results: ['lark:oc_results'], 'hr-private': ['lark:oc_hrprivate'] }, updatedAt: T0, updatedBy: 'hr' });
  await say(HR, '/cycle open 2026-Q3');
  await say(HR, '/cycle review 2026-Q3');
});
afterEach(() => h.close());

type Answer = { toast?: { type: string; content: string }; card?: { type: string; data: Card } };
const ANN = 'ou_annlee';
const MGR = 'ou_miamgr';
const HR = 'ou_hanahr';

/** A DM to the bot; the card that answered it, checked against card 2.0. */
async function say(openId: string, text: string): Promise<Card> {
  await h.dm(openId, text);
  await h.idle();
  const card = h.lastCardTo(dmChat(openId));
  assertCard20(card);
  return card;
}
const click = async (openId: string, action: string, value: string) => (await h.submit(openId, { action, value }, {})).json() as Answer;
const callbacksOf = (card: Card) => allElements(card.body.elements).flatMap((e) => (Array.isArray(e.behaviors) ? e.behaviors.map((b: { value: unknown }) => b.value) : []));

describe('awards and the publication on Lark', () => {
  it('the award request card calls back with the award; a refused click is an error toast, HR’s click answers with the replacing card; the Publish card likewise', async () => {
    await say(ANN, '/appeal'); // ann's first message brings her Lark name
    await h.group(MGR, '/award @_user_2 Deal of the quarter: won the Acme framework deal', [{ openId: ANN, name: 'Ann Lee' }]);
    await h.idle();
    const [award] = await h.deps.store.awards.find();
    const [request] = (await h.deps.store.outbox.find({ job: 'award-request' })).filter((o) => o.target.kind === 'dm' && o.target.identity === `lark:${HR}`);
    const card = viewToCard(request!.message.view as unknown as View) as Card;
    assertCard20(card);
    expect(callbacksOf(card)).toEqual([{ action: 'decide:award.approve', value: award!.id }, { action: 'decide:award.reject', value: award!.id }]);

    const refused = await click(MGR, 'decide:award.approve', award!.id);
    expect(refused.toast).toEqual({ type: 'error', content: expect.stringContaining('needs the HR role') });
    expect(refused.card).toBeUndefined();
    const approved = await click(HR, 'decide:award.approve', award!.id);
    expect(approved.card!.type).toBe('raw');
    assertCard20(approved.card!.data);
    expect(JSON.stringify(approved.card!.data)).toContain('Approved by Hana HR: \\"Deal of the quarter\\" for Ann Lee (2026-Q3).');

    expect(callbacksOf(await say(HR, '/publish-results 2026-Q3'))).toEqual([{ action: 'decide:publish.confirm', value: '2026-Q3' }]);
    expect((await click(ANN, 'decide:publish.confirm', '2026-Q3')).toast).toEqual({ type: 'error', content: expect.stringContaining('needs the HR role') });
    const published = await click(HR, 'decide:publish.confirm', '2026-Q3');
    assertCard20(published.card!.data);
    expect(JSON.stringify(published.card!.data)).toContain('Published 2026-Q3 (version 1)');
    expect(JSON.stringify((await click(HR, 'decide:publish.confirm', '2026-Q3')).toast)).toContain('already been published');
  });
});
