import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acceptAppeal } from '../../src/application/cycle/appeal-decision.js';
import { fileAppeal } from '../../src/application/cycle/appeal-file.js';
import { grantAward } from '../../src/application/cycle/award-grant.js';
import { preparePublication } from '../../src/application/cycle/prepare-publication.js';
import { publishResults } from '../../src/application/cycle/publish-results.js';
import { getScorecard } from '../../src/application/get-scorecard.js';
import { scorePeriod } from '../../src/application/score-period.js';
import { parsePeriod } from '../../src/domain/period.js';
import { defaultTemplate } from '../../src/domain/scoring/default-template.js';
import { openCycle } from '../../src/application/cycle/open-cycle.js';
import { startReview } from '../../src/application/cycle/start-review.js';
import { awardAnswer } from '../../src/chat/rewards.js';
import { plainRequest } from '../../src/chat/review.js';
import { roundScore } from '../../src/domain/scoring/grading.js';
import { aDeal, anAdjustment } from '../helpers/builders.js';
import { T0, visits } from '../helpers/org.js';
import { recipient, rewardsQuarter, SLACK, type Deps } from './rewards-fixture.js';

let deps: Deps;
let p: Awaited<ReturnType<typeof rewardsQuarter>>['people'];
beforeEach(async () => {
  ({ deps, people: p } = await rewardsQuarter());
});
afterEach(() => deps.cleanup());

const outbox = async () => deps.store.outbox.find({ job: 'publish-results' });
const viewOf = async (to: string) => JSON.stringify((await outbox()).find((o) => recipient(o) === to)!.message.view);

