import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCycle } from '../../src/application/cycle/open-cycle.js';
import { acknowledgePlan } from '../../src/application/interviews/acknowledge-plan.js';
import { draftPlan } from '../../src/application/interviews/draft-plan.js';
import { logInterview } from '../../src/application/interviews/log-interview.js';
import { scheduleInterview } from '../../src/application/interviews/schedule-interview.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import { parseLogLines } from '../../src/chat/interview-lines.js';
import { scorecardAnswer } from '../../src/chat/reports.js';
import type { AppError } from '../../src/domain/errors.js';
import type { Person } from '../../src/domain/model/people.js';
import { errorText } from '../../src/views/errors.js';
import { smallOrg, visits } from '../helpers/org.js';
import { refusal } from '../helpers/refusal.js';
import { testDeps } from '../helpers/temp-store.js';
import { addQ3Data, publishQ3 } from './interview-fixture.js';

let deps: ReturnType<typeof testDeps>;
let hr: Person, ann: Person, bob: Person, cat: Person, mgr: Person, mgr2: Person;
const get = async (id: string) => (await deps.store.people.get(id))!;
const platforms = ['slack'] as const;

beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z'); // Thursday 10:00 in Shanghai
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  for (const id of ['ann', 'bob', 'cat', 'mgr', 'mgr2', 'hr']) await deps.store.people.put({ ...(await get(id)), identities: [`slack:U${id.toUpperCase()}`] });
  // ann works from Berlin: her messages give the time there.
  await deps.store.people.put({ ...(await get('ann')), timeZone: 'Europe/Berlin' });
  await addQ3Data(deps);
  [hr, ann, bob, cat, mgr, mgr2] = [await get('hr'), await get('ann'), await get('bob'), await get('cat'), await get('mgr'), await get('mgr2')];
});
afterEach(() => deps.cleanup());

function explained(e: AppError, en: string, zh: string): void {
  expect(errorText('en', e)).toContain(en);
  expect(errorText('zh-CN', e)).toContain(zh);
}

const dms = async (job: string) =>
  (await deps.store.outbox.find({ job })).map((o) => [o.target.kind === 'dm' ? o.target.identity : o.target.channel, o.message.text] as const).sort();

