import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/domain/period.js';
import { compare, nextGradeGap, pacing, projectActuals } from '../../src/domain/scoring/analysis.js';
import { computeScorecard } from '../../src/domain/scoring/scorecard.js';
import {
  aCard,
  aDefaultTemplate,
  anActuals,
  anIndicatorLine,
  aSingleIndicatorTemplate,
  aSolidQuarter,
  aTarget,
  defaultQuarterTargets,
} from './builders.js';

const Q3 = parsePeriod('2026-Q3'); // 92 days
const t = aDefaultTemplate();

describe('compare', () => {
  const team = [aCard({ repId: 'a', total: 80 }), aCard({ repId: 'b', total: 90 }), aCard({ repId: 'c', total: 70 })];
  const missing = aCard({ repId: 'd', total: 6.75, noData: true });

  it('against the team average of graded reps and the previous period', () => {
    // (80 + 90 + 70) / 3 = 80, the no-data card is left out; 90 − 80 = 10; 90 − 85.5 = 4.5
    const c = compare(team[1]!, [...team, missing], aCard({ repId: 'b', total: 85.5 }));
    expect(c).toEqual({ teamAverage: 80, vsTeam: 10, previousTotal: 85.5, vsPrevious: 4.5 });
  });

  it('rounds the average and the differences to two decimals', () => {
    // (80 + 85 + 86) / 3 = 83.667 → 83.67; 80 − 83.67 = −3.67; 80 − 80.1 = −0.1
    const cards = [aCard({ repId: 'a', total: 80 }), aCard({ repId: 'b', total: 85 }), aCard({ repId: 'c', total: 86 })];
    expect(compare(cards[0]!, cards, aCard({ repId: 'a', total: 80.1 }))).toEqual({
      teamAverage: 83.67,
      vsTeam: -3.67,
      previousTotal: 80.1,
      vsPrevious: -0.1,
    });
  });

  it('no previous period, or a previous period without data → no history comparison', () => {
    expect(compare(team[0]!, team, null)).toMatchObject({ previousTotal: null, vsPrevious: null });
    expect(compare(team[0]!, team, aCard({ repId: 'a', total: 6.75, noData: true }))).toMatchObject({ previousTotal: null, vsPrevious: null });
  });

  it('a rep without data is compared with nothing, but the team average is still shown', () => {
    expect(compare(missing, [...team, missing], aCard({ repId: 'd', total: 70 }))).toEqual({
      teamAverage: 80,
      vsTeam: null,
      previousTotal: 70,
      vsPrevious: null,
    });
  });

  it('a team without graded reps has no average', () => {
    expect(compare(team[0]!, [missing], null)).toEqual({ teamAverage: null, vsTeam: null, previousTotal: null, vsPrevious: null });
  });
});

describe('projectActuals', () => {
  const a = anActuals({
    revenue: 600_000,
    volume: 120,
    accountsServed: 5,
    due: 400_000,
    collected: 360_000,
    visits: 15,
    newCustomers: 1,
    satisfactionSum: 8,
    satisfactionCount: 2,
    collaborationSum: 8,
    collaborationCount: 2,
    intel: 2,
    weightedVisits: 10,
    keyAccountsOwned: 4,
    keyAccountsCovered: 3,
    peerReviewsWithheld: 0,
    peerReviewFloor: 0,
    selfRatingSum: 0,
    selfRatingCount: 0,
  });

  it('halfway through, sums and counts double; ratios and ratings stay flat', () => {
    expect(projectActuals(a, 0.5)).toEqual({
      revenue: 1_200_000,
      volume: 240,
      accountsServed: 10,
      due: 400_000,
      collected: 360_000,
      visits: 30,
      newCustomers: 2,
      satisfactionSum: 8,
      satisfactionCount: 2,
      collaborationSum: 8,
      collaborationCount: 2,
      intel: 4,
      // Tier-weighted visits grow like visits; key-account coverage is a state, not a sum.
      weightedVisits: 20,
      keyAccountsOwned: 4,
      keyAccountsCovered: 3,
      peerReviewsWithheld: 0,
      peerReviewFloor: 0,
      selfRatingSum: 0,
      selfRatingCount: 0,
    });
  });

  it('a quarter of the way through, ×4', () => {
    expect(projectActuals(a, 0.25)).toMatchObject({ revenue: 2_400_000, visits: 60, due: 400_000 });
  });

  it('before the start or after the end, the actuals are returned as they are (a copy)', () => {
    const before = projectActuals(a, 0);
    expect(before).toEqual(a);
    expect(before).not.toBe(a);
    expect(projectActuals(a, 1)).toEqual(a);
  });
});

