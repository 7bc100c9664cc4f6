import { describe, expect, it } from 'vitest';
import type { IndicatorLine, Scorecard } from '../../src/domain/model/scorecard.js';
import { ScorecardSchema } from '../../src/domain/model/scorecard.js';
import { parsePeriod } from '../../src/domain/period.js';
import { computeScorecard, isAdditive } from '../../src/domain/scoring/scorecard.js';
import { indexTargets, resolveTargets } from '../../src/domain/scoring/targets.js';
import {
  aDefaultTemplate,
  anActuals,
  aRep,
  aTargetRecord,
  aSingleIndicatorTemplate,
  aSolidQuarter,
  aTarget,
  defaultQuarterTargets,
  repTargets,
} from './builders.js';

const Q3 = parsePeriod('2026-Q3');

function line(card: Scorecard, key: IndicatorLine['key']): IndicatorLine {
  const l = card.indicators.find((x) => x.key === key);
  if (!l) throw new Error(`no line ${key}`);
  return l;
}

function category(card: Scorecard, key: string) {
  const c = card.categories.find((x) => x.key === key);
  if (!c) throw new Error(`no category ${key}`);
  return c;
}

/** Checks a line's numbers to 4 decimals (float sums) and its flags exactly. */
function expectLine(
  l: IndicatorLine,
  e: { score: number | null; effectiveWeight: number; contribution: number; capped?: boolean; applied?: IndicatorLine['applied']; missing?: IndicatorLine['missing'] },
): void {
  if (e.score === null) expect(l.score).toBeNull();
  else expect(l.score).toBeCloseTo(e.score, 4);
  expect(l.effectiveWeight).toBeCloseTo(e.effectiveWeight, 4);
  expect(l.contribution).toBeCloseTo(e.contribution, 4);
  expect(l.capped).toBe(e.capped ?? false);
  expect(l.applied).toBe(e.applied ?? null);
  expect(l.missing).toBe(e.missing ?? null);
}

const sumEffectiveWeights = (card: Scorecard): number => card.indicators.reduce((s, l) => s + l.effectiveWeight, 0);

