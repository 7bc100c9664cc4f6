import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adjustScore } from '../../src/application/cycle/adjust-score.js';
import { calibrate } from '../../src/application/cycle/calibration-pack.js';
import { openCycle } from '../../src/application/cycle/open-cycle.js';
import { publishResults } from '../../src/application/cycle/publish-results.js';
import { scheduleMeeting, showMeeting } from '../../src/application/cycle/schedule-meeting.js';
import { startReview } from '../../src/application/cycle/start-review.js';
import { scorePeriod } from '../../src/application/score-period.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import type { AppError } from '../../src/domain/errors.js';
import type { Person } from '../../src/domain/model/people.js';
import { parsePeriod } from '../../src/domain/period.js';
import { errorText } from '../../src/views/errors.js';
import { aDeal, aPayment } from '../helpers/builders.js';
import { smallOrg, T0, visits } from '../helpers/org.js';
import { refusal } from '../helpers/refusal.js';
import { testDeps } from '../helpers/temp-store.js';

let deps: ReturnType<typeof testDeps>;
let hr: Person, ann: Person, bob: Person, cat: Person, mgr: Person, mgr2: Person;
const get = async (id: string) => (await deps.store.people.get(id))!;

beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z'); // 10:00 in Shanghai, Q4
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  for (const id of ['ann', 'bob', 'cat', 'mgr', 'mgr2', 'hr']) await deps.store.people.put({ ...(await get(id)), identities: [`slack:U${id.toUpperCase()}`] });
  // mgr lives in Berlin: the invitation shows the time on their clock.
  await deps.store.people.put({ ...(await get('mgr')), timeZone: 'Europe/Berlin' });
  // Q3: ann 36 visits and a collected ¥1.5M deal, bob 18 visits, cat nothing. Q2: ann 36 visits only.
  await deps.store.activities.insertMany([
    ...visits('ann', 'acme', 36, '2026-07-01'),
    ...visits('bob', 'globex', 18, '2026-08-01'),
    ...visits('ann', 'acme', 36, '2026-04-01', 'q2-'),
  ]);
  await deps.store.deals.insert(aDeal({ id: 'd1', repId: 'ann', accountId: 'acme', amountBase: 1_500_000, units: 300, signedDate: '2026-07-10', dueDate: '2026-08-10', firstWin: true }));
  await deps.store.payments.insert(aPayment({ id: 'p1', dealId: 'd1', repId: 'ann', amountBase: 1_500_000, dueDate: '2026-08-10', receivedDate: '2026-08-09' }));
  [hr, ann, bob, cat, mgr, mgr2] = [await get('hr'), await get('ann'), await get('bob'), await get('cat'), await get('mgr'), await get('mgr2')];
});
afterEach(() => deps.cleanup());

function explained(e: AppError, en: string, zh: string): void {
  expect(errorText('en', e)).toContain(en);
  expect(errorText('zh-CN', e)).toContain(zh);
}

const open = () => openCycle(deps, hr, { period: '2026-Q3' });
const inReview = async () => {
  await open();
  await startReview(deps, hr, { period: '2026-Q3' });
};
const q3 = async (id: string) => (await scorePeriod(deps, parsePeriod('2026-Q3'))).reps.get(id)!.card;

const policy = (guideline: Record<string, number>) =>
  // A limit wide enough for the large test adjustments (the ±5 default is tested in test/chat/adjust-proposals.test.ts).
  deps.store.settings.put({ id: 'cycle.policy', value: { baseBonus: null, appealWindowDays: 14, guideline, topPerformers: 0, maxAdjustment: 100 }, updatedAt: T0, updatedBy: 'hr' });
const hrChannel = () => deps.store.settings.put({ id: 'channels', value: { 'hr-private': ['slack:CHR'] }, updatedAt: T0, updatedBy: 'hr' });
const meetingInput = (over: Partial<Parameters<typeof scheduleMeeting>[2]> = {}) => ({
  period: '2026-Q3', date: '2026-12-03', time: '14:30', place: 'Room 5', participants: [mgr, mgr2, hr], unknown: [], platforms: ['slack'] as const, ...over,
});
const adjust = (actor: Person, over: Partial<Parameters<typeof adjustScore>[2]> = {}) =>
  adjustScore(deps, actor, { reps: [ann], unknown: [], delta: '+3', reason: 'key account renewal landed after cut-off', ...over });