describe('pacing halfway through a quarter', () => {
  // 2026-08-15 is day 46 of 92 → 0.5
  const actuals = anActuals({
    revenue: 600_000,
    volume: 120,
    accountsServed: 5,
    due: 400_000,
    collected: 360_000,
    visits: 15,
    newCustomers: 1,
    satisfactionSum: 8,
    satisfactionCount: 2,
    collaborationSum: 8,
    collaborationCount: 2,
    intel: 2,
  });
  const p = pacing(t, Q3, '2026-08-15', 'rep-1', actuals, defaultQuarterTargets());

  it('knows how much of the quarter has gone', () => {
    expect(p.elapsed).toBe(0.5);
  });

  it('scores the projection to the quarter end', () => {
    // performance: revenue 1.2M/1.5M 80 ×.5 = 40; volume 240/300 80 ×.15 = 12; accounts 10/8 → 120 ×.15 = 18;
    //   collection 360k/400k 90 ×.2 = 18 → 88 × .6 = 52.8
    // behaviour: visits 30/36 83.33 ×.4 = 33.33; new 2/2 100 ×.3 = 30; satisfaction 4 → 75 ×.3 = 22.5 → 85.83 × .3 = 25.75
    // teamwork: collaboration 4 → 75 ×.6 = 45; intel 4/6 66.67 ×.4 = 26.67 → 71.67 × .1 = 7.1667
    // 52.8 + 25.75 + 7.1667 = 85.7167 → 85.72 → B
    expect(p.projected).toMatchObject({ total: 85.72, grade: 'B', noData: false });
  });

  it('says per indicator whether the run rate reaches the target', () => {
    expect(p.indicators).toEqual([
      { key: 'revenue', actual: 600_000, projected: 1_200_000, target: 1_500_000, onPace: false },
      { key: 'volume', actual: 120, projected: 240, target: 300, onPace: false },
      { key: 'accounts_served', actual: 5, projected: 10, target: 8, onPace: true },
      { key: 'collection_rate', actual: 0.9, projected: 0.9, target: 1, onPace: false },
      { key: 'visits', actual: 15, projected: 30, target: 36, onPace: false },
      { key: 'new_customers', actual: 1, projected: 2, target: 2, onPace: true }, // exactly on target
      { key: 'satisfaction', actual: 4, projected: 4, target: null, onPace: null },
      { key: 'collaboration', actual: 4, projected: 4, target: null, onPace: null },
      { key: 'intel_shared', actual: 2, projected: 4, target: 6, onPace: false },
    ]);
  });

  it('says what it takes to reach the next grade', () => {
    // A needs 90: 90 − 85.72 = 4.28 points
    // revenue: 30 % weight / 1.5M = 0.00002 points per ¥; headroom (120 − 80) × .3 = 12 → 4.28 / 0.00002 = 214,000
    // volume: headroom (120 − 80) × .09 = 3.6 < 4.28 → no option
    // accounts: at its cap (120) → no option
    // visits: 12 % / 36 = 1/3 point per visit; headroom (120 − 83.33) × .12 = 4.4 → 4.28 × 3 = 12.84 → 13 visits
    // new customers: 9 % / 2 = 4.5 points each; headroom (150 − 100) × .09 = 4.5 → 4.28 / 4.5 = 0.95 → 1
    // intel: headroom (120 − 66.67) × .04 = 2.13 < 4.28 → no option
    expect(p.nextGrade).toEqual({
      grade: 'A',
      pointsNeeded: 4.28,
      options: [
        { indicator: 'revenue', more: 214_000 },
        { indicator: 'visits', more: 13 },
        { indicator: 'new_customers', more: 1 },
      ],
    });
  });

  it('before the quarter starts nothing is projected', () => {
    const early = pacing(t, Q3, '2026-06-20', 'rep-1', actuals, defaultQuarterTargets());
    expect(early.elapsed).toBe(0);
    expect(early.indicators[0]).toEqual({ key: 'revenue', actual: 600_000, projected: 600_000, target: 1_500_000, onPace: false });
  });

  it('lower is better for an inverse indicator', () => {
    // a one-indicator template scoring volume inversely against 100: 40 by mid-quarter → 80 ≤ 100
    const inv = aSingleIndicatorTemplate({ key: 'volume', scoring: { type: 'inverse', cap: 2 }, defaultTarget: 100 });
    const ok = pacing(inv, Q3, '2026-08-15', 'rep-1', anActuals({ volume: 40 }), { volume: aTarget(100) });
    expect(ok.indicators).toEqual([{ key: 'volume', actual: 40, projected: 80, target: 100, onPace: true }]);
    // 100 / 80 = 1.25 → 125
    expect(ok.projected.total).toBe(125);
    const late = pacing(inv, Q3, '2026-08-15', 'rep-1', anActuals({ volume: 60 }), { volume: aTarget(100) });
    expect(late.indicators[0]?.onPace).toBe(false); // 120 > 100
  });
});

