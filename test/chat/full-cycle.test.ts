import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../src/domain/model/delivery.js';
import type { View } from '../../src/views/view.js';
import { T0, visits } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';
import { ask, click, shownTexts, submitForm, type Answered, namedOrg } from './conversation.js';

/**
 * Issue 6's "done when", told once through the shared conversation (moved from
 * test/slack/full-cycle and test/lark/full-cycle): HR runs a quarter from opening to closed — the
 * close-date lock and a late entry approved by the manager, targets, the review meeting, the
 * calibration pack and adjustments (with and without a reason), an award, publication with the
 * button (channel summary and each DM), a second publication refused, an appeal accepted (v2) and
 * one rejected, an interview logged with its plan and acknowledged, closing, and the audit log
 * explaining what changed. English command names and the Chinese aliases alternate. One scenario,
 * in order; each platform's transport for every step is in test/slack, test/lark and the contract.
 */
let deps: ReturnType<typeof testDeps>;
beforeAll(async () => {
  deps = testDeps('2026-11-26T02:00:00Z'); // 10:00 in Shanghai; 2026-Q3 has just ended
  await namedOrg(deps);
  await deps.store.activities.insertMany([...visits('ann', 'acme', 30, '2026-07-01'), ...visits('bob', 'globex', 10, '2026-08-01')]);
  await deps.store.deals.insert({
    id: 'd1', repId: 'ann', accountId: 'acme', amount: 1_500_000, currency: 'CNY', amountBase: 1_500_000, units: 300,
    product: 'Robots', signedDate: '2026-07-10', dueDate: '2026-08-10', firstWin: true, createdAt: T0,
  });
  await deps.store.payments.insert({ id: 'p1', dealId: 'd1', repId: 'ann', amount: 1_500_000, amountBase: 1_500_000, dueDate: '2026-08-10', receivedDate: '2026-08-09', createdAt: T0 });
  // Naming a channel is Slack or Lark markup (test/slack/reports-admin); the setting it writes:
  await deps.store.settings.put({ id: 'channels', value: { results: ['lark:oc_results'], 'hr-private': ['lark:oc_hrprivate'] }, updatedAt: T0, updatedBy: 'admin' });
  expect(await say('hr', '/appraisal-admin policy bonus 20000')).toContain('20000');
});
afterAll(() => deps.cleanup());

const said = (a: Answered): string => a.refusal ?? shownTexts(a.view).join('\n');
const say = async (who: string, line: string, known: string[] = []) => said(await ask(deps, who, line, { known }));
const VISIT = { account: 'acme', newAccountTier: 'B', date: '2026-09-28', mode: 'in_person', contacts: 'Li Wei (CTO)', purpose: 'Quarterly review', outcome: 'Pilot agreed', nextStep: 'Send the proposal', nextStepDate: '2026-10-20' };
const read = (o: OutboxItem): string => [o.message.text, ...(o.message.view ? shownTexts(o.message.view as unknown as View) : [])].join('\n');
/** Everything queued for one job to one DM identity or channel, as read. */
const queuedTo = async (job: string, target: string): Promise<string[]> =>
  (await deps.store.outbox.find({ job })).filter((o) => (o.target.kind === 'dm' ? o.target.identity : o.target.channel) === target).map(read);