const dmTo = (identity: string) => async () => (await deps.store.outbox.find({ job: 'cycle-meeting' })).filter((o) => o.target.kind === 'dm' && o.target.identity === identity);

describe('/cycle meeting', () => {
  it('stores the meeting in company time, audits it and invites each participant once, in their own time zone', async () => {
    await open();
    const r = await scheduleMeeting(deps, hr, meetingInput());
    expect(r.cycle.meeting).toEqual({ at: '2026-12-03T06:30:00.000Z', place: 'Room 5', participantIds: ['mgr', 'mgr2', 'hr'] });
    expect([r.queued, r.unreachable]).toEqual([3, []]);
    expect((await deps.store.cycles.get(r.cycle.id))!.meeting?.at).toBe('2026-12-03T06:30:00.000Z');
    const [entry] = await deps.store.audit.find({ action: 'cycle.meeting' });
    expect(entry).toMatchObject({ actorId: 'hr', subjectId: r.cycle.id, details: { periodKey: '2026-Q3', at: '2026-12-03T06:30:00.000Z', place: 'Room 5' } });

    const outbox = await deps.store.outbox.find({ job: 'cycle-meeting' });
    expect(outbox.map((o) => o.runKey)).toEqual(Array(3).fill('2026-Q3:2026-12-03T06:30:00.000Z'));
    const berlin = JSON.stringify((await dmTo('slack:UMGR')())[0]!.message.view);
    expect(berlin).toContain('2026-12-03 07:30 (Europe/Berlin)');
    expect(JSON.stringify((await dmTo('slack:UMGR2')())[0]!.message.view)).toContain('2026-12-03 14:30 (Asia/Shanghai)');
    expect(berlin).toContain('Room 5');

    // The same meeting again announces nothing; a reschedule announces the new time to everyone.
    expect((await scheduleMeeting(deps, hr, meetingInput())).queued).toBe(0);
    expect((await scheduleMeeting(deps, hr, meetingInput({ time: '16:00' }))).queued).toBe(3);
    expect(await deps.store.outbox.count({ job: 'cycle-meeting' })).toBe(6);
    const latest = (await deps.store.audit.find({ action: 'cycle.meeting' })).at(-1)!;
    expect(latest.details.previous).toMatchObject({ at: '2026-12-03T06:30:00.000Z' });

    const shown = await showMeeting(deps, hr, { period: '2026-Q3' });
    expect([shown.cycle.meeting?.at, shown.participants.map((p) => p.id)]).toEqual(['2026-12-03T08:00:00.000Z', ['mgr', 'mgr2', 'hr']]);
  });

  it('names participants it cannot message, and schedules in review too', async () => {
    await inReview();
    await deps.store.people.put({ ...mgr2, identities: ['lark:ou_mgr2abc'] });
    const r = await scheduleMeeting(deps, hr, meetingInput({ participants: [mgr, { ...mgr2, identities: ['lark:ou_mgr2abc'] }] }));
    expect(r.unreachable.map((p) => p.id)).toEqual(['mgr2']);
    expect(r.queued).toBe(1);
  });

  it('refuses a non-HR actor, unknown people, no participant, a past or malformed time, no place, a wrong state — storing and sending nothing', async () => {
    explained(await refusal(scheduleMeeting(deps, hr, meetingInput())), 'no review cycle for 2026-Q3', '2026-Q3 没有考核周期');
    await open();
    explained(await refusal(scheduleMeeting(deps, ann, meetingInput())), 'needs the HR role', '需要人力资源角色');
    explained(await refusal(scheduleMeeting(deps, mgr, meetingInput())), 'needs the HR role', '需要人力资源角色');
    explained(await refusal(scheduleMeeting(deps, hr, meetingInput({ unknown: ['@zed', '@yan'] }))), 'does not know @zed, @yan', '不认识 @zed、@yan');
    explained(await refusal(scheduleMeeting(deps, hr, meetingInput({ participants: [] }))), 'at least one participant', '至少 @ 一位参会人');
    // 09:00 in Shanghai today is 01:00 UTC, an hour before the clock's 02:00.
    explained(await refusal(scheduleMeeting(deps, hr, meetingInput({ date: '2026-11-26', time: '09:00' }))), 'is in the past', '已经过去');
    explained(await refusal(scheduleMeeting(deps, hr, meetingInput({ date: '2026-02-30' }))), '"2026-02-30" is not a date', '不是有效日期');
    explained(await refusal(scheduleMeeting(deps, hr, meetingInput({ time: '25:00' }))), '"25:00" is not a time', '不是有效时间');
    explained(await refusal(scheduleMeeting(deps, hr, meetingInput({ place: '  ' }))), 'a room or a call link', '会议室或会议链接');
    explained(await refusal(scheduleMeeting(deps, hr, meetingInput({ participants: [{ ...mgr2, active: false }] }))), 'No longer active: mgr2', '已停用');
    expect((await deps.store.cycles.find({ periodKey: '2026-Q3' }))[0]!.meeting).toBeUndefined();
    await startReview(deps, hr, { period: '2026-Q3' });
    await publishResults(deps, hr, { period: '2026-Q3', platforms: ['slack'] });
    explained(await refusal(scheduleMeeting(deps, hr, meetingInput())), 'is published: a review meeting can only be scheduled', '只有在数据录入中或评审中');
    expect(await deps.store.outbox.count({ job: 'cycle-meeting' })).toBe(0);
    expect(await deps.store.audit.count({ action: 'cycle.meeting' })).toBe(0);
  });
});