describe('scheduling the feedback interview', () => {
  it('refuses before publication, then schedules on the latest published quarter in company time, DMs both in their own zone, audited', async () => {
    explained(await refusal(scheduleInterview(deps, mgr, { rep: ann, date: '2026-12-03', time: '15:00', platforms })), 'ann has no published result yet', 'ann 还没有已发布的考核结果');
    await publishQ3(deps, hr);
    const r = await scheduleInterview(deps, mgr, { rep: ann, date: '2026-12-03', time: '15:00', place: 'Room 5', platforms });
    expect(r.moved).toBe(false);
    // 15:00 in Shanghai (UTC+8) is 07:00 UTC, 08:00 in Berlin (UTC+1 in December).
    expect(r.interview).toMatchObject({ periodKey: '2026-Q3', repId: 'ann', managerId: 'mgr', state: 'scheduled', scheduledAt: '2026-12-03T07:00:00.000Z', place: 'Room 5' });
    expect(await dms('interview-scheduled')).toEqual([
      ['slack:UANN', 'Your feedback interview (面谈) on 2026-Q3 with mgr: 2026-12-03 08:00 (Europe/Berlin) (Room 5).'],
      ['slack:UMGR', 'Feedback interview with ann on 2026-Q3: 2026-12-03 15:00 (Asia/Shanghai) (Room 5).'],
    ]);
    const [a] = await deps.store.audit.find({ action: 'interview.schedule' });
    expect(a).toMatchObject({ actorId: 'mgr', subjectId: r.interview.id, details: { periodKey: '2026-Q3', repId: 'ann', scheduledAt: '2026-12-03T07:00:00.000Z' } });
  });

  it('moves the one interview of a rep and period; the same time again sends nothing new; HR may schedule for the manager', async () => {
    await publishQ3(deps, hr);
    const first = await scheduleInterview(deps, mgr, { rep: ann, date: '2026-12-03', time: '15:00', platforms });
    const moved = await scheduleInterview(deps, hr, { rep: ann, date: '2026-12-04', time: '9:30', period: '2026-q3', platforms });
    expect(moved.moved).toBe(true);
    expect(moved.interview).toMatchObject({ id: first.interview.id, managerId: 'mgr', scheduledAt: '2026-12-04T01:30:00.000Z' });
    expect(moved.interview.place).toBeUndefined();
    await scheduleInterview(deps, hr, { rep: ann, date: '2026-12-04', time: '09:30', platforms });
    expect(await deps.store.interviews.count()).toBe(1);
    expect(await deps.store.outbox.count({ job: 'interview-scheduled' })).toBe(4);
    expect((await deps.store.audit.find({ action: 'interview.reschedule' })).map((a) => a.details.from)).toEqual(['2026-12-03T07:00:00.000Z', '2026-12-04T01:30:00.000Z']);
  });

  it('refuses a rep, another team\'s manager, an unpublished or yearly period, a rep without a result, a bad or past time — changing nothing', async () => {
    await publishQ3(deps, hr);
    const at = { date: '2026-12-03', time: '15:00', platforms };
    explained(await refusal(scheduleInterview(deps, ann, { rep: ann, ...at })), "Only ann's manager or HR", '只有 ann 的经理或人力资源部');
    explained(await refusal(scheduleInterview(deps, bob, { rep: ann, ...at })), "Only ann's manager or HR", '只有 ann 的经理或人力资源部');
    explained(await refusal(scheduleInterview(deps, mgr2, { rep: ann, ...at })), "Only ann's manager or HR", '只有 ann 的经理或人力资源部');
    explained(await refusal(scheduleInterview(deps, mgr, { rep: ann, ...at, period: '2026-Q4' })), '2026-Q4 is not published yet', '2026-Q4 的结果尚未发布');
    await openCycle(deps, hr, { period: '2026-Q4' });
    explained(await refusal(scheduleInterview(deps, mgr, { rep: ann, ...at, period: '2026-Q4' })), '2026-Q4 is not published yet', '2026-Q4 的结果尚未发布');
    explained(await refusal(scheduleInterview(deps, mgr, { rep: ann, ...at, period: '2026' })), 'give a period like 2026-Q3', '请填写 2026-Q3 这样的季度');
    explained(await refusal(scheduleInterview(deps, mgr2, { rep: cat, ...at })), 'cat has no published result yet', 'cat 还没有已发布的考核结果');
    explained(await refusal(scheduleInterview(deps, mgr2, { rep: cat, ...at, period: '2026-Q3' })), 'cat has no published result for 2026-Q3', 'cat 在 2026-Q3 没有已发布的考核结果');
    explained(await refusal(scheduleInterview(deps, mgr, { rep: ann, ...at, time: '25:00' })), '"25:00" is not a time', '“25:00”不是有效时间');
    explained(await refusal(scheduleInterview(deps, mgr, { rep: ann, ...at, date: '2026-02-30' })), '"2026-02-30" is not a date', '不是有效日期');
    explained(await refusal(scheduleInterview(deps, mgr, { rep: ann, ...at, date: '2026-11-26', time: '09:59' })), '2026-11-26 09:59 (Asia/Shanghai) has already passed', '已经过去');
    expect(await deps.store.interviews.count()).toBe(0);
    expect(await deps.store.outbox.count({ job: 'interview-scheduled' })).toBe(0);
    expect(await deps.store.audit.count({ action: 'interview.schedule' })).toBe(0);
  });
});

