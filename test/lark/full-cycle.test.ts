import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { T0, visits } from '../helpers/org.js';
import { assertCard20 } from './card-schema.js';
import { dmChat, startHarness, type Card, type Harness } from './harness.js';

/**
 * Issue 6's "done when" on Lark: HR runs 2026-Q3 from opening to closed with the Chinese command
 * names where they exist — late entry approved, targets, meeting, calibration, adjustments,
 * publication with the card button, appeals, the interview with its plan, closing and the audit.
 */
let h: Harness;
const ANN = 'ou_annlee';
const BOB = 'ou_bobwu';
const MGR = 'ou_miamgr';
const HR = 'ou_hanahr';
const annRef = { openId: ANN, name: 'Ann Lee' };
const bobRef = { openId: BOB, name: 'Bob Wu' };

beforeAll(async () => {
  h = await startHarness(); // 2026-11-26 in Shanghai
  await h.deps.store.activities.insertMany([...visits('ann', 'acme', 30, '2026-07-01'), ...visits('bob', 'globex', 10, '2026-08-01')]);
  await h.deps.store.deals.insert({
    id: 'd1', repId: 'ann', accountId: 'acme', amount: 1_500_000, currency: 'CNY', amountBase: 1_500_000, units: 300,
    product: 'Robots', signedDate: '2026-07-10', dueDate: '2026-08-10', firstWin: true, createdAt: T0,
  });
  await h.deps.store.settings.put({ id: 'channels', value: { results: ['lark:oc_results'], 'hr-private': ['lark:oc_hrprivate'] }, updatedAt: T0, updatedBy: 'hr' });
  for (const who of [ANN, BOB, MGR]) await say(who, '/帮助'); // first contact: Lark names
});
afterAll(() => h.close());

type Answer = { toast?: { type: string; content: string }; card?: { type: string; data: Card } };

async function say(openId: string, text: string): Promise<string> {
  await h.dm(openId, text);
  await h.idle();
  const card = h.lastCardTo(dmChat(openId));
  assertCard20(card);
  return JSON.stringify(card);
}
async function mention(openId: string, text: string, ...who: { openId: string; name: string }[]): Promise<string> {
  await h.group(openId, text, who);
  await h.idle();
  return JSON.stringify(h.lastCardTo(openId));
}
const click = async (openId: string, action: string, value: string) => (await h.submit(openId, { action, value }, {})).json() as Answer;
const dmsTo = async (openId: string, job: string) => (await h.deps.store.outbox.find({ job })).filter((o) => o.target.kind === 'dm' && o.target.identity === `lark:${openId}`);