describe('a full scorecard on the default template', () => {
  const card = computeScorecard({
    template: aDefaultTemplate(),
    period: Q3,
    repId: 'rep-1',
    actuals: aSolidQuarter(),
    targets: defaultQuarterTargets(),
  });

  it('scores every indicator line', () => {
    // performance 60: revenue 50, volume 15, accounts 15, collection 20 → ew = 60 × w / 100
    // revenue 1.2M / 1.5M = 0.8 → 80; ew 30; 80 × 30 / 100 = 24
    expectLine(line(card, 'revenue'), { score: 80, effectiveWeight: 30, contribution: 24 });
    // volume 270 / 300 = 0.9 → 90; ew 9; 8.1
    expectLine(line(card, 'volume'), { score: 90, effectiveWeight: 9, contribution: 8.1 });
    // accounts 10 / 8 = 1.25 > cap 1.2 → 120, capped; ew 9; 10.8
    expectLine(line(card, 'accounts_served'), { score: 120, effectiveWeight: 9, contribution: 10.8, capped: true });
    // collection 0.85 / 1 → 85; ew 12; 10.2
    expectLine(line(card, 'collection_rate'), { score: 85, effectiveWeight: 12, contribution: 10.2 });
    // behaviour 30: visits 40, new customers 30, satisfaction 30
    // visits 30 / 36 = 0.8333 → 83.33; ew 12; 10
    expectLine(line(card, 'visits'), { score: 83.3333, effectiveWeight: 12, contribution: 10 });
    // new customers 1 / 2 → 50; ew 9; 4.5
    expectLine(line(card, 'new_customers'), { score: 50, effectiveWeight: 9, contribution: 4.5 });
    // satisfaction 8.5 / 2 = 4.25 → (4.25 − 1) / 4 = 81.25; ew 9; 7.3125
    expectLine(line(card, 'satisfaction'), { score: 81.25, effectiveWeight: 9, contribution: 7.3125 });
    // teamwork 10: collaboration 60, intel 40
    // collaboration 14 / 4 = 3.5 → 2.5 / 4 = 62.5; ew 6; 3.75
    expectLine(line(card, 'collaboration'), { score: 62.5, effectiveWeight: 6, contribution: 3.75 });
    // intel 3 / 6 → 50; ew 4; 2
    expectLine(line(card, 'intel_shared'), { score: 50, effectiveWeight: 4, contribution: 2 });
  });

  it('traces every actual to its inputs and target', () => {
    expect(line(card, 'collection_rate')).toMatchObject({
      category: 'performance',
      actual: 0.85,
      inputs: { collected: 850_000, due: 1_000_000 },
      target: 1,
      targetSource: 'template',
      proration: 1,
      scoring: { type: 'ratio', cap: 1 },
      weight: 20,
    });
    expect(line(card, 'satisfaction')).toMatchObject({ actual: 4.25, inputs: { sum: 8.5, count: 2 }, target: null, targetSource: null });
    expect(card.indicators.map((l) => l.key)).toEqual([
      'revenue',
      'volume',
      'accounts_served',
      'collection_rate',
      'visits',
      'new_customers',
      'satisfaction',
      'collaboration',
      'intel_shared',
    ]);
  });

  it('scores the categories', () => {
    // performance: .5×80 + .15×90 + .15×120 + .2×85 = 40 + 13.5 + 18 + 17 = 88.5; × 0.6 = 53.1
    expect(category(card, 'performance')).toMatchObject({ weight: 60, effectiveWeight: 60 });
    expect(category(card, 'performance').score).toBeCloseTo(88.5, 6);
    expect(category(card, 'performance').contribution).toBeCloseTo(53.1, 6);
    // behaviour: .4×83.333 + .3×50 + .3×81.25 = 33.333 + 15 + 24.375 = 72.7083; × 0.3 = 21.8125
    expect(category(card, 'behaviour').effectiveWeight).toBeCloseTo(30, 6);
    expect(category(card, 'behaviour').score).toBeCloseTo(72.7083, 4);
    expect(category(card, 'behaviour').contribution).toBeCloseTo(21.8125, 6);
    // teamwork: .6×62.5 + .4×50 = 37.5 + 20 = 57.5; × 0.1 = 5.75
    expect(category(card, 'teamwork').effectiveWeight).toBeCloseTo(10, 6);
    expect(category(card, 'teamwork').score).toBeCloseTo(57.5, 6);
    expect(category(card, 'teamwork').contribution).toBeCloseTo(5.75, 6);
  });

  it('totals, grades and flags', () => {
    // 53.1 + 21.8125 + 5.75 = 80.6625 → 80.66 → B (75 ≤ 80.66 < 90), bonus × 1
    expect(card).toMatchObject({
      repId: 'rep-1',
      periodKey: '2026-Q3',
      templateId: 'default',
      templateVersion: 1,
      baseTotal: 80.66,
      total: 80.66,
      adjustments: [],
      grade: 'B',
      bonusMultiplier: 1,
      penalty: false,
      noData: false,
    });
  });

  it('effective weights add up to 100 and contributions to the total', () => {
    expect(sumEffectiveWeights(card)).toBeCloseTo(100, 9);
    expect(card.indicators.reduce((s, l) => s + l.contribution, 0)).toBeCloseTo(80.6625, 9);
  });

  it('is a valid stored scorecard', () => {
    expect(ScorecardSchema.safeParse(card).success).toBe(true);
  });
});

describe('a rep who joined mid-quarter', () => {
  it('is scored against prorated targets, and the line says so', () => {
    // joined Aug 16 (day 47 of 92) → 46/92 = 0.5; team revenue target 2M → 1M; template visits 36 → 18
    const t = aDefaultTemplate();
    const targets = resolveTargets(
      t,
      Q3,
      aRep({ joinDate: '2026-08-16' }),
      indexTargets([aTargetRecord({ indicator: 'revenue', scope: 'team', scopeId: 'team-east', value: 2_000_000 })]),
    );
    const card = computeScorecard({
      template: t,
      period: Q3,
      repId: 'rep-1',
      actuals: anActuals({ revenue: 800_000, visits: 18 }),
      targets,
    });
    // 800k / 1M = 0.8 → 80; 18 / 18 → 100
    expect(line(card, 'revenue')).toMatchObject({ target: 1_000_000, targetSource: 'team', proration: 0.5, score: 80 });
    expect(line(card, 'visits')).toMatchObject({ target: 18, targetSource: 'template', proration: 0.5, score: 100 });
  });
});