describe('the improvement plan', () => {
  it('is prefilled from the indicators that lost the most weighted points, due at the end of the next quarter', async () => {
    await publishQ3(deps, hr);
    const d = await draftPlan(deps, mgr, { rep: ann });
    expect([d.period.key, d.target.key, d.checkIns]).toEqual(['2026-Q3', '2026-Q4', ['2026-12-24']]);
    // Hand-computed in interview-fixture.ts: accounts served 7.875 points lost, new customers 4.5, visits 2.
    expect(d.goals).toEqual([
      { indicator: 'accounts_served', baseline: 1, target: 8, dueDate: '2026-12-31', text: 'Serve 8 key accounts (4 by 2026-11-16; 1 in 2026-Q3)' },
      { indicator: 'new_customers', baseline: 1, target: 2, dueDate: '2026-12-31', text: 'Win 2 new customers (1 by 2026-11-16; 1 in 2026-Q3)' },
      { indicator: 'visits', baseline: 30, target: 36, dueDate: '2026-12-31', text: 'Make 36 client visits (18 by 2026-11-16; 30 in 2026-Q3)' },
    ]);
    // bob reads Chinese: his plan is written in Chinese.
    const b = await draftPlan(deps, mgr, { rep: { ...bob, locale: 'zh-CN' } });
    // bob: revenue 37.5 × 100% lost, volume 11.25 × 100%, intel 10 × 100% (accounts served 9.84, new customers 9, visits 6 follow).
    expect(b.goals.map((g) => [g.indicator, g.text])).toEqual([
      ['revenue', '签约金额达到 ¥150万（2026-11-16 前完成 ¥75万；2026-Q3 为 ¥0）'],
      ['volume', '销售 300 件产品（2026-11-16 前完成 150；2026-Q3 为 0）'],
      ['intel_shared', '分享 6 条市场信息（2026-11-16 前完成 3；2026-Q3 为 0）'],
    ]);
    explained(await refusal(draftPlan(deps, mgr2, { rep: ann })), "Only ann's manager or HR", '只有 ann 的经理或人力资源部');
  });

  it('logs the interview as held with the prefilled plan; the rep gets it with an Acknowledge button; a second log is refused', async () => {
    await publishQ3(deps, hr);
    const s = await scheduleInterview(deps, mgr, { rep: ann, date: '2026-12-03', time: '15:00', platforms });
    deps.clock.set('2026-12-03T08:00:00Z');
    const { interview, plan } = await logInterview(deps, mgr, { rep: ann, notes: 'Strong on revenue', repView: 'Needs more leads', goals: [], platforms });
    expect(interview).toMatchObject({ id: s.interview.id, state: 'held', heldOn: '2026-12-03', notes: 'Strong on revenue', repView: 'Needs more leads' });
    expect(plan).toMatchObject({ periodKey: '2026-Q3', targetPeriodKey: '2026-Q4', repId: 'ann', managerId: 'mgr', interviewId: interview.id, state: 'open', checkIns: [{ date: '2026-12-31', note: '', done: false }] });
    expect(plan.goals.map((g) => [g.indicator, g.baseline, g.target])).toEqual([['accounts_served', 1, 8], ['new_customers', 1, 2], ['visits', 30, 36]]);
    expect(plan.acknowledgedAt).toBeUndefined();
    const [dm] = await deps.store.outbox.find({ job: 'interview-plan' });
    expect(dm!.target).toEqual({ kind: 'dm', identity: 'slack:UANN' });
    const view = JSON.stringify(dm!.message.view);
    expect(view).toContain('"id":"decide:plan.ack"');
    expect(view).toContain(`"value":"${plan.id}"`);
    expect(view).toContain('Make 36 client visits (18 by 2026-11-16; 30 in 2026-Q3) (due 2026-12-31)');
    expect((await deps.store.audit.find({ action: 'plan.open' }))[0]!.details.reason).toContain('prefilled');
    expect(await deps.store.audit.count({ action: 'interview.held' })).toBe(1);
    explained(await refusal(logInterview(deps, mgr, { rep: ann, notes: '', repView: '', goals: [], platforms })), 'already logged on 2026-12-03', '已于 2026-12-03 记录');
    explained(await refusal(scheduleInterview(deps, mgr, { rep: ann, date: '2026-12-10', time: '15:00', platforms })), 'already logged', '已于 2026-12-03 记录');
    expect(await deps.store.plans.count()).toBe(1);
  });

  it('takes written goals with their due dates instead, and refuses a bad due date', async () => {
    await publishQ3(deps, hr);
    const goals = [{ text: 'Visit Globex twice', due: '2026-12-15', line: 'goal: Visit Globex twice by 2026-12-15' }, { text: 'Share 3 intel posts', line: 'goal: Share 3 intel posts' }];
    explained(await refusal(logInterview(deps, hr, { rep: bob, notes: '', repView: '', goals: [{ text: 'x', due: '15/12', line: 'goal: x by 15/12' }], platforms })), '"15/12" is not a date', '目标行');
    const { plan } = await logInterview(deps, hr, { rep: bob, notes: '', repView: '', goals, platforms });
    expect(plan.goals).toEqual([{ text: 'Visit Globex twice', dueDate: '2026-12-15' }, { text: 'Share 3 intel posts', dueDate: '2026-12-31' }]);
    expect(plan.managerId).toBe('mgr');
  });

  it('is acknowledged once, by the rep only; the manager is told', async () => {
    await publishQ3(deps, hr);
    const { plan } = await logInterview(deps, mgr, { rep: ann, notes: '', repView: '', goals: [], platforms });
    explained(await refusal(acknowledgePlan(deps, mgr, { planId: plan.id, platforms })), 'Only ann may acknowledge', '只有 ann 本人');
    explained(await refusal(acknowledgePlan(deps, bob, { planId: plan.id, platforms })), 'Only ann may acknowledge', '只有 ann 本人');
    explained(await refusal(acknowledgePlan(deps, ann, { planId: 'nope', platforms })), 'no longer exists', '已不存在');
    deps.clock.set('2026-11-27T01:00:00Z');
    const first = await acknowledgePlan(deps, ann, { planId: plan.id, platforms });
    expect([first.already, first.plan.acknowledgedAt]).toEqual([false, '2026-11-27T01:00:00.000Z']);
    deps.clock.set('2026-11-28T01:00:00Z');
    const again = await acknowledgePlan(deps, ann, { planId: plan.id, platforms });
    expect([again.already, again.plan.acknowledgedAt]).toEqual([true, '2026-11-27T01:00:00.000Z']);
    expect(await dms('plan-acknowledged')).toEqual([['slack:UMGR', 'ann acknowledged the improvement plan for 2026-Q4.']]);
    expect(await deps.store.audit.count({ action: 'plan.acknowledge' })).toBe(1);
  });

  it("shows on the next quarter's scorecard with the goal indicators' actuals, for the rep and the manager only", async () => {
    await publishQ3(deps, hr);
    await logInterview(deps, mgr, { rep: ann, notes: '', repView: '', goals: [], platforms });
    await deps.store.activities.insertMany(visits('ann', 'acme', 5, '2026-10-05', 'ann-q4-'));
    const table = (v: Awaited<ReturnType<typeof scorecardAnswer>>) => v.blocks.find((b) => b.type === 'table' && b.rows.some((r) => r[0]!.startsWith('Make 36 client visits')));
    const mine = table(await scorecardAnswer(deps, ann, { period: '2026-Q4' }));
    expect(mine && mine.type === 'table' && mine.rows).toEqual([
      ['Serve 8 key accounts (4 by 2026-11-16; 1 in 2026-Q3)', '1', '8', '2026-12-31'],
      ['Win 2 new customers (1 by 2026-11-16; 1 in 2026-Q3)', '0', '2', '2026-12-31'],
      ['Make 36 client visits (18 by 2026-11-16; 30 in 2026-Q3)', '5', '36', '2026-12-31'],
    ]);
    expect(table(await scorecardAnswer(deps, mgr, { subject: ann, period: '2026-Q4' }))).toBeDefined();
    // The reviewed quarter's own scorecard carries no plan.
    expect(table(await scorecardAnswer(deps, ann, { period: '2026-Q3' }))).toBeUndefined();
  });
});


