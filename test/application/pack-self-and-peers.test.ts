import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { calibrate } from '../../src/application/cycle/calibration-pack.js';
import { openCycle } from '../../src/application/cycle/open-cycle.js';
import { publishResults } from '../../src/application/cycle/publish-results.js';
import { submitSelfReview } from '../../src/application/cycle/self-review.js';
import { startReview } from '../../src/application/cycle/start-review.js';
import { getScorecard } from '../../src/application/get-scorecard.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import { aPeerReview } from '../helpers/builders.js';
import { person, smallOrg, T0, visits } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';
import { parsePeriod } from '../../src/domain/period.js';
import { scorePeriod } from '../../src/application/score-period.js';
import { interviewAnswer } from '../../src/chat/interviews.js';
import { plainRequest } from '../../src/chat/review.js';

/**
 * Issue 8 in the calibration pack: self-reviews shown beside the computed score (and nowhere a
 * colleague or the channel could read them), and the suspicious peer-review patterns flagged.
 */
let deps: ReturnType<typeof testDeps>;
const EARLY = 'the test calibrates the quarter before it ends';
const get = async (id: string) => (await deps.store.people.get(id))!;

beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z');
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  await deps.store.people.insertMany([person('dan', { teamId: 'east', managerId: 'mgr', name: 'Dan' })]);
  for (const id of ['ann', 'bob', 'hr']) await deps.store.people.put({ ...(await get(id)), identities: [`slack:U${id.toUpperCase()}`] });
  await deps.store.settings.put({ id: 'channels', value: { results: ['slack:CRESULTS'], 'hr-private': ['slack:CHR'] }, updatedAt: T0 });
  await deps.store.activities.insertMany([...visits('ann', 'acme', 30, '2026-10-01'), ...visits('bob', 'globex', 20, '2026-10-01'), ...visits('dan', 'acme', 10, '2026-10-01', 'd')]);
  const review = (id: string, fromId: string, toId: string, collaboration: number, periodKey = '2026-Q4') =>
    deps.store.peerReviews.insert(aPeerReview({ id, fromId, toId, periodKey, collaboration, date: '2026-11-20' }));
  // ann and bob: 5 for each other now and last quarter. dan: 3 for everyone.
  await review('p1', 'ann', 'bob', 5);
  await review('p2', 'bob', 'ann', 5);
  await review('p3', 'ann', 'bob', 5, '2026-Q3');
  await review('p4', 'bob', 'ann', 5, '2026-Q3');
  await review('p5', 'dan', 'ann', 3);
  await review('p6', 'dan', 'bob', 3);
  await review('p7', 'cat', 'dan', 4);
  await review('p8', 'dan', 'cat', 3);
  await openCycle(deps, await get('hr'), { period: '2026-Q4' });
  await submitSelfReview(deps, await get('ann'), { ratings: { performance: 5, behaviour: 4, teamwork: 5 }, comment: 'Best quarter so far' });
  // Calibrated mid-quarter on purpose: HR overrides the calendar with a reason.
  await startReview(deps, await get('hr'), { period: '2026-Q4', early: EARLY });
});
afterEach(() => deps.cleanup());

describe('the calibration pack (issue 8)', () => {
  it('shows self-reviews beside the scores and flags the peer-review patterns', async () => {
    const { pack } = await calibrate(deps, await get('hr'), { period: '2026-Q4', platforms: ['slack'] });
    expect(pack.selfReviews).toEqual([{ name: 'ann', performance: 5, behaviour: 4, teamwork: 5, comment: 'Best quarter so far' }]);
    expect(pack.peerFlags).toEqual([
      { kind: 'mutual-top', names: ['ann', 'bob'], periods: 2 },
      { kind: 'same-rating', reviewer: 'Dan', rating: 3, count: 3 },
    ]);
    const [post] = await deps.store.outbox.find({ job: 'cycle-calibrate' });
    const text = JSON.stringify(post!.message.view);
    expect(text).toContain('Best quarter so far');
    expect(text).toContain('ann and bob gave each other the top rating, every time they reviewed each other (2 periods)');
    expect(text).toContain('Dan gave all 3 of their reviews the same rating (3)');
  });

  it('keeps the self-review out of the score, the rep’s scorecard, the published results and the channel summary', async () => {
    const before = (await getScorecard(deps, { actor: await get('ann'), repId: 'ann', period: parsePeriod('2026-Q4') })).card.total;
    await deps.store.selfReviews.put({ ...(await deps.store.selfReviews.find({}))[0]!, ratings: { performance: 1, behaviour: 1, teamwork: 1 } });
    const after = await getScorecard(deps, { actor: await get('bob'), repId: 'bob', period: parsePeriod('2026-Q4') });
    expect((await getScorecard(deps, { actor: await get('ann'), repId: 'ann', period: parsePeriod('2026-Q4') })).card.total).toBe(before);
    expect(JSON.stringify(after)).not.toContain('Best quarter so far');
    await publishResults(deps, await get('hr'), { period: '2026-Q4', platforms: ['slack'], early: EARLY });
    const published = JSON.stringify(await deps.store.outbox.find({ job: 'publish-results' }));
    expect(published).not.toContain('Best quarter so far');
    expect(JSON.stringify(await deps.store.results.find({}))).not.toContain('Best quarter so far');
  });

  it('shows the self-review to the manager preparing the interview, not to a colleague', async () => {
    await publishResults(deps, await get('hr'), { period: '2026-Q4', platforms: ['slack'], early: EARLY });
    const preview = await interviewAnswer(deps, await get('mgr'), plainRequest('plan', ['slack'], [await get('ann')]));
    expect(JSON.stringify(preview.view)).toContain('Self-review: performance 5, behaviour 4, teamwork 5 — Best quarter so far');
    await expect(interviewAnswer(deps, await get('bob'), plainRequest('plan', ['slack'], [await get('ann')]))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('counts in the score only when a template gives it a weight', async () => {
    const base = (await deps.store.templates.find({}))[0]!;
    const weighted = {
      ...base,
      categories: base.categories.map((c) =>
        c.key !== 'teamwork'
          ? c
          : { ...c, indicators: [...c.indicators.map((i) => ({ ...i, weight: i.weight * 0.8 })), { key: 'self_review' as const, weight: 20, scoring: { type: 'rating' as const, min: 1, max: 5 }, missing: { policy: 'exclude' as const } }] },
      ),
    };
    const plain = await scorePeriod(deps, parsePeriod('2026-Q4'));
    expect(plain.reps.get('ann')!.card.indicators.some((i) => i.key === 'self_review')).toBe(false);
    const scored = await scorePeriod(deps, parsePeriod('2026-Q4'), { template: weighted });
    const line = scored.reps.get('ann')!.card.indicators.find((i) => i.key === 'self_review')!;
    // (5 + 4 + 5) / 3 = 4.67 on 1–5 → (4.67 − 1) / 4 × 100 = 91.67
    expect(line.actual).toBeCloseTo(14 / 3, 10);
    expect(line.score).toBeCloseTo(((14 / 3 - 1) / 4) * 100, 6);
    expect(scored.reps.get('bob')!.card.indicators.find((i) => i.key === 'self_review')!.applied).toBe('excluded');
  });
});