describe('nextGradeGap', () => {
  const B = (total: number, indicators = [anIndicatorLine({ key: 'visits', actual: 18, target: 36, score: 50, effectiveWeight: 12 })]) =>
    aCard({ repId: 'rep-1', total, grade: 'B', indicators });

  it('a full scorecard: only revenue can close a gap of 9.34 points alone', () => {
    const card = computeScorecard({ template: t, period: Q3, repId: 'rep-1', actuals: aSolidQuarter(), targets: defaultQuarterTargets() });
    // 90 − 80.66 = 9.34; revenue headroom (120 − 80) × .3 = 12 → 9.34 / (30 / 1.5M) = 467,000
    // new customers headroom (150 − 50) × .09 = 9 < 9.34; visits (120 − 83.33) × .12 = 4.4; others less
    expect(nextGradeGap(t, card)).toEqual({ grade: 'A', pointsNeeded: 9.34, options: [{ indicator: 'revenue', more: 467_000 }] });
  });

  it('counts are rounded up to whole units, an exact count is not', () => {
    // 0.5 points at 1/3 point per visit = 1.5 → 2 visits
    expect(nextGradeGap(t, B(89.5))?.options).toEqual([{ indicator: 'visits', more: 2 }]);
    // 1 point at 1/3 point per visit = 3 visits exactly
    expect(nextGradeGap(t, B(89))?.options).toEqual([{ indicator: 'visits', more: 3 }]);
  });

  it('amounts are rounded up to the cent', () => {
    // 90 − 88.77 = 1.23 points at 30 % / 1.5M = 0.00002 points per ¥ → ¥61,500
    const card = B(88.77, [anIndicatorLine({ key: 'revenue', actual: 1_000_000, target: 1_500_000, score: 66.6667, effectiveWeight: 30 })]);
    expect(nextGradeGap(t, card)).toEqual({ grade: 'A', pointsNeeded: 1.23, options: [{ indicator: 'revenue', more: 61_500 }] });
    // a target of 7,000,000: 0.00000428571 points per ¥ → 1.23 / (30 / 7M) = 287,000
    const odd = B(88.77, [anIndicatorLine({ key: 'revenue', actual: 1_000_000, target: 7_000_000, score: 14.2857, effectiveWeight: 30 })]);
    expect(nextGradeGap(t, odd)?.options).toEqual([{ indicator: 'revenue', more: 287_000 }]);
    // 1 point with a 3,000,001 target: 1 / (30 / 3,000,001) = 100,000.0333 → 100,000.04
    const cents = B(89, [anIndicatorLine({ key: 'revenue', actual: 1_000_000, target: 3_000_001, score: 33.3333, effectiveWeight: 30 })]);
    expect(nextGradeGap(t, cents)?.options).toEqual([{ indicator: 'revenue', more: 100_000.04 }]);
  });

  it('an indicator at its cap offers nothing; one whose headroom is too small offers nothing', () => {
    const card = B(89, [
      anIndicatorLine({ key: 'accounts_served', actual: 10, target: 8, score: 120, capped: true, effectiveWeight: 9 }),
      // headroom (120 − 110) × .04 = 0.4 < 1 point needed
      anIndicatorLine({ key: 'intel_shared', actual: 11, target: 10, score: 110, effectiveWeight: 4 }),
      // headroom (120 − 110) × .12 = 1.2 ≥ 1: 1 / (12 / 36) = 3 visits
      anIndicatorLine({ key: 'visits', actual: 39.6, target: 36, score: 110, effectiveWeight: 12 }),
    ]);
    expect(nextGradeGap(t, card)).toEqual({ grade: 'A', pointsNeeded: 1, options: [{ indicator: 'visits', more: 3 }] });
  });

  it('headroom exactly equal to the gap is enough', () => {
    // headroom (120 − 110) × .12 = 1.2 = the gap; 1.2 × 3 = 3.6 → 4 visits
    const card = B(88.8, [anIndicatorLine({ key: 'visits', actual: 39.6, target: 36, score: 110, effectiveWeight: 12 })]);
    expect(nextGradeGap(t, card)?.options).toEqual([{ indicator: 'visits', more: 4 }]);
  });

  it('only additive indicators scored by ratio against a target are offered', () => {
    const card = B(89.5, [
      // collection rate is a ratio, not something more of which can be done: no option
      anIndicatorLine({ key: 'collection_rate', actual: 0.5, target: 1, score: 50, effectiveWeight: 12, scoring: { type: 'ratio', cap: 1 } }),
      // rated, no target
      anIndicatorLine({ key: 'satisfaction', actual: 3, target: null, score: 50, effectiveWeight: 9, scoring: { type: 'rating', min: 1, max: 5 } }),
      // scored neutral for lack of data
      anIndicatorLine({ key: 'intel_shared', actual: 0, target: null, score: 75, effectiveWeight: 4, applied: 'neutral', missing: 'no_target' }),
      // excluded
      anIndicatorLine({ key: 'volume', actual: 10, target: null, score: null, effectiveWeight: 0, applied: 'excluded', missing: 'no_target' }),
      anIndicatorLine({ key: 'visits', actual: 18, target: 36, score: 50, effectiveWeight: 12 }),
    ]);
    expect(nextGradeGap(t, card)).toEqual({ grade: 'A', pointsNeeded: 0.5, options: [{ indicator: 'visits', more: 2 }] });
  });

  it('no options when nothing can close the gap alone', () => {
    const card = B(75, [anIndicatorLine({ key: 'visits', actual: 18, target: 36, score: 50, effectiveWeight: 12 })]);
    // 15 points needed; visits headroom (120 − 50) × .12 = 8.4
    expect(nextGradeGap(t, card)).toEqual({ grade: 'A', pointsNeeded: 15, options: [] });
  });

  it('nothing above the top grade, nothing for a card without data', () => {
    expect(nextGradeGap(t, aCard({ repId: 'rep-1', total: 110, grade: 'S' }))).toBeNull();
    expect(nextGradeGap(t, aCard({ repId: 'rep-1', total: 6.75, noData: true }))).toBeNull();
  });

  it('from D the next grade is C', () => {
    const card = aCard({
      repId: 'rep-1',
      total: 59,
      grade: 'D',
      indicators: [anIndicatorLine({ key: 'visits', actual: 18, target: 36, score: 50, effectiveWeight: 12 })],
    });
    // 1 point → 3 visits
    expect(nextGradeGap(t, card)).toEqual({ grade: 'C', pointsNeeded: 1, options: [{ indicator: 'visits', more: 3 }] });
  });
});

describe('pacing with the elapsed share remembered for the last period and day (issue 16)', () => {
  it('gives each period and day its own share, however they alternate', () => {
    const Q4 = parsePeriod('2026-Q4'); // 92 days
    const actuals = anActuals({ visits: 10 });
    for (let round = 0; round < 2; round++) {
      expect(pacing(t, Q3, '2026-08-15', 'rep-1', actuals, defaultQuarterTargets()).elapsed).toBeCloseTo(46 / 92, 12);
      expect(pacing(t, Q3, '2026-07-01', 'rep-1', actuals, defaultQuarterTargets()).elapsed).toBeCloseTo(1 / 92, 12);
      expect(pacing(t, Q4, '2026-11-15', 'rep-1', actuals, defaultQuarterTargets()).elapsed).toBeCloseTo(46 / 92, 12);
      expect(pacing(t, Q4, '2026-10-01', 'rep-1', actuals, defaultQuarterTargets()).elapsed).toBeCloseTo(1 / 92, 12);
      expect(pacing(t, Q3, '2026-10-01', 'rep-1', actuals, defaultQuarterTargets()).elapsed).toBe(1);
    }
  });
});
