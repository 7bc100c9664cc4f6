import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { viewToCard } from '../../src/adapters/lark/render/view-card.js';
import type { View } from '../../src/views/view.js';
import { addQ3Data, publishQ3 } from '../application/interview-fixture.js';
import { allElements, assertCard20 } from './card-schema.js';
import { startHarness, type Card, type Harness } from './harness.js';

/** Feedback interviews end to end through Lark's signed message events and card callbacks. */
let h: Harness;
beforeEach(async () => {
  h = await startHarness(); // Thursday 2026-11-26, 10:00 in Shanghai
  await addQ3Data(h.deps);
});
afterEach(() => h.close());

type Answer = { toast?: { type: string; content: string }; card?: { type: string; data: Card } };
const ANN = 'ou_annlee';
const BOB = 'ou_bobwu';
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
  it('refuses a rep, an unknown mention, an unpublished period and a bad date; then schedules and DMs both', async () => {
    expect(await ask(MGR, '/interview @_user_2 2026-12-03 15:00')).toContain('has no published result yet');
    await publish();
    expect(await ask(BOB, '/interview @_user_2 2026-12-03 15:00')).toContain('的经理或 HR 可以进行其绩效面谈');
    expect(await ask(MGR, '/interview @_user_2 2026-12-03 15:00', [{ openId: 'ou_stranger', name: 'Stranger' }])).toContain('Stranger is not known to the appraisal bot yet');
    expect(await ask(MGR, '/interview @_user_2 2026-12-03 15:00 2027-Q1')).toContain('2027-Q1 is not published yet');
    expect(await ask(MGR, '/interview @_user_2 12/03 15:00')).toContain('\\"12/03\\" is not a date');
    expect(await h.deps.store.interviews.count()).toBe(0);

    expect(await ask(MGR, '/interview @_user_2 2026-12-03 15:00 Room 5')).toContain('scheduled on 2026-12-03 15:00 (Asia/Shanghai) (Room 5)');
    const dms = await h.deps.store.outbox.find({ job: 'interview-scheduled' });
    expect(dms.map((d) => (d.target.kind === 'dm' ? d.target.identity : '')).sort()).toEqual([`lark:${ANN}`, `lark:${MGR}`]);
    expect(await h.deps.store.audit.count({ action: 'interview.schedule' })).toBe(1);
  });

  it('logs the interview with written goals; the rep acknowledges the plan card once, nobody else can', async () => {
    await publish();
    const logged = await ask(MGR, '/interview log @_user_2\nnotes: Good quarter\nview: Wants more leads\ngoal: Visit 3 new key accounts by 2026-12-20\ngoal: Close one deal');
    expect(logged).toContain('logged; improvement plan sent to');
    const [plan] = await h.deps.store.plans.find({ repId: 'ann' });
    expect(plan!.goals).toEqual([{ text: 'Visit 3 new key accounts', dueDate: '2026-12-20' }, { text: 'Close one deal', dueDate: '2026-12-31' }]);
    expect((await h.deps.store.interviews.find({ repId: 'ann' }))[0]).toMatchObject({ state: 'held', heldOn: '2026-11-26', notes: 'Good quarter', repView: 'Wants more leads' });

    // The rep's DM as Lark renders it: a card 2.0 whose button calls back with the plan id.
    const [dm] = await h.deps.store.outbox.find({ job: 'interview-plan' });
    expect(dm!.target).toEqual({ kind: 'dm', identity: `lark:${ANN}` });
    const card = viewToCard(dm!.message.view as unknown as View) as unknown as Card;
    assertCard20(card);
    const callbacks = allElements(card.body.elements).flatMap((e) => (Array.isArray(e.behaviors) ? e.behaviors.map((b: { value: unknown }) => b.value) : []));
    expect(callbacks).toEqual([{ action: 'decide:plan.ack', value: plan!.id }]);

    const other = (await h.submit(MGR, { action: 'decide:plan.ack', value: plan!.id }, {})).json() as Answer;
    // A mention never renames anyone: ann keeps the name she was imported with.
    expect(other.toast).toEqual({ type: 'error', content: 'Only ann may acknowledge their improvement plan.' });
    expect((await h.deps.store.plans.get(plan!.id))!.acknowledgedAt).toBeUndefined();
    const done = (await h.submit(ANN, { action: 'decide:plan.ack', value: plan!.id }, {})).json() as Answer;
    assertCard20(done.card!.data);
    expect(JSON.stringify(done.card!.data.body)).toContain('Acknowledged on 2026-11-26.');
    expect(JSON.stringify(done.card!.data.body)).not.toContain('decide:plan.ack');
    const again = (await h.submit(ANN, { action: 'decide:plan.ack', value: plan!.id }, {})).json() as Answer;
    expect(JSON.stringify(again.card!.data)).toContain('This plan was already acknowledged on 2026-11-26.');
    const told = await h.deps.store.outbox.find({ job: 'plan-acknowledged' });
    expect(told.map((o) => [o.target.kind === 'dm' ? o.target.identity : '', o.message.text])).toEqual([[`lark:${MGR}`, `${(await h.deps.store.people.get('ann'))!.name} acknowledged the improvement plan for 2026-Q4.`]]);
  });

  it('previews the prefilled plan in the manager\'s language', async () => {
    await publish();
    await h.deps.store.people.put({ ...(await h.deps.store.people.get('mgr'))!, locale: 'zh-CN' });
    const preview = await ask(MGR, '/interview plan @_user_2 2026-Q3');
    expect(preview).toContain('ann 的预填改进计划（依据 2026-Q3，考核于 2026-Q4）');
    // The goals are written to the rep, in her language.
    expect(preview).toContain('Serve 8 key accounts (4 by 2026-11-16; 1 in 2026-Q3)（截止 2026-12-31）');
  });
});