describe('a quarter from /cycle open to closed (shared conversation)', () => {
  it('1. HR opens the cycle with a close date; a rep is refused', async () => {
    expect(await say('ann', '/cycle open 2026-Q3')).toContain('needs the HR role');
    expect(await say('hr', '/考核周期 open 2026-Q3 close 2026-10-10')).toContain('entries close on 2026-10-10');
  });

  it('2. after the close date a rep’s visit goes to the manager, who approves it with the button', async () => {
    const pending = await submitForm(deps, 'ann', { form: 'visit' }, VISIT);
    expect(pending.saved).toEqual({ pending: true });
    expect(shownTexts(pending.view).join('\n')).toContain('sent to Mia Manager for approval');
    expect(await deps.store.activities.count({ repId: 'ann', date: '2026-09-28' })).toBe(0);
    const [late] = await deps.store.lateEntries.find({ repId: 'ann' });
    expect(said(await click(deps, 'mgr', 'decide:late.approve', late!.id))).toContain('Approved by Mia Manager');
    expect(await deps.store.activities.count({ repId: 'ann', date: '2026-09-28' })).toBe(1);
  });

  it('3. HR sets a team target for the cycle and moves it to review', async () => {
    expect(await say('hr', '/考核周期 targets 2026-Q3 visits 30 team East')).toContain('30');
    expect(await say('hr', '/cycle review 2026-Q3')).toContain('is now in review');
  });

  it('4. HR schedules the review meeting; the participants are told by DM', async () => {
    expect(await say('hr', '/cycle meeting 2026-Q3 2026-11-28 10:00 Room 3 @mgr @hr', ['mgr', 'hr'])).toContain('2026-11-28');
    const [toMgr] = await queuedTo('cycle-meeting', 'lark:ou_miamgr');
    expect(toMgr).toContain('Room 3');
    expect(await queuedTo('cycle-meeting', 'lark:ou_hanahr')).toHaveLength(1);
  });

  it('5. the calibration pack goes to the HR-private channel', async () => {
    expect(await say('hr', '/考核周期 calibrate 2026-Q3')).toContain('hr-private');
    const packs = await queuedTo('cycle-calibrate', 'lark:oc_hrprivate');
    expect(packs).toHaveLength(1);
    expect(packs[0]).toContain('Ann Lee');
    expect(packs[0]).toContain('Bob Wu');
  });

  it('6. an adjustment needs a written reason; with one it is proposed, audited and accepted by HR with the button', async () => {
    expect(await say('mgr', '/adjust @ann +2', ['ann'])).toMatch(/reason|Usage/);
    expect(await deps.store.adjustments.count()).toBe(0);
    expect(await say('bob', '/adjust @ann +2 I think she deserves more', ['ann'])).toContain('需要');
    expect(await say('mgr', '/调整 @ann +2 Key-account workshop not captured by the CRM', ['ann'])).toContain('Ann Lee');
    // A manager's adjustment is a proposal (issue 14): HR accepts it with the button.
    const [adjustment] = await deps.store.adjustments.find({ repId: 'ann' });
    expect(adjustment).toEqual(expect.objectContaining({ delta: 2, byId: 'mgr', state: 'pending' }));
    expect(await deps.store.audit.count({ action: 'score.propose' })).toBe(1);
    expect(said(await click(deps, 'hr', 'decide:adjust.accept', adjustment!.id))).toContain('Accepted by Hana HR');
    expect((await deps.store.adjustments.get(adjustment!.id))!.state).toBe('accepted');
    expect(await deps.store.audit.count({ action: 'score.accept' })).toBe(1);
  });

  it('7. a manager proposes a special award; HR approves it with the button', async () => {
    expect(await say('mgr', '/奖励 @ann Deal of the quarter: won the Acme framework deal', ['ann'])).toContain('HR has been asked');
    const [award] = await deps.store.awards.find();
    expect(said(await click(deps, 'hr', 'decide:award.approve', award!.id))).toContain('Approved by Hana HR');
    expect((await deps.store.awards.get(award!.id))!.state).toBe('approved');
  });

  it('8. HR publishes with the Publish button: results frozen, channel summary and every DM queued; a second publication and a late entry are refused', async () => {
    const preview = await ask(deps, 'hr', '/发布结果 2026-Q3');
    expect(said(preview)).toContain('Deal of the quarter');
    expect(preview.view!.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : [])).map((b) => `${b.id}=${b.value}`)).toContain('decide:publish.confirm=2026-Q3');
    expect(said(await click(deps, 'hr', 'decide:publish.confirm', '2026-Q3'))).toContain('Published 2026-Q3 (version 1)');
    expect((await deps.store.cycles.find({ periodKey: '2026-Q3' }))[0]!.state).toBe('published');
    expect(await deps.store.results.count({ periodKey: '2026-Q3', version: 1 })).toBe(2);
    expect((await queuedTo('publish-results', 'lark:oc_results')).join()).toContain('Deal of the quarter');
    const [ann] = await queuedTo('publish-results', 'lark:ou_annlee');
    expect(ann).toContain('/appeal');
    expect(await queuedTo('publish-results', 'lark:ou_bobwu')).toHaveLength(1);
    const toMgr = await queuedTo('publish-results', 'lark:ou_miamgr');
    expect(toMgr).toHaveLength(1);
    expect(toMgr[0]).toContain('/interview');
    expect(await say('hr', '/publish-results 2026-Q3 confirm')).toContain('already been published');
    // Entries for a published quarter are refused under their date.
    const after = await submitForm(deps, 'ann', { form: 'visit' }, { ...VISIT, date: '2026-09-29', nextStep: '', nextStepDate: '' });
    expect(after.refused?.fieldErrors).toEqual({ date: '2026-Q3 is closed for entries' });
    expect(await deps.store.activities.count({ repId: 'ann', date: '2026-09-29' })).toBe(0);
  });

  it('9. one appeal is accepted as version 2, another rejected; version 1 stays as it was', async () => {
    const v1 = (await deps.store.results.find({ periodKey: '2026-Q3', repId: 'ann', version: 1 }))[0]!;
    expect(await say('ann', '/申诉 The workshop in September was not counted at all')).toContain('2026-Q3');
    expect(await say('bob', '/appeal 拜访次数少算了，请核对')).toContain('你对 2026-Q3 结果（第 1 版）的申诉已登记');
    const accepted = await say('hr', '/appeal accept @ann +3 Verified with the CRM export', ['ann']);
    expect(accepted).toMatch(/Appeal \S+ accepted: Ann Lee's result is now version 2; they have been told\./);
    expect(accepted).toContain('→ v2: 80.8');
    expect(await say('hr', '/申诉 reject @bob Visits match the CRM records', ['bob'])).toMatch(/Appeal \S+ rejected; Bob Wu has been told why\./);
    const ann = await deps.store.results.find({ periodKey: '2026-Q3', repId: 'ann' }, { sort: { field: 'version', dir: 'asc' } });
    expect(ann.map((r) => r.version)).toEqual([1, 2]);
    expect(ann[0]).toEqual(v1);
    expect(ann[1]!.scorecard.total).toBeCloseTo(v1.scorecard.total + 3, 2);
    expect((await deps.store.appeals.find({ repId: 'bob' }))[0]!.state).toBe('rejected');
  });

  it('10. the manager schedules and logs the interview with a plan; the rep acknowledges it', async () => {
    expect(await say('mgr', '/面谈 @ann 2026-11-30 15:00 Room 2', ['ann'])).toContain('2026-11-30');
    await say('mgr', '/interview log @ann\nnotes: Good quarter, more key-account visits\nview: Agrees, wants help with tenders', ['ann']);
    const [plan] = await deps.store.plans.find({ repId: 'ann' });
    expect(plan!.goals.length).toBeGreaterThan(0);
    expect(said(await click(deps, 'ann', 'decide:plan.ack', plan!.id))).toContain('Acknowledged on 2026-11-26.');
    expect((await deps.store.plans.get(plan!.id))!.acknowledgedAt).toBeDefined();
  });

  it('11. HR closes the cycle; the audit log explains every change', async () => {
    expect(await say('hr', '/考核周期 close 2026-Q3')).toContain('2026-Q3');
    expect((await deps.store.cycles.find({ periodKey: '2026-Q3' }))[0]!.state).toBe('closed');
    const audit = await say('hr', '/审计 @ann 2026-Q3', ['ann']);
    for (const why of ['Key-account workshop not captured by the CRM', 'Verified with the CRM export', 'won the Acme framework deal']) expect(audit).toContain(why);
    expect(await say('ann', '/audit')).toContain('needs the HR role');
  });
});