describe('missing data', () => {
  it('exclude: an indicator without data is dropped and its category renormalised', () => {
    // nothing fell due → collection rate has no data; performance weights 50/15/15 over 80
    const card = computeScorecard({
      template: aDefaultTemplate(),
      period: Q3,
      repId: 'rep-1',
      actuals: aSolidQuarter({ due: 0, collected: 0 }),
      targets: defaultQuarterTargets(),
    });
    // revenue 60 × 50/80 = 37.5; volume, accounts 60 × 15/80 = 11.25
    expectLine(line(card, 'revenue'), { score: 80, effectiveWeight: 37.5, contribution: 30 }); // 80 × .375
    expectLine(line(card, 'volume'), { score: 90, effectiveWeight: 11.25, contribution: 10.125 });
    expectLine(line(card, 'accounts_served'), { score: 120, effectiveWeight: 11.25, contribution: 13.5, capped: true });
    expectLine(line(card, 'collection_rate'), { score: null, effectiveWeight: 0, contribution: 0, missing: 'no_data', applied: 'excluded' });
    expect(line(card, 'collection_rate').actual).toBeNull();
    // performance: (50×80 + 15×90 + 15×120) / 80 = (4000 + 1350 + 1800) / 80 = 89.375; × .6 = 53.625
    expect(category(card, 'performance').score).toBeCloseTo(89.375, 6);
    expect(category(card, 'performance').effectiveWeight).toBeCloseTo(60, 6);
    // other categories unchanged: 53.625 + 21.8125 + 5.75 = 81.1875 → 81.19
    expect(card.total).toBe(81.19);
    expect(card.grade).toBe('B');
    expect(sumEffectiveWeights(card)).toBeCloseTo(100, 9);
  });

  it('exclude: a category with nothing left shares its weight among the other categories', () => {
    // no peer reviews (collaboration: no data) and no intel target (intel: no target) → teamwork empty
    const card = computeScorecard({
      template: aDefaultTemplate(),
      period: Q3,
      repId: 'rep-1',
      actuals: aSolidQuarter({ due: 0, collected: 0, collaborationSum: 0, collaborationCount: 0 }),
      targets: defaultQuarterTargets({ intel_shared: aTarget(null) }),
    });
    expect(category(card, 'teamwork')).toEqual({ key: 'teamwork', weight: 10, effectiveWeight: 0, score: null, contribution: 0 });
    expectLine(line(card, 'collaboration'), { score: null, effectiveWeight: 0, contribution: 0, missing: 'no_data', applied: 'excluded' });
    expectLine(line(card, 'intel_shared'), { score: null, effectiveWeight: 0, contribution: 0, missing: 'no_target', applied: 'excluded' });
    expect(line(card, 'intel_shared').actual).toBe(3); // the data is there, the target is not
    // included categories 60 + 30 = 90: performance 60/90 = 66.67 %, behaviour 30/90 = 33.33 %
    expect(category(card, 'performance').effectiveWeight).toBeCloseTo(66.6667, 4);
    expect(category(card, 'behaviour').effectiveWeight).toBeCloseTo(33.3333, 4);
    // revenue 2/3 × 50/80 = 41.67 %; volume, accounts 2/3 × 15/80 = 12.5 %
    expectLine(line(card, 'revenue'), { score: 80, effectiveWeight: 41.6667, contribution: 33.3333 });
    expectLine(line(card, 'volume'), { score: 90, effectiveWeight: 12.5, contribution: 11.25 });
    // visits 1/3 × 40 % = 13.33 %; new customers, satisfaction 1/3 × 30 % = 10 %
    expectLine(line(card, 'visits'), { score: 83.3333, effectiveWeight: 13.3333, contribution: 11.1111 });
    expectLine(line(card, 'new_customers'), { score: 50, effectiveWeight: 10, contribution: 5 });
    expectLine(line(card, 'satisfaction'), { score: 81.25, effectiveWeight: 10, contribution: 8.125 });
    // 89.375 × 2/3 + 72.7083 × 1/3 = 59.5833 + 24.2361 = 83.8194 → 83.82
    expect(card.total).toBe(83.82);
    expect(sumEffectiveWeights(card)).toBeCloseTo(100, 9);
  });

  it('neutral: an indicator without data scores the stated value and keeps its weight', () => {
    // no customer feedback → satisfaction neutral 75 (a 4 out of 5)
    const card = computeScorecard({
      template: aDefaultTemplate(),
      period: Q3,
      repId: 'rep-1',
      actuals: aSolidQuarter({ satisfactionSum: 0, satisfactionCount: 0 }),
      targets: defaultQuarterTargets(),
    });
    expectLine(line(card, 'satisfaction'), { score: 75, effectiveWeight: 9, contribution: 6.75, missing: 'no_data', applied: 'neutral' });
    expect(line(card, 'satisfaction').actual).toBeNull();
    // behaviour: .4×83.333 + .3×50 + .3×75 = 33.333 + 15 + 22.5 = 70.8333; × .3 = 21.25
    expect(category(card, 'behaviour').score).toBeCloseTo(70.8333, 4);
    // 53.1 + 21.25 + 5.75 = 80.1
    expect(card.total).toBe(80.1);
    expect(sumEffectiveWeights(card)).toBeCloseTo(100, 9);
  });

  it('neutral also covers a missing target, and says so', () => {
    const t = aSingleIndicatorTemplate({ missing: { policy: 'neutral', score: 70 } });
    const card = computeScorecard({ template: t, period: Q3, repId: 'rep-1', actuals: anActuals({ revenue: 5_000 }), targets: {} });
    expectLine(line(card, 'revenue'), { score: 70, effectiveWeight: 100, contribution: 70, missing: 'no_target', applied: 'neutral' });
    expect(card).toMatchObject({ total: 70, grade: 'C', noData: false });
  });

  it('a normally scored line states that no policy was applied', () => {
    const card = computeScorecard({
      template: aDefaultTemplate(),
      period: Q3,
      repId: 'rep-1',
      actuals: aSolidQuarter(),
      targets: defaultQuarterTargets(),
    });
    expect(card.indicators.every((l) => l.applied === null && l.missing === null)).toBe(true);
  });

  it('when every category is excluded the rep is listed as lacking data', () => {
    // a revenue-only template with no revenue target: the only indicator is excluded
    const card = computeScorecard({
      template: aSingleIndicatorTemplate(),
      period: Q3,
      repId: 'rep-1',
      actuals: anActuals({ revenue: 5_000, visits: 3 }),
      targets: {},
    });
    expect(card.indicators[0]).toMatchObject({ applied: 'excluded', missing: 'no_target', effectiveWeight: 0, contribution: 0 });
    expect(sumEffectiveWeights(card)).toBe(0);
    expect(card).toMatchObject({ total: 0, noData: true, grade: '', bonusMultiplier: 0, penalty: false });
  });
});