describe('/cycle calibrate', () => {
  it('builds the pack with last quarter, team averages, outliers, missing data and guideline warnings, and posts it to hr-private once', async () => {
    await inReview();
    await hrChannel();
    await policy({ B: 40 });
    const r = await calibrate(deps, hr, { period: '2026-Q3', platforms: ['slack'] });
    const { pack } = r;
    expect(pack.previousKey).toBe('2026-Q2');
    expect(pack.rows.map((x) => [x.name, x.grade, x.lastGrade])).toEqual([['ann', 'B', 'D'], ['bob', 'D', null], ['cat', null, null]]);
    const annRow = pack.rows[0]!;
    expect(annRow.teamAverage).toBeCloseTo((annRow.total! + pack.rows[1]!.total!) / 2, 2);
    // ann: two bands up from D to B; a team of two has no quartiles, so no team mark.
    expect(annRow.outlier).toEqual(['bands']);
    expect(pack.overall.filter((g) => g.count > 0)).toEqual([{ grade: 'B', count: 1 }, { grade: 'D', count: 1 }]);
    expect(pack.byManager.map((m) => [m.manager, m.graded])).toEqual([['mgr', 2]]);
    expect(pack.noData).toEqual(['cat']);
    expect(pack.missing.find((m) => m.key === 'collection_rate')!.names).toContain('bob');
    expect(pack.warnings).toEqual([{ grade: 'B', count: 1, share: 50, max: 40 }]);
    expect([r.channels, r.queued]).toEqual([1, 1]);

    const [post] = await deps.store.outbox.find({ job: 'cycle-calibrate' });
    expect(post!.target).toEqual({ kind: 'channel', channel: 'slack:CHR' });
    const posted = JSON.stringify(post!.message.view);
    for (const s of ['2026-Q3 calibration pack', '2026-Q2', 'only in teams of 5 or more graded reps', 'Lacking data, not graded: cat', '⚠ B: 1 rep, 50%']) expect(posted).toContain(s);

    // Asked again with nothing changed: nothing new posted. After an adjustment: the new pack.
    expect((await calibrate(deps, hr, { platforms: ['slack'] })).queued).toBe(0);
    await adjust(hr);
    const again = await calibrate(deps, hr, { platforms: ['slack'] });
    expect(again.queued).toBe(1);
    expect(again.pack.adjustments).toEqual([{ name: 'ann', delta: 3, reason: 'key account renewal landed after cut-off', by: 'hr', at: '2026-11-26T02:00:00.000Z' }]);
    expect(again.pack.rows[0]!.adjusted).toBe(3);
    expect(await deps.store.outbox.count({ job: 'cycle-calibrate' })).toBe(2);
  });

  it('without an hr-private channel still returns the pack, posting nothing', async () => {
    await inReview();
    const r = await calibrate(deps, hr, { period: '2026-Q3', platforms: ['slack'] });
    expect([r.channels, r.queued, r.pack.graded]).toEqual([0, 0, 2]);
    expect(await deps.store.outbox.count()).toBe(0);
  });

  it('refuses non-HR, a cycle not in review, a published one, and no period with nothing in review', async () => {
    explained(await refusal(calibrate(deps, hr, { platforms: ['slack'] })), 'No review cycle is in review', '没有处于评审中');
    await open();
    explained(await refusal(calibrate(deps, mgr, { period: '2026-Q3', platforms: ['slack'] })), 'needs the HR role', '需要人力资源角色');
    explained(await refusal(calibrate(deps, hr, { period: '2026-Q3', platforms: ['slack'] })), 'is collecting data: calibration needs it in review', '校准需要处于评审中');
    await startReview(deps, hr, { period: '2026-Q3' });
    await publishResults(deps, hr, { period: '2026-Q3', platforms: ['slack'] });
    explained(await refusal(calibrate(deps, hr, { period: '2026-Q3', platforms: ['slack'] })), 'already been published', '已发布');
  });
});

