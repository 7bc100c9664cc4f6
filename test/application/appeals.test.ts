import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acceptAppeal, rejectAppeal } from '../../src/application/cycle/appeal-decision.js';
import { fileAppeal } from '../../src/application/cycle/appeal-file.js';
import { listAppeals, myAppeals } from '../../src/application/cycle/appeal-list.js';
import { publishResults } from '../../src/application/cycle/publish-results.js';
import { getScorecard } from '../../src/application/get-scorecard.js';
import type { Person } from '../../src/domain/model/people.js';
import { parsePeriod } from '../../src/domain/period.js';
import { errorText } from '../../src/views/errors.js';
import { T0, visits } from '../helpers/org.js';
import { refusal } from '../helpers/refusal.js';
import { recipient, rewardsQuarter, SLACK, type Deps } from './rewards-fixture.js';

let deps: Deps;
let p: Awaited<ReturnType<typeof rewardsQuarter>>['people'];
beforeEach(async () => {
  ({ deps, people: p } = await rewardsQuarter());
  await publishResults(deps, p.hr, { period: '2026-Q3', platforms: SLACK });
});
afterEach(() => deps.cleanup());

const DAY = 86_400_000;
const REASON = 'the Globex visits of September were logged late but happened';
const versions = async (repId: string) => (await deps.store.results.find({ periodKey: '2026-Q3', repId })).sort((a, b) => a.version - b.version);
const says = async (promise: Promise<unknown>, en: string, zh: string) => {
  const e = await refusal(promise);
  expect(errorText('en', e)).toContain(en);
  expect(errorText('zh-CN', e)).toContain(zh);
};
const file = (rep: Person, reason = REASON, period?: string) => fileAppeal(deps, rep, { reason, platforms: SLACK, ...(period ? { period } : {}) });

