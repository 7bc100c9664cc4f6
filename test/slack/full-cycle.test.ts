import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackOutbound } from '../../src/adapters/slack/outbound.js';
import { dispatchDue } from '../../src/application/delivery/dispatch.js';
import { T0, visits } from '../helpers/org.js';
import { buttonClick, startHarness, VISIT_VALUES, type Harness } from './harness.js';

/**
 * Issue 6's "done when": HR runs a quarter from opening to closed entirely in Slack — data entry,
 * the close-date lock and a late entry approved by the manager, targets, the review meeting, the
 * calibration pack and adjustments (with and without a reason), an award, publication with the
 * button (channel summary and each DM), a second publication refused, an appeal accepted (v2) and
 * one rejected, an interview logged with its plan and acknowledged, closing, and the audit log
 * explaining what changed. One scenario, in order, through signed requests only.
 */
let h: Harness;
let seq = 0;
beforeAll(async () => {
  h = await startHarness(); // 2026-11-26 10:00 in Shanghai; 2026-Q3 has just ended
  await h.deps.store.activities.insertMany([...visits('ann', 'acme', 30, '2026-07-01'), ...visits('bob', 'globex', 10, '2026-08-01')]);
  await h.deps.store.deals.insert({
    id: 'd1', repId: 'ann', accountId: 'acme', amount: 1_500_000, currency: 'CNY', amountBase: 1_500_000, units: 300,
    product: 'Robots', signedDate: '2026-07-10', dueDate: '2026-08-10', firstWin: true, createdAt: T0,
  });
  await h.deps.store.payments.insert({ id: 'p1', dealId: 'd1', repId: 'ann', amount: 1_500_000, amountBase: 1_500_000, dueDate: '2026-08-10', receivedDate: '2026-08-09', createdAt: T0 });
  await h.command('UADMIN', '/appraisal-admin', 'channel results <#CRESULTS|results>');
  await h.command('UADMIN', '/appraisal-admin', 'channel hr-private <#CHR|hr>');
  await h.command('UHR', '/appraisal-admin', 'policy bonus 20000');
});
afterAll(() => h.close());

/** Runs a command and returns its private answer as text (blocks included). */
async function say(user: string, command: string, text: string): Promise<string> {
  const id = `r${++seq}`;
  await h.command(user, command, text, { responseId: id });
  await h.fake.until(() => h.fake.responses.some((r) => r.id === id), `the answer to ${command} ${text}`);
  const body = h.fake.responses.find((r) => r.id === id)!.body as { text: string; blocks?: unknown[] };
  return `${body.text}\n${JSON.stringify(body.blocks ?? [])}`;
}

const click = (user: string, actionId: string, value: string, where: { dm: string } | { responseUrl: string }) => h.interactive(buttonClick(user, actionId, value, where));

/** Sends what is queued through the real Slack outbound client; returns the posts per channel. */
async function dispatch(): Promise<void> {
  const slack = createSlackOutbound({ botToken: 'xoxb-test-token', apiUrl: h.fake.apiUrl, limits: { perTargetIntervalMs: 0, perPlatformIntervalMs: 0 } });
  await dispatchDue(h.deps, new Map([['slack', slack]]), { owner: 'test', sleep: async () => {} });
}
/** Waits (on the event loop, not the clock) until a store check holds: button clicks are answered before their work ends. */
async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}
const postsTo = (channel: string): string => h.fake.callsTo('chat.postMessage').filter((c) => c.params.channel === channel).map((c) => JSON.stringify(c.params)).join('\n');