describe('a rep with no records at all', () => {
  const card = computeScorecard({
    template: aDefaultTemplate(),
    period: Q3,
    repId: 'rep-new',
    actuals: anActuals(),
    targets: defaultQuarterTargets(),
  });

  it('gets no grade, no bonus and no penalty', () => {
    expect(card).toMatchObject({ noData: true, grade: '', bonusMultiplier: 0, penalty: false });
  });

  it('still shows what was computed (zeros, the neutral satisfaction and the exclusions)', () => {
    // behaviour: satisfaction neutral 75 × 30/100 = 22.5, × .3 = 6.75; everything else 0
    expect(card.total).toBe(6.75);
    expect(line(card, 'satisfaction').applied).toBe('neutral');
    expect(line(card, 'collection_rate').applied).toBe('excluded');
    expect(line(card, 'collaboration').applied).toBe('excluded');
  });
});

describe('calibration adjustments', () => {
  const base = {
    template: aDefaultTemplate(),
    period: Q3,
    repId: 'rep-1',
    actuals: aSolidQuarter(),
    targets: defaultQuarterTargets(),
  };

  it('are added to the base total and can change the grade', () => {
    const card = computeScorecard({
      ...base,
      adjustments: [
        { id: 'adj-1', delta: 6, reason: 'large deal signed on the last day', byId: 'mgr-1' },
        { id: 'adj-2', delta: 3.5, reason: 'covered a colleague on leave', byId: 'hr-1' },
      ],
    });
    // 80.66 + 6 + 3.5 = 90.16 → A, × 1.2
    expect(card).toMatchObject({ baseTotal: 80.66, total: 90.16, grade: 'A', bonusMultiplier: 1.2, penalty: false });
    expect(card.adjustments).toEqual([
      { id: 'adj-1', delta: 6, reason: 'large deal signed on the last day', by: 'mgr-1' },
      { id: 'adj-2', delta: 3.5, reason: 'covered a colleague on leave', by: 'hr-1' },
    ]);
  });

  it('never take the total below 0', () => {
    const card = computeScorecard({ ...base, adjustments: [{ id: 'adj-1', delta: -100, reason: 'data falsified, see HR case', byId: 'hr-1' }] });
    // 80.66 − 100 = −19.34 → 0 → D, penalty
    expect(card).toMatchObject({ baseTotal: 80.66, total: 0, grade: 'D', bonusMultiplier: 0, penalty: true });
  });
});