describe('the publication', () => {
  it('previews grades, bonus amounts, penalties, awards and guideline warnings, then freezes bonus amounts and awards', async () => {
    const award = await grantAward(deps, p.hr, { rep: p.ann, title: 'Deal of the quarter', reason: 'won the Acme framework deal', platforms: SLACK });
    await grantAward(deps, p.mgr, { rep: p.bob, title: 'Most improved', reason: 'doubled his visits since July', platforms: SLACK });
    const plan = await preparePublication(deps, p.hr, { period: '2026-Q3' });
    // ann B (×1) and bob D (×0) on a ¥10,000 base; B is half of those graded, over the 40% guideline.
    expect(plan.totalBonus).toBe(10000);
    expect(plan.warnings).toEqual([{ grade: 'B', count: 1, share: 50, max: 40 }]);
    expect(plan.pendingAwards.map((a) => a.title)).toEqual(['Most improved']);
    await publishResults(deps, p.hr, { period: '2026-Q3', platforms: SLACK });
    const results = await deps.store.results.find({ periodKey: '2026-Q3' });
    expect(Object.fromEntries(results.map((r) => [r.repId, [r.bonusAmount, r.awardIds]]))).toEqual({ ann: [10000, [award.award.id]], bob: [0, []] });
  });

  it('sends the channel summary, each rep’s full result, each manager’s team and interviews, and the penalty evidence to HR', async () => {
    await grantAward(deps, p.hr, { rep: p.ann, title: 'Deal of the quarter', reason: 'won the Acme framework deal', platforms: SLACK });
    await deps.store.settings.put({ id: 'cycle.policy', value: { baseBonus: 10000, appealWindowDays: 14, guideline: {}, topPerformers: 1 }, updatedAt: T0, updatedBy: 'hr' });
    await publishResults(deps, p.hr, { period: '2026-Q3', platforms: SLACK });
    expect((await outbox()).map(recipient).sort()).toEqual(['slack:CHR', 'slack:CRESULTS', 'slack:UANN', 'slack:UBOB', 'slack:UMGR']);

    const channel = await viewOf('slack:CRESULTS');
    expect(channel).toContain('Grade distribution: S 0 · A 0 · B 1 · C 0 · D 1');
    expect(channel).toContain('ann: Deal of the quarter');
    expect(channel).toContain('Top performers:\\n1. ann · B');
    expect(channel).not.toContain('bob');

    const ann = await viewOf('slack:UANN');
    expect(ann).toContain('Grade B');
    expect(ann).toContain('Bonus: ¥10,000');
    expect(ann).toContain('Special award: Deal of the quarter');
    expect(ann).toMatch(/Team average [\d.]+; you \+/);
    expect(ann).toContain('No earlier quarter to compare with.');
    expect(ann).toContain('appeal until 2026-12-10: /appeal 2026-Q3 <your reason>');
    const bob = await viewOf('slack:UBOB');
    expect(bob).toContain('Grade D');
    expect(bob).toContain('HR will contact you about a performance plan');

    const mgr = await viewOf('slack:UMGR');
    expect(mgr).toContain('/interview @ann\\n/interview @bob');
    expect(mgr).toContain('bob (penalty flag)');

    const flag = await viewOf('slack:CHR');
    expect(flag).toContain('bob: grade D');
    expect(flag).toMatch(/• [^•]+: [\d.,¥]+ of [\d.,¥]+ \(score/);
    expect(flag).not.toContain('ann');
  });

  it('skips opted-out people among the top performers, and shows no amounts without a base bonus', async () => {
    await deps.store.settings.put({ id: 'cycle.policy', value: { baseBonus: null, appealWindowDays: 14, guideline: {}, topPerformers: 3 }, updatedAt: T0, updatedBy: 'hr' });
    await deps.store.settings.put({ id: 'ranking.privacy', value: { mode: 'full', topN: 10, optOut: ['ann'] }, updatedAt: T0, updatedBy: 'hr' });
    await publishResults(deps, p.hr, { period: '2026-Q3', platforms: SLACK });
    const channel = await viewOf('slack:CRESULTS');
    expect(channel).toContain('1. bob · D');
    expect(channel).not.toContain('ann');
    expect(await viewOf('slack:UANN')).not.toContain('Bonus: ');
    expect((await deps.store.results.find({ repId: 'ann' }))[0]!.bonusAmount).toBeUndefined();
  });

  it('names nobody when the ranking privacy is own-only', async () => {
    await deps.store.settings.put({ id: 'cycle.policy', value: { baseBonus: null, appealWindowDays: 14, guideline: {}, topPerformers: 3 }, updatedAt: T0, updatedBy: 'hr' });
    await deps.store.settings.put({ id: 'ranking.privacy', value: { mode: 'own_only', topN: 10, optOut: [] }, updatedAt: T0, updatedBy: 'hr' });
    await publishResults(deps, p.hr, { period: '2026-Q3', platforms: SLACK });
    const channel = await viewOf('slack:CRESULTS');
    expect(channel).not.toContain('Top performers');
    expect(channel).not.toMatch(/ann|bob/);
  });
});

describe('published results are immutable', () => {
  it('stay exactly the same after new data, a new template version and an adjustment; an accepted appeal adds v2 and leaves v1 alone', async () => {
    await publishResults(deps, p.hr, { period: '2026-Q3', platforms: SLACK });
    const frozen = structuredClone(await deps.store.results.find({ periodKey: '2026-Q3' }));
    const annCard = frozen.find((r) => r.repId === 'ann')!.scorecard;

    // Later changes to everything a score is computed from.
    await deps.store.deals.insert(aDeal({ id: 'd2', repId: 'ann', accountId: 'acme', amountBase: 3_000_000, units: 500, signedDate: '2026-09-20', dueDate: '2026-10-20' }));
    const base = defaultTemplate(T0);
    await deps.store.templates.put({ ...base, id: 'default@2', version: 2, grades: base.grades.map((g) => ({ ...g, minScore: Math.max(0, g.minScore - 30), bonusMultiplier: g.bonusMultiplier * 2 })) });
    await deps.store.adjustments.insert(anAdjustment({ id: 'adj-late', repId: 'ann', delta: 7, byId: 'hr' }));

    const live = (await scorePeriod(deps, parsePeriod('2026-Q3'))).reps.get('ann')!.card;
    expect(live.total).toBeGreaterThan(annCard.total); // the live score did move
    expect(await deps.store.results.find({ periodKey: '2026-Q3' })).toEqual(frozen);
    // /scorecard of the published quarter shows the frozen result, not the live score.
    expect((await getScorecard(deps, { actor: p.ann, repId: 'ann', period: parsePeriod('2026-Q3') })).card).toEqual(annCard);

    const { appeal } = await fileAppeal(deps, p.ann, { reason: 'the Acme deal was signed in the quarter', platforms: SLACK });
    await acceptAppeal(deps, p.hr, { ref: { appealId: appeal.id }, delta: '+2', reason: 'the deal was signed on 2026-09-20', platforms: SLACK });
    const after = await deps.store.results.find({ periodKey: '2026-Q3' });
    expect(after.filter((r) => r.version === 1)).toEqual(frozen);
    const v2 = after.find((r) => r.version === 2)!;
    expect(v2.repId).toBe('ann');
    // v2 is v1 plus the appeal's adjustment, graded with the template the result was scored with (v1), not the new one.
    expect(v2.scorecard.total).toBeCloseTo(annCard.total + 2, 6);
    expect(v2.scorecard.templateVersion).toBe(1);
    expect(v2.scorecard.adjustments.map((a) => a.delta)).toEqual([...annCard.adjustments.map((a) => a.delta), 2]);
  });
});

const EARLY = 'the annual summary is needed before the year ends';

describe('the annual publication', () => {
  it('publishes 2026 as the weighted mean of the published quarters, with the annual awards', async () => {
    await publishResults(deps, p.hr, { period: '2026-Q3', platforms: SLACK });
    // ann also has a published Q2; bob has none (his Q2 lacks data), so his year is his Q3.
    await deps.store.activities.insertMany(visits('ann', 'acme', 12, '2026-04-01', 'q2-'));
    await openCycle(deps, p.hr, { period: '2026-Q2' });
    await startReview(deps, p.hr, { period: '2026-Q2' });
    await publishResults(deps, p.hr, { period: '2026-Q2', platforms: SLACK });
    await openCycle(deps, p.hr, { period: '2026' });
    // The year is not over on the test's day (2026-11-26): HR overrides the calendar with a reason.
    await startReview(deps, p.hr, { period: '2026', early: EARLY });
    // "2026" ends the award: the year has a cycle, so it is the award's period.
    await awardAnswer(deps, p.hr, plainRequest('Rep of the year: the best collection rate all year 2026', SLACK, [p.ann]));
    const [award] = await deps.store.awards.find({ periodKey: '2026' });
    expect(award).toMatchObject({ title: 'Rep of the year', reason: 'the best collection rate all year', state: 'approved' });

    const q = async (period: string, rep: string) => (await deps.store.results.find({ periodKey: period, repId: rep }))[0]!.scorecard.total;
    const [annQ2, annQ3, bobQ3] = [await q('2026-Q2', 'ann'), await q('2026-Q3', 'ann'), await q('2026-Q3', 'bob')];
    const p2026 = await publishResults(deps, p.hr, { period: '2026', platforms: SLACK, early: EARLY });
    expect(p2026.results).toBe(2);
    const annual = Object.fromEntries((await deps.store.results.find({ periodKey: '2026' })).map((r) => [r.repId, r]));
    expect(annual.ann!.scorecard.total).toBe(roundScore((annQ2 + annQ3) / 2)); // equal quarter weights, renormalised over two quarters
    expect(annual.bob!.scorecard.total).toBe(bobQ3);
    expect(annual.ann!.awardIds).toEqual([award!.id]);
    const annDm = JSON.stringify((await deps.store.outbox.find({ job: 'publish-results', runKey: '2026:v1' })).find((o) => recipient(o) === 'slack:UANN')!.message.view);
    expect(annDm).toContain('Annual total: the weighted mean of your published quarters (2026-Q1 — · 2026-Q2');
    expect(annDm).toContain('× 50%');
    expect(annDm).toContain('Special award: Rep of the year');
  });
});
