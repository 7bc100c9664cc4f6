import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { frozenReport, latestResults } from '../../src/application/cycle/frozen-report.js';
import { publishResults } from '../../src/application/cycle/publish-results.js';
import { getRanking } from '../../src/application/get-ranking.js';
import { getScorecard } from '../../src/application/get-scorecard.js';
import { monthlyScorecard } from '../../src/application/jobs/monthly-scorecard.js';
import { historyOf, pastTotals } from '../../src/application/past-totals.js';
import { scorePeriod } from '../../src/application/score-period.js';
import { parsePeriod } from '../../src/domain/period.js';
import { workCalendar } from '../../src/domain/work-calendar.js';
import type { TrendChartSpec } from '../../src/views/trend-chart.js';
import { aPerson } from '../helpers/builders.js';
import { visits } from '../helpers/org.js';
import { rewardsQuarter, SLACK, type Deps } from './rewards-fixture.js';

/**
 * A quarter's history reads what was published for it, wherever it is shown. ann's 2026-Q3 was
 * published (grade B); then more Q3 visits were stored (a correction after publication), so the
 * quarter scored again would give another total. The live Q4 scorecard, the monthly round's trend
 * and the frozen report must all show the published figure, as the rep was told it.
 */
let deps: Deps;
let p: Awaited<ReturnType<typeof rewardsQuarter>>['people'];
const Q3 = parsePeriod('2026-Q3');
const Q4 = parsePeriod('2026-Q4');
let published: number;

beforeEach(async () => {
  ({ deps, people: p } = await rewardsQuarter());
  await publishResults(deps, p.hr, { period: '2026-Q3', platforms: SLACK });
  published = (await latestResults(deps, '2026-Q3', ['ann'])).get('ann')!.scorecard.total;
  await deps.store.activities.insertMany(visits('ann', 'acme', 40, '2026-09-01', 'ann-late-'));
});
afterEach(() => deps.cleanup());

const q3Of = (history: readonly { periodKey: string; total: number | null }[]) => history.find((h) => h.periodKey === '2026-Q3')!;

describe("a published quarter in later histories", () => {
  it('differs from the quarter scored again (the premise of the tests below)', async () => {
    const rescored = (await scorePeriod(deps, Q3, { reps: [p.ann] })).reps.get('ann')!.card.total;
    expect(rescored).not.toBe(published);
  });

  it('the live scorecard of the next quarter shows the published total and grade', async () => {
    const report = await getScorecard(deps, { actor: p.ann, repId: 'ann', period: Q4 });
    expect(q3Of(report.history)).toEqual({ periodKey: '2026-Q3', total: published, grade: 'B' });
  });

  it("the monthly round's trend chart shows the published total", async () => {
    const run = { date: '2026-12-01', runKey: '2026-12', platforms: SLACK, calendar: workCalendar({ holidays: [], makeUpDays: [] }) };
    const deliveries = await monthlyScorecard.plan(deps, run);
    const ann = deliveries.find((d) => d.target.kind === 'dm' && d.target.identity === 'slack:UANN')!;
    const chart = ann.message.chart as TrendChartSpec;
    expect(chart.points.find((x) => x.period === '2026-Q3')?.total).toBe(published);
  });

  it('reads the same as the frozen report of the quarter after', async () => {
    const live = await getScorecard(deps, { actor: p.ann, repId: 'ann', period: Q4 });
    const frozen = await frozenReport(deps, {
      rep: p.ann,
      team: null,
      result: { ...(await latestResults(deps, '2026-Q3', ['ann'])).get('ann')!, periodKey: '2026-Q4' },
    });
    expect(q3Of(frozen.history)).toEqual(q3Of(live.history));
  });
});

describe('the ranking of a published quarter', () => {
  it('ranks the published results, not the quarter scored again; reps it did not grade are unranked', async () => {
    const ranking = await getRanking(deps, p.hr, { period: Q3 });
    expect(ranking.entries.map((e) => [e.repId, e.total, e.grade])).toEqual([
      ['ann', published, 'B'],
      ['bob', (await latestResults(deps, '2026-Q3', ['bob'])).get('bob')!.scorecard.total, 'D'],
    ]);
    expect(ranking.unrankedNames).toEqual(['cat']);
    // The quarter not yet published ranks live.
    await deps.store.activities.insertMany(visits('cat', 'acme', 3, '2026-10-05', 'cat-q4-'));
    expect((await getRanking(deps, p.hr, { period: Q4 })).entries.map((e) => e.repId)).toContain('cat');
  });
});

describe('pastTotals', () => {
  it("reads a published period's latest versions, and no figure for a rep it did not grade", async () => {
    // dan was added to the org's records after Q3 was published, with Q3 visits: Q3 did not grade him.
    await deps.store.people.insert(aPerson({ id: 'dan', name: 'dan', teamId: 'east', managerId: 'mgr', joinDate: '2026-01-01' }));
    await deps.store.activities.insertMany(visits('dan', 'acme', 12, '2026-07-01'));
    const dan = (await deps.store.people.get('dan'))!;
    expect((await scorePeriod(deps, Q3, { reps: [dan] })).reps.get('dan')!.card.noData).toBe(false);
    // An accepted appeal publishes version 2: that one counts.
    const v1 = (await latestResults(deps, '2026-Q3', ['bob'])).get('bob')!;
    await deps.store.results.insert({ ...v1, id: 'bob-v2', version: 2, scorecard: { ...v1.scorecard, total: 71.5, grade: 'B' }, reason: 'appeal accepted' });

    const everyone = await deps.store.people.find();
    for (const who of [{ everyone }, { reps: [p.ann, p.bob, p.cat, dan] }]) {
      const [q3] = await pastTotals(deps, [Q3], who);
      expect(q3!.period.key).toBe('2026-Q3');
      expect(q3!.totals.get('ann')).toEqual({ total: published, grade: 'B' });
      expect(q3!.totals.get('bob')).toEqual({ total: 71.5, grade: 'B' });
      // cat had no data and was not graded; neither was dan.
      expect(historyOf([q3!], 'cat')).toEqual([{ periodKey: '2026-Q3', total: null, grade: '' }]);
      expect(historyOf([q3!], 'dan')).toEqual([{ periodKey: '2026-Q3', total: null, grade: '' }]);
    }
  });

  it('scores a period never published, for everybody at once, in the order asked', async () => {
    await deps.store.activities.insertMany(visits('bob', 'globex', 5, '2026-05-04', 'bob-q2-'));
    const bobQ2 = (await scorePeriod(deps, parsePeriod('2026-Q2'), { reps: [p.bob] })).reps.get('bob')!.card;
    const [q2, q3] = await pastTotals(deps, [parsePeriod('2026-Q2'), Q3], { everyone: await deps.store.people.find() });
    expect([q2!.period.key, q3!.period.key]).toEqual(['2026-Q2', '2026-Q3']);
    expect(q2!.totals.get('bob')).toEqual({ total: bobQ2.total, grade: bobQ2.grade });
    // Nothing else was logged in Q2: the other reps employed then have no figure; HR is not a rep.
    expect(q2!.totals.get('ann')).toEqual({ total: null, grade: '' });
    expect(q2!.totals.has('hr')).toBe(false);
    expect(q3!.totals.get('ann')).toEqual({ total: published, grade: 'B' });
  });
});