describe('grades, bonus and penalty from the total', () => {
  // a one-indicator template: total = revenue / 10,000 × 100 (one visit on record, so the rep
  // is graded even with no revenue)
  const t = aSingleIndicatorTemplate();
  const cardFor = (revenue: number) =>
    computeScorecard({ template: t, period: Q3, repId: 'rep-1', actuals: anActuals({ revenue, visits: 1 }), targets: { revenue: aTarget(10_000) } });

  it.each([
    // revenue, total, grade, bonus, penalty
    [12_000, 120, 'S', 1.5, false], // capped at 1.2
    [10_500, 105, 'S', 1.5, false],
    [10_499, 104.99, 'A', 1.2, false],
    [9_000, 90, 'A', 1.2, false],
    [8_999, 89.99, 'B', 1, false],
    [7_500, 75, 'B', 1, false],
    [7_499, 74.99, 'C', 0.6, false],
    [6_000, 60, 'C', 0.6, false],
    [5_999, 59.99, 'D', 0, true], // only the lowest grade raises the penalty
    [0, 0, 'D', 0, true],
  ])('revenue %i → %s → %s', (revenue, total, grade, bonusMultiplier, penalty) => {
    expect(cardFor(revenue)).toMatchObject({ total, grade, bonusMultiplier, penalty, noData: false });
  });
});

describe('totals that land on a grade boundary through float sums', () => {
  // default template with rep targets; everything at 75 % except revenue and visits:
  // volume 225/300, accounts 6/8, collection 75/100, new customers 3/4, satisfaction and
  // collaboration 4 → 75, intel 6/8. Their weights 9+9+12+9+9+6+4 = 58 % → 75 × .58 = 43.5.
  const t = aDefaultTemplate();
  const targets = repTargets({
    revenue: 1_800_000,
    volume: 300,
    accounts_served: 8,
    collection_rate: 1,
    visits: 36,
    new_customers: 4,
    intel_shared: 8,
  });
  const cardFor = (revenue: number) =>
    computeScorecard({
      template: t,
      period: Q3,
      repId: 'rep-1',
      targets,
      actuals: anActuals({
        revenue,
        volume: 225,
        accountsServed: 6,
        due: 100,
        collected: 75,
        visits: 24, // 24/36 = 66.67 → × .12 = 8
        newCustomers: 3,
        satisfactionSum: 8,
        satisfactionCount: 2,
        collaborationSum: 8,
        collaborationCount: 2,
        intel: 6,
      }),
    });

  it('exactly 75 (the float sum is 74.99999999999999) grades B', () => {
    // revenue 1,410,000 / 1,800,000 = 78.333 → × .3 = 23.5; 43.5 + 8 + 23.5 = 75
    expect(cardFor(1_410_000)).toMatchObject({ baseTotal: 75, total: 75, grade: 'B', bonusMultiplier: 1, penalty: false });
  });

  it('74.995 rounds half up to 75.00 and grades B', () => {
    // revenue 1,409,700 / 1,800,000 = 78.3167 → × .3 = 23.495; 43.5 + 8 + 23.495 = 74.995 → 75.00
    expect(cardFor(1_409_700)).toMatchObject({ baseTotal: 75, total: 75, grade: 'B', bonusMultiplier: 1 });
  });

  it('74.99 stays C', () => {
    // revenue 1,409,400 / 1,800,000 = 78.3 → × .3 = 23.49; 43.5 + 8 + 23.49 = 74.99
    expect(cardFor(1_409_400)).toMatchObject({ total: 74.99, grade: 'C', bonusMultiplier: 0.6, penalty: false });
  });
});

describe('isAdditive', () => {
  it('sums and counts are additive; ratios and ratings are not', () => {
    expect(isAdditive({ key: 'revenue' })).toBe(true);
    expect(isAdditive({ key: 'visits' })).toBe(true);
    expect(isAdditive({ key: 'intel_shared' })).toBe(true);
    expect(isAdditive({ key: 'collection_rate' })).toBe(false);
    expect(isAdditive({ key: 'satisfaction' })).toBe(false);
    expect(isAdditive({ key: 'collaboration' })).toBe(false);
  });
});