describe('a quarter from /考核周期 open to closed, on Lark', () => {
  it('opens with a close date; a late visit is approved by the manager’s button', async () => {
    expect(await say(HR, '/考核周期 open 2026-Q3 close 2026-10-10')).toContain('entries close on 2026-10-10');
    const late = (await h.submit(ANN, { form: 'visit' }, {
      account: 'acme', newAccountName: '', newAccountTier: 'B', date: '2026-09-28 +0800', mode: 'in_person',
      contacts: 'Li Wei', purpose: 'Quarterly review', outcome: 'Pilot agreed', nextStep: '', nextStepDate: '',
    })).json() as Answer;
    expect(late.toast?.content).toBe('Sent for approval');
    const [pending] = await h.deps.store.lateEntries.find({ repId: 'ann' });
    expect(JSON.stringify((await click(MGR, 'decide:late.approve', pending!.id)).card!.data)).toContain('Approved by Mia Manager');
    expect(await h.deps.store.activities.count({ repId: 'ann', date: '2026-09-28' })).toBe(1);
  });

  it('targets, review, meeting and the calibration pack', async () => {
    expect(await say(HR, '/考核周期 targets 2026-Q3 visits 30 team East')).toContain('30');
    expect(await say(HR, '/考核周期 review 2026-Q3')).toContain('is now in review');
    expect(await mention(HR, '/cycle meeting 2026-Q3 2026-11-28 10:00 Room 3 @_user_2', { openId: MGR, name: 'Mia Manager' })).toContain('2026-11-28');
    expect(await dmsTo(MGR, 'cycle-meeting')).toHaveLength(1);
    await say(HR, '/考核周期 calibrate 2026-Q3');
    const pack = (await h.deps.store.outbox.find({ job: 'cycle-calibrate' })).filter((o) => o.target.kind === 'channel' && o.target.channel === 'lark:oc_hrprivate');
    expect(pack).toHaveLength(1);
  });

  it('an adjustment without a reason is refused; with one it is stored', async () => {
    expect(await mention(MGR, '/调整 @_user_2 +2', annRef)).toMatch(/reason|Usage/);
    expect(await h.deps.store.adjustments.count()).toBe(0);
    expect(await mention(MGR, '/调整 @_user_2 +2 Key-account workshop not in the CRM', annRef)).toContain('Ann Lee');
    expect(await h.deps.store.adjustments.count()).toBe(1);
  });

  it('HR grants an award and publishes with the card’s Publish button; a second publication is refused', async () => {
    expect(await mention(HR, '/奖励 @_user_2 Deal of the quarter: won the Acme framework deal', annRef)).toContain('Deal of the quarter');
    expect(await say(HR, '/发布结果 2026-Q3')).toContain('"action":"decide:publish.confirm"');
    expect(JSON.stringify((await click(HR, 'decide:publish.confirm', '2026-Q3')).card!.data)).toContain('Published 2026-Q3 (version 1)');
    expect(JSON.stringify(await h.deps.store.outbox.find({ job: 'publish-results' }))).toContain('Deal of the quarter');
    expect(await dmsTo(ANN, 'publish-results')).toHaveLength(1);
    expect(await dmsTo(BOB, 'publish-results')).toHaveLength(1);
    expect(await dmsTo(MGR, 'publish-results')).toHaveLength(1);
    expect(await say(HR, '/发布结果 2026-Q3 confirm')).toContain('already been published');
  });

  it('an appeal accepted as version 2 and one rejected', async () => {
    expect(await say(ANN, '/申诉 The September workshop was not counted at all')).toContain('2026-Q3');
    expect(await say(BOB, '/申诉 拜访次数少算了，请核对一下')).toContain('申诉已登记');
    expect(await mention(HR, '/申诉 accept @_user_2 +3 Verified with the CRM export', annRef)).toContain('now version 2');
    expect(await mention(HR, '/申诉 reject @_user_2 Visits match the CRM records', bobRef)).toContain('rejected');
    expect((await h.deps.store.results.find({ repId: 'ann', periodKey: '2026-Q3' })).map((r) => r.version).sort()).toEqual([1, 2]);
  });

  it('the interview is logged with a plan the rep acknowledges; HR closes the cycle; the audit explains it', async () => {
    expect(await mention(MGR, '/面谈 @_user_2 2026-11-30 15:00 Room 2', annRef)).toContain('2026-11-30');
    await mention(MGR, '/面谈 log @_user_2\nnotes: Good quarter\nview: Wants help with tenders', annRef);
    const [plan] = await h.deps.store.plans.find({ repId: 'ann' });
    expect(plan!.goals.length).toBeGreaterThan(0);
    expect((await click(ANN, 'decide:plan.ack', plan!.id)).card).toBeDefined();
    expect((await h.deps.store.plans.get(plan!.id))!.acknowledgedAt).toBeDefined();
    await say(HR, '/考核周期 close 2026-Q3');
    expect((await h.deps.store.cycles.find({ periodKey: '2026-Q3' }))[0]!.state).toBe('closed');
    const audit = await mention(HR, '/审计 @_user_2 2026-Q3', annRef);
    for (const why of ['Key-account workshop not in the CRM', 'Verified with the CRM export']) expect(audit).toContain(why);
  });
});
