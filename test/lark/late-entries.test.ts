import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { View } from '../../src/views/view.js';
import { viewToCard } from '../../src/adapters/lark/render/view-card.js';
import { allElements, assertCard20 } from './card-schema.js';
import { dmChat, startHarness, type Card, type Harness } from './harness.js';

/** The close-date lock and late-entry approval, end to end through Lark's signed callbacks. */
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
  it('a visit card submitted after the close date waits for the manager, whose Approve button stores it', async () => {
    await openQ3();
    const res = await h.submit(ANN, { form: 'visit' }, LATE_VISIT);
    const answer = res.json() as Answer;
    expect(answer.toast).toEqual({ type: 'info', content: 'Sent for approval' });
    assertCard20(answer.card!.data);
    expect(answer.card!.data.header!.template).toBe('orange');
    expect(JSON.stringify(answer.card!.data.body)).toContain('Not saved yet: entries for 2026-Q3 closed on 2026-10-10, so this was sent to mgr for approval.');
    // (the manager's name comes from their Lark profile once they use the bot)
    expect(await h.deps.store.activities.count()).toBe(0);

    const [late] = await h.deps.store.lateEntries.find({ repId: 'ann' });
    expect(late).toMatchObject({ state: 'pending', managerId: 'mgr', summary: 'Visit to Acme on 2026-09-28' });
    const [dm] = await h.deps.store.outbox.find({ job: 'late-entry' });
    expect(dm!.target).toEqual({ kind: 'dm', identity: `lark:${MGR}` });
    // The manager's DM as Lark renders it: buttons that call back with the decision and the id.
    const card = viewToCard((dm!.message.view as unknown as View));
    assertCard20(card as unknown as Card);
    const callbacks = allElements((card as unknown as Card).body.elements).flatMap((e) => (Array.isArray(e.behaviors) ? e.behaviors.map((b: { value: unknown }) => b.value) : []));
    expect(callbacks).toEqual([{ action: 'decide:late.approve', value: late!.id }, { action: 'decide:late.decline', value: late!.id }]);

    // Someone else's click is refused with a toast; nothing stored.
    const other = (await h.submit(ANN, { action: 'decide:late.approve', value: late!.id }, {})).json() as Answer;
    expect(other.toast).toEqual({ type: 'error', content: 'Only mgr (the rep’s manager) or HR can decide this late entry.' });
    expect(await h.deps.store.activities.count()).toBe(0);

    const approved = (await h.submit(MGR, { action: 'decide:late.approve', value: late!.id }, {})).json() as Answer;
    expect(JSON.stringify(approved.card!.data.body)).toContain('Approved by Mia Manager: Visit to Acme on 2026-09-28 is stored in 2026-Q3.');
    expect(await h.deps.store.activities.find({ repId: 'ann' })).toEqual([expect.objectContaining({ accountId: 'acme', date: '2026-09-28', requestId: `late:${late!.id}` })]);
    expect((await h.deps.store.lateEntries.get(late!.id))?.state).toBe('approved');
    const told = (await h.deps.store.outbox.find({ job: 'late-entry' })).find((o) => o.target.kind === 'dm' && o.target.identity === `lark:${ANN}`);
    expect(told!.message.text).toBe('Mia Manager approved your late entry for 2026-Q3: Visit to Acme on 2026-09-28. It is saved now.');

    const again = (await h.submit(MGR, { action: 'decide:late.decline', value: late!.id }, {})).json() as Answer;
    expect(again.toast?.content).toBe('This late entry was already approved by Mia Manager.');
    expect(await h.deps.store.activities.count()).toBe(1);
  });

  it('the same card submitted twice asks once', async () => {
    await openQ3();
    await h.submit(ANN, { form: 'visit' }, LATE_VISIT, 'om_same');
    await h.submit(ANN, { form: 'visit' }, LATE_VISIT, 'om_same');
    expect(await h.deps.store.lateEntries.count()).toBe(1);
    expect(await h.deps.store.outbox.count({ job: 'late-entry' })).toBe(1);
  });
});

describe('/cycle targets and /cycle close on Lark', () => {
  const cardText = (chat: string) => JSON.stringify(h.lastCardTo(chat));

  it('HR sets a rep target by mention in a group and lists the targets; close refuses a cycle not yet published', async () => {
    await h.group('ou_hanahr', '/cycle targets 2026-Q4 拜访次数 45 @_user_2', [{ openId: ANN, name: 'Ann Lee' }]);
    await h.idle();
    // Review-cycle answers in a group go to the person privately.
    expect(cardText('ou_hanahr')).toContain('Target for Client visits in 2026-Q4, ann: — → 45.');
    await h.group('ou_hanahr', '/cycle targets 2026-Q4');
    await h.idle();
    expect(cardText('ou_hanahr')).toContain('ann: 45');
    await h.group('ou_bobwu', '/cycle targets 2026-Q4 visits 10 @_user_2', [{ openId: ANN, name: 'Ann Lee' }]);
    await h.idle();
    expect(cardText('ou_bobwu')).toContain('此操作需要人力资源角色');
    expect(await h.deps.store.targets.count()).toBe(1);

    await h.dm('ou_hanahr', '/cycle open 2026-Q3');
    await h.dm('ou_hanahr', '/cycle close 2026-Q3');
    await h.idle();
    expect(cardText(dmChat('ou_hanahr'))).toContain('The 2026-Q3 cycle is collecting: it must be published for this.');
  });
});