describe('/adjust', () => {
  it('stores the adjustment with its reason, audits before and after, and the totals include it', async () => {
    await inReview();
    const before = await q3('ann');
    const r = await adjust(hr);
    expect(r.periodKey).toBe('2026-Q3');
    expect(r.before).toEqual({ total: before.total, grade: before.grade });
    expect(r.after.total).toBeCloseTo(before.total + 3, 2);
    expect((await q3('ann')).total).toBe(r.after.total);
    expect(await deps.store.adjustments.find({ repId: 'ann' })).toEqual([
      { id: r.adjustment.id, periodKey: '2026-Q3', repId: 'ann', delta: 3, reason: 'key account renewal landed after cut-off', byId: 'hr', at: '2026-11-26T02:00:00.000Z' },
    ]);
    const [entry] = await deps.store.audit.find({ action: 'score.adjust' });
    expect(entry).toMatchObject({ actorId: 'hr', subjectId: 'ann', details: { periodKey: '2026-Q3', delta: 3, reason: 'key account renewal landed after cut-off', before: r.before, after: r.after } });
    expect(r.warnings).toEqual([]);
  });

  it("lets the rep's manager adjust, with a guideline warning when the change pushes a grade over it", async () => {
    await inReview();
    await policy({ C: 0, D: 100 });
    const bobBefore = await q3('bob'); // D, about 14 points
    const r = await adjust(mgr, { reps: [bob], delta: `+${Math.ceil(60 - bobBefore.total)}` });
    expect([r.before.grade, r.after.grade]).toEqual(['D', 'C']);
    expect(r.warnings).toEqual([{ grade: 'C', count: 1, share: 50, max: 0 }]);
    // A second change inside C makes it no worse: no warning repeated.
    expect((await adjust(mgr, { reps: [bob], delta: '-0.5' })).warnings).toEqual([]);
  });

  it('two adjustments at once are recorded one after the other: the second starts from the first one\'s total', async () => {
    await inReview();
    // Both HR's: a manager's would be a proposal that does not move the total (test/chat/adjust-proposals.test.ts).
    const [a, b] = await Promise.all([adjust(hr, { delta: '+2' }), adjust(hr, { delta: '+1' })]);
    expect(b.before).toEqual(a.after);
    const audits = await deps.store.audit.find({ action: 'score.adjust' });
    expect(audits.map((x) => x.details.delta)).toEqual([2, 1]);
    expect((await q3('ann')).total).toBe(b.after.total);
  });

  it('refuses a rep, another team’s manager, the rep themselves, bad deltas and reasons — storing nothing', async () => {
    await inReview();
    explained(await refusal(adjust(bob)), 'needs the HR/Manager role', '需要人力资源或经理角色');
    explained(await refusal(adjust(mgr2)), 'ann is not in your team', 'ann 不在你的团队');
    for (const delta of ['0', 'abc', '150', '+', undefined, '-100.5']) explained(await refusal(adjust(hr, { delta })), 'from -100 to +100, not 0', '-100 到 +100');
    explained(await refusal(adjust(hr, { reason: '' })), 'needs a written reason', '必须写明理由');
    explained(await refusal(adjust(hr, { reason: 'too low' })), 'The reason is too short', '理由太短');
    explained(await refusal(adjust(hr, { unknown: ['@zed'] })), 'does not know @zed', '不认识 @zed');
    explained(await refusal(adjust(hr, { reps: [] })), 'Mention exactly one rep', '请只 @ 一位销售');
    explained(await refusal(adjust(hr, { reps: [ann, bob] })), 'Mention exactly one rep', '请只 @ 一位销售');
    explained(await refusal(adjust(hr, { reps: [mgr2] })), 'mgr2 is not a sales rep', '不是销售');
    explained(await refusal(adjust(hr, { reps: [cat] })), 'cat lacks data in 2026-Q3', '缺少数据');
    const hrRep = { ...hr, roles: ['hr' as const, 'rep' as const] };
    explained(await refusal(adjust(hrRep, { reps: [hrRep] })), 'Nobody can adjust their own score', '不能调整自己的分数');
    expect(await deps.store.adjustments.count()).toBe(0);
    expect(await deps.store.audit.count({ action: 'score.adjust' })).toBe(0);
    // -100 and +2.5 are fine; the minus sign typed as − too.
    expect((await adjust(hr, { delta: '−2.5' })).adjustment.delta).toBe(-2.5);
  });

  it('needs a cycle in review: none in review, collecting, published (the appeal path)', async () => {
    explained(await refusal(adjust(hr)), 'No review cycle is in review', '没有处于评审中');
    explained(await refusal(adjust(hr, { period: '2026-Q3' })), 'no review cycle for 2026-Q3', '2026-Q3 没有考核周期');
    await open();
    explained(await refusal(adjust(hr, { period: '2026-Q3' })), 'is collecting data: calibration needs it in review', '校准需要处于评审中');
    await startReview(deps, hr, { period: '2026-Q3' });
    await publishResults(deps, hr, { period: '2026-Q3', platforms: ['slack'] });
    explained(await refusal(adjust(hr)), 'No review cycle is in review', '没有处于评审中');
    explained(await refusal(adjust(hr, { period: '2026-q3' })), 'already been published: its scores can no longer be adjusted', '只能通过申诉更改');
    expect(await deps.store.adjustments.count()).toBe(0);
  });
});

describe('an adjustment and a publication at the same moment', () => {
  it('never interleave: the adjustment is either in the frozen results or refused as published, never stored and left out', async () => {
    await open();
    await startReview(deps, hr, { period: '2026-Q3' });
    const [adjusted] = await Promise.allSettled([adjust(hr, { period: '2026-Q3' }), publishResults(deps, hr, { period: '2026-Q3', platforms: ['slack'] })]);
    const [frozen] = await deps.store.results.find({ periodKey: '2026-Q3', repId: 'ann', version: 1 });
    const stored = await deps.store.adjustments.find({ periodKey: '2026-Q3', repId: 'ann' });
    expect(frozen!.scorecard.adjustments.map((a) => a.id)).toEqual(stored.map((a) => a.id));
    if (adjusted.status === 'rejected') expect((adjusted.reason as AppError).params.messageId).toBe('calibration.error.published');
    else expect(frozen!.scorecard.total).toBe(adjusted.value.after.total);
  });
});