describe('a quarter from /cycle open to closed, in Slack', () => {
  it('1. HR opens the cycle with a close date; a rep is refused', async () => {
    expect(await say('UANN', '/cycle', 'open 2026-Q3')).toContain('needs the hr role');
    expect(await say('UHR', '/cycle', 'open 2026-Q3 close 2026-10-10')).toContain('entries close on 2026-10-10');
  });

  it('2. after the close date a rep’s visit goes to the manager, who approves it with a button', async () => {
    await h.submit('UANN', 'visit', { ...VISIT_VALUES, date: { date: '2026-09-28' }, nextStepDate: { date: '2026-10-20' } }, { meta: { r: h.fake.responseUrl('late'), c: 'C0SALES' } });
    await h.fake.until(() => h.fake.responses.some((r) => r.id === 'late'), 'the late-entry answer');
    expect((h.fake.responses.find((r) => r.id === 'late')!.body as { text: string }).text).toContain('sent to mgr for approval');
    const [late] = await h.deps.store.lateEntries.find({ repId: 'ann' });
    await click('UMGR', 'decide:late.approve', late!.id, { dm: 'DUMGR' });
    await h.fake.until(() => h.fake.callsTo('chat.update').length === 1, 'the approval');
    expect(await h.deps.store.activities.count({ repId: 'ann', date: '2026-09-28' })).toBe(1);
  });

  it('3. HR sets a team target for the cycle and moves it to review', async () => {
    expect(await say('UHR', '/cycle', 'targets 2026-Q3 visits 30 team East')).toContain('30');
    expect(await say('UHR', '/cycle', 'review 2026-Q3')).toContain('is now in review');
  });

  it('4. HR schedules the review meeting; participants are told by DM', async () => {
    const answer = await say('UHR', '/cycle', 'meeting 2026-Q3 2026-11-28 10:00 Room 3 <@UMGR|mia> <@UHR|hana>');
    expect(answer).toContain('2026-11-28');
    await dispatch();
    expect(postsTo('DUMGR')).toContain('Room 3');
  });

  it('5. the calibration pack goes to the HR-private channel', async () => {
    expect(await say('UHR', '/cycle', 'calibrate 2026-Q3')).toContain('hr-private');
    await dispatch();
    const pack = postsTo('CHR');
    expect(pack).toContain('ann');
    expect(pack).toContain('bob');
  });

  it('6. an adjustment needs a written reason; with one it is proposed, audited and accepted by HR with the button', async () => {
    expect(await say('UMGR', '/adjust', '<@UANN|ann> +2')).toMatch(/reason|Usage/);
    expect(await h.deps.store.adjustments.count()).toBe(0);
    expect(await say('UBOB', '/adjust', '<@UANN|ann> +2 I think she deserves more')).toContain('需要');
    const answer = await say('UMGR', '/adjust', '<@UANN|ann> +2 Key-account workshop not captured by the CRM');
    expect(answer).toContain('Ann Lee');
    expect(await h.deps.store.adjustments.find({ repId: 'ann' })).toEqual([expect.objectContaining({ delta: 2, byId: 'mgr', state: 'pending' })]);
    // The manager's adjustment is a proposal: HR accepts it with the button.
    const [adjustment] = await h.deps.store.adjustments.find({ repId: 'ann' });
    await click('UHR', 'decide:adjust.accept', adjustment!.id, { dm: 'DUHR' });
    await eventually(async () => (await h.deps.store.adjustments.get(adjustment!.id))!.state === 'accepted', 'the acceptance');
  });

  it('7. a manager proposes a special award; HR approves it with the button', async () => {
    expect(await say('UMGR', '/award', '<@UANN|ann> Deal of the quarter: won the Acme framework deal')).toContain('HR has been asked');
    const [award] = await h.deps.store.awards.find();
    await click('UHR', 'decide:award.approve', award!.id, { dm: 'DUHR' });
    await eventually(async () => (await h.deps.store.awards.get(award!.id))!.state === 'approved', 'the approval');
  });

  it('8. HR publishes with the Publish button: results frozen, channel summary and every DM sent; a second publication is refused', async () => {
    const preview = await say('UHR', '/publish-results', '2026-Q3');
    expect(preview).toContain('decide:publish.confirm');
    expect(preview).toContain('Deal of the quarter');
    await click('UHR', 'decide:publish.confirm', '2026-Q3', { responseUrl: h.fake.responseUrl('publish') });
    await h.fake.until(() => h.fake.responses.some((r) => r.id === 'publish'), 'the publication');
    expect((await h.deps.store.cycles.find({ periodKey: '2026-Q3' }))[0]!.state).toBe('published');
    expect(await h.deps.store.results.count({ periodKey: '2026-Q3', version: 1 })).toBe(2);
    await dispatch();
    expect(postsTo('CRESULTS')).toContain('Deal of the quarter');
    expect(postsTo('DUANN')).toContain('/appeal');
    expect(postsTo('DUBOB').length).toBeGreaterThan(0);
    expect(postsTo('DUMGR')).toContain('/interview');
    expect(await say('UHR', '/publish-results', '2026-Q3 confirm')).toContain('already been published');
    // Entries for a published quarter are refused.
    await h.submit('UANN', 'visit', { ...VISIT_VALUES, date: { date: '2026-09-29' } }, { meta: { r: h.fake.responseUrl('after'), c: 'C0SALES' } });
    expect(await h.deps.store.activities.count({ repId: 'ann', date: '2026-09-29' })).toBe(0);
  });

  it('9. one appeal is accepted as version 2, another rejected; version 1 stays as it was', async () => {
    const v1 = (await h.deps.store.results.find({ periodKey: '2026-Q3', repId: 'ann', version: 1 }))[0]!;
    expect(await say('UANN', '/appeal', 'The workshop in September was not counted at all')).toContain('2026-Q3');
    expect(await say('UBOB', '/appeal', '拜访次数少算了，请核对')).toContain('你对 2026-Q3 结果（第 1 版）的申诉已登记');
    const accepted = await say('UHR', '/appeal', 'accept <@UANN|ann> +3 Verified with the CRM export');
    expect(accepted).toMatch(/Appeal \S+ accepted: Ann Lee's result is now version 2; they have been told\./);
    expect(accepted).toContain('→ v2: 80.8');
    expect(await say('UHR', '/appeal', 'reject <@UBOB|bob> Visits match the CRM records')).toMatch(/Appeal \S+ rejected; Bob Wu has been told why\./);
    const ann = await h.deps.store.results.find({ periodKey: '2026-Q3', repId: 'ann' }, { sort: { field: 'version', dir: 'asc' } });
    expect(ann.map((r) => r.version)).toEqual([1, 2]);
    expect(ann[0]).toEqual(v1);
    expect(ann[1]!.scorecard.total).toBeCloseTo(v1.scorecard.total + 3, 2);
    expect((await h.deps.store.appeals.find({ repId: 'bob' }))[0]!.state).toBe('rejected');
  });

  it('10. the manager schedules and logs the interview with a plan; the rep acknowledges it', async () => {
    expect(await say('UMGR', '/interview', '<@UANN|ann> 2026-11-30 15:00 Room 2')).toContain('2026-11-30');
    await say('UMGR', '/interview', 'log <@UANN|ann>\nnotes: Good quarter, more key-account visits\nview: Agrees, wants help with tenders');
    const [plan] = await h.deps.store.plans.find({ repId: 'ann' });
    expect(plan!.goals.length).toBeGreaterThan(0);
    await click('UANN', 'decide:plan.ack', plan!.id, { dm: 'DUANN' });
    await eventually(async () => (await h.deps.store.plans.get(plan!.id))!.acknowledgedAt !== undefined, 'the acknowledgement');
  });

  it('11. HR closes the cycle; the audit log explains every change', async () => {
    expect(await say('UHR', '/cycle', 'close 2026-Q3')).toContain('2026-Q3');
    expect((await h.deps.store.cycles.find({ periodKey: '2026-Q3' }))[0]!.state).toBe('closed');
    const audit = await say('UHR', '/audit', '<@UANN|ann> 2026-Q3');
    for (const why of ['Key-account workshop not captured by the CRM', 'Verified with the CRM export', 'won the Acme framework deal']) expect(audit).toContain(why);
    expect(await say('UANN', '/audit', '')).toContain('needs the hr role');
  });
});