describe('the lines after /interview log', () => {
  it('reads notes, the rep\'s view and goals with optional due dates; unlabelled lines continue the field before', () => {
    expect(parseLogLines(['notes: Good quarter', 'but few accounts', '', 'VIEW：想要更多线索', 'goal: Visit 3 new accounts by 2026-12-20', '  with the new brochure', '目标: 完成一单 截止 2026-12-31'])).toEqual({
      notes: 'Good quarter\nbut few accounts',
      repView: '想要更多线索',
      goals: [
        { text: 'Visit 3 new accounts with the new brochure', due: '2026-12-20', line: 'goal: Visit 3 new accounts by 2026-12-20' },
        { text: '完成一单', due: '2026-12-31', line: '目标: 完成一单 截止 2026-12-31' },
      ],
    });
    expect(parseLogLines([])).toEqual({ notes: '', repView: '', goals: [] });
  });

  it('refuses a plan with nothing to prefill and no written goal', async () => {
    await publishQ3(deps, hr);
    // Every indicator of ann's frozen result at full score: nothing lost, nothing to prefill.
    const [r] = await deps.store.results.find({ repId: 'ann' });
    await deps.store.results.put({ ...r!, scorecard: { ...r!.scorecard, indicators: r!.scorecard.indicators.map((l) => ({ ...l, score: l.score === null ? null : 100 })) } });
    explained(await refusal(logInterview(deps, mgr, { rep: ann, notes: '', repView: '', goals: [], platforms })), 'ann lost no points in 2026-Q3', 'ann 在 2026-Q3 没有失分');
    expect(await deps.store.plans.count()).toBe(0);
    expect(await deps.store.interviews.count()).toBe(0);
  });
});