describe('appeals', () => {
  it('a rep files within the window; HR is told with the frozen scorecard explained and the commands to decide', async () => {
    const { appeal, deadline } = await file(p.bob);
    expect(appeal).toMatchObject({ periodKey: '2026-Q3', repId: 'bob', resultVersion: 1, state: 'pending' });
    expect(deadline).toBe('2026-12-10');
    const notices = await deps.store.outbox.find({ job: 'appeal-filed' });
    expect(notices.map(recipient).sort()).toEqual(['slack:CHR', 'slack:UHR']);
    const notice = JSON.stringify(notices[0]!.message.view);
    expect(notice).toContain(REASON);
    expect(notice).toContain('Scorecard: bob, 2026-Q3');
    expect(notice).toContain(`/appeal accept ${appeal.number} `);
    expect(notice).toContain(`/appeal reject ${appeal.number} `);
    expect((await deps.store.audit.find({ action: 'appeal.file' })).map((a) => a.subjectId)).toEqual([appeal.id]);
    expect((await myAppeals(deps, p.bob)).map((r) => r.appeal.id)).toEqual([appeal.id]);
  });

  it('refuses a second pending appeal, a short reason, a non-rep, a rep with no result, and an appeal after the window', async () => {
    await file(p.bob);
    await says(file(p.bob), 'already have a pending appeal for 2026-Q3', '已有一项待处理的申诉');
    await says(file(p.ann, 'unfair'), 'at least 10 characters', '至少 5 个汉字或 10 个字母');
    await says(file(p.mgr), 'Only a sales rep', '只有销售本人');
    await says(file(p.cat), 'no published result', '没有可申诉的已发布结果');
    await says(file(p.ann, REASON, '2026-Q2'), 'no published result for 2026-Q2', '2026-Q2');
    deps.clock.advance(15 * DAY);
    await says(file(p.ann), 'closed on 2026-12-10', '已于 2026-12-10 结束');
    expect(await deps.store.appeals.count()).toBe(1);
  });

  it('HR accepts: a new version 2 with the adjustment and regraded, version 1 unchanged, the rep told old → new', async () => {
    const { appeal } = await file(p.bob);
    const [v1] = await versions('bob');
    expect(v1!.scorecard.grade).toBe('D');
    const delta = Math.ceil(76 - v1!.scorecard.total);
    await says(acceptAppeal(deps, p.mgr, { ref: { appealId: appeal.id }, delta: `+${delta}`, reason: 'the late visits are confirmed by the client', platforms: SLACK }), 'needs the HR role', '需要人力资源角色');
    await says(acceptAppeal(deps, p.hr, { ref: { appealId: appeal.id }, delta: '0', reason: 'the late visits are confirmed by the client', platforms: SLACK }), 'is not a score change', '不是有效的分数调整');
    await says(acceptAppeal(deps, p.hr, { ref: { appealId: appeal.id }, delta: `+${delta}`, reason: 'ok', platforms: SLACK }), 'at least 10 characters', '至少 5 个汉字或 10 个字母');

    // A policy change after publication does not change the base the period was published with.
    await deps.store.settings.put({ id: 'cycle.policy', value: { baseBonus: 99999, appealWindowDays: 14, guideline: {}, topPerformers: 0 }, updatedAt: T0, updatedBy: 'hr' });
    const a = await acceptAppeal(deps, p.hr, { ref: { rep: p.bob }, delta: `+${delta}`, reason: 'the late visits are confirmed by the client', platforms: SLACK });
    const [after1, v2] = await versions('bob');
    expect(after1).toEqual(v1);
    expect(v2).toMatchObject({ version: 2, appealId: appeal.id, publishedBy: 'hr', bonusAmount: 10000, awardIds: v1!.awardIds });
    expect(v2!.scorecard).toMatchObject({ baseTotal: v1!.scorecard.baseTotal, total: v1!.scorecard.total + delta, grade: 'B', bonusMultiplier: 1, penalty: false });
    expect(v2!.scorecard.adjustments.at(-1)).toEqual({ id: appeal.id, delta, reason: 'the late visits are confirmed by the client', by: 'hr' });
    expect(v2!.scorecard.indicators).toEqual(v1!.scorecard.indicators);
    expect(a.appeal).toMatchObject({ state: 'accepted', newVersion: 2, decidedBy: 'hr', decisionReason: 'the late visits are confirmed by the client' });
    const audit = (await deps.store.audit.find({ action: 'appeal.accept' }))[0]!;
    expect(audit.details).toMatchObject({ fromVersion: 1, toVersion: 2, delta, grade: { from: 'D', to: 'B' } });
    const dm = (await deps.store.outbox.find({ job: 'appeal-decision' }))[0]!;
    expect(recipient(dm)).toBe('slack:UBOB');
    expect(JSON.stringify(dm.message.view)).toMatch(/v1: .*grade D.*→ v2: .*grade B/);
    await says(acceptAppeal(deps, p.hr, { ref: { appealId: appeal.id }, delta: '+1', reason: 'once more with feeling', platforms: SLACK }), 'already been decided', '已处理');

    // /scorecard for the published quarter answers with the latest frozen version, not live scores.
    await deps.store.activities.insertMany(visits('bob', 'globex', 20, '2026-09-01', 'late-'));
    const report = await getScorecard(deps, { actor: p.bob, repId: 'bob', period: parsePeriod('2026-Q3') });
    expect(report.card).toEqual(v2!.scorecard);
    expect(report.pacing).toBeNull();
  });

  it('HR rejects with a reason: the rep told why, the result stays; the list shows both decisions', async () => {
    const bobs = await file(p.bob);
    await file(p.ann, 'the Acme deal should count double this quarter');
    await says(rejectAppeal(deps, p.hr, { ref: { appealId: bobs.appeal.id }, reason: 'short', platforms: SLACK }), 'at least 10 characters', '至少 5 个汉字或 10 个字母');
    const rejected = await rejectAppeal(deps, p.hr, { ref: { appealId: bobs.appeal.id }, reason: 'the visits were outside the quarter', platforms: SLACK });
    expect(rejected).toMatchObject({ state: 'rejected', decisionReason: 'the visits were outside the quarter' });
    expect((await versions('bob')).map((r) => r.version)).toEqual([1]);
    const dm = (await deps.store.outbox.find({ job: 'appeal-decision' }))[0]!;
    expect(recipient(dm)).toBe('slack:UBOB');
    expect(JSON.stringify(dm.message.view)).toContain('the visits were outside the quarter');
    expect((await deps.store.audit.find({ action: 'appeal.reject' })).map((a) => a.subjectId)).toEqual([bobs.appeal.id]);
    const list = await listAppeals(deps, p.hr, { period: '2026-Q3' });
    expect(list.map((r) => [r.repName, r.appeal.state])).toEqual([['ann', 'pending'], ['bob', 'rejected']]);
    await says(listAppeals(deps, p.ann, {}), 'needs the HR role', '需要人力资源角色');
    await says(rejectAppeal(deps, p.hr, { ref: { appealId: 'nope' }, reason: 'the visits were outside the quarter', platforms: SLACK }), 'no such pending appeal', '没有这项待处理的申诉');
  });
});
