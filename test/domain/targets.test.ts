import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/domain/period.js';
import { employedShare, indexTargets, resolveTargets, templateTarget } from '../../src/domain/scoring/targets.js';
import type { IndicatorSpec } from '../../src/domain/model/template.js';
import { aDefaultTemplate, aRep, aTargetRecord } from './builders.js';

const Q3 = parsePeriod('2026-Q3'); // Jul 1 – Sep 30, 92 days
const Y2026 = parsePeriod('2026'); // 365 days
const t = aDefaultTemplate();
const spec = (key: IndicatorSpec['key']): IndicatorSpec => {
  const s = t.categories.flatMap((c) => c.indicators).find((i) => i.key === key);
  if (!s) throw new Error(key);
  return s;
};

describe('employedShare', () => {
  it('is 1 for a rep employed throughout', () => {
    expect(employedShare(aRep({ joinDate: '2020-01-01' }), Q3)).toBe(1);
    expect(employedShare(aRep({ joinDate: '2026-07-01', leaveDate: '2026-09-30' }), Q3)).toBe(1);
  });

  it('joined on the 47th day of a 92-day quarter → 46/92', () => {
    // Aug 16 is day 31 + 16 = 47; Aug 16 … Sep 30 = 16 + 30 = 46 days
    expect(employedShare(aRep({ joinDate: '2026-08-16' }), Q3)).toBe(0.5);
  });

  it('left during the quarter: the leave day counts', () => {
    // Jul 1 … Jul 31 = 31 days → 31/92
    expect(employedShare(aRep({ leaveDate: '2026-07-31' }), Q3)).toBeCloseTo(31 / 92, 12);
  });

  it('joined and left within the quarter', () => {
    // Aug 1 … Aug 31 = 31 days → 31/92
    expect(employedShare(aRep({ joinDate: '2026-08-01', leaveDate: '2026-08-31' }), Q3)).toBeCloseTo(31 / 92, 12);
    // a single day: 1/92
    expect(employedShare(aRep({ joinDate: '2026-09-30', leaveDate: '2026-09-30' }), Q3)).toBeCloseTo(1 / 92, 12);
  });

  it('is 0 when the rep was not there at all', () => {
    expect(employedShare(aRep({ joinDate: '2026-10-01' }), Q3)).toBe(0);
    expect(employedShare(aRep({ joinDate: '2020-01-01', leaveDate: '2026-06-30' }), Q3)).toBe(0);
  });

  it('uses the leap-year quarter length', () => {
    // 2028-Q1 has 91 days; joined Mar 1 → Mar 1 … Mar 31 = 31/91
    expect(employedShare(aRep({ joinDate: '2028-03-01' }), parsePeriod('2028-Q1'))).toBeCloseTo(31 / 91, 12);
  });
});

describe('templateTarget', () => {
  it('a quarter uses the default as written', () => {
    expect(templateTarget(spec('revenue'), Q3)).toBe(1_500_000);
    expect(templateTarget(spec('collection_rate'), Q3)).toBe(1);
  });

  it('a year is 4× for sums and counts, the same for ratios', () => {
    expect(templateTarget(spec('revenue'), Y2026)).toBe(6_000_000); // 1.5M × 4
    expect(templateTarget(spec('volume'), Y2026)).toBe(1_200); // 300 × 4
    expect(templateTarget(spec('accounts_served'), Y2026)).toBe(32); // 8 × 4
    expect(templateTarget(spec('visits'), Y2026)).toBe(144); // 36 × 4
    expect(templateTarget(spec('new_customers'), Y2026)).toBe(8); // 2 × 4
    expect(templateTarget(spec('intel_shared'), Y2026)).toBe(24); // 6 × 4
    expect(templateTarget(spec('collection_rate'), Y2026)).toBe(1); // a rate stays a rate
  });

  it('no default target → null', () => {
    expect(templateTarget(spec('satisfaction'), Q3)).toBeNull();
    expect(templateTarget(spec('collaboration'), Y2026)).toBeNull();
  });
});

describe('indexTargets', () => {
  it('keys targets by scope, scope id and indicator', () => {
    const idx = indexTargets([
      aTargetRecord({ indicator: 'revenue', scope: 'team', scopeId: 'team-east', value: 2_000_000 }),
      aTargetRecord({ indicator: 'visits', scope: 'rep', scopeId: 'rep-1', value: 40 }),
    ]);
    expect([...idx.entries()]).toEqual([
      ['team:team-east:revenue', 2_000_000],
      ['rep:rep-1:visits', 40],
    ]);
  });
});

describe('resolveTargets', () => {
  const idx = indexTargets([
    aTargetRecord({ indicator: 'revenue', scope: 'team', scopeId: 'team-east', value: 2_000_000 }),
    aTargetRecord({ indicator: 'visits', scope: 'team', scopeId: 'team-east', value: 40 }),
    aTargetRecord({ indicator: 'revenue', scope: 'rep', scopeId: 'rep-1', value: 1_800_000 }),
    aTargetRecord({ indicator: 'volume', scope: 'team', scopeId: 'team-west', value: 999 }),
  ]);

  it('rep > team > template', () => {
    const m = resolveTargets(t, Q3, aRep(), idx);
    expect(m.revenue).toEqual({ value: 1_800_000, source: 'rep', proration: 1 }); // the rep's own wins over the team's 2M
    expect(m.visits).toEqual({ value: 40, source: 'team', proration: 1 }); // the team's wins over the template's 36
    expect(m.volume).toEqual({ value: 300, source: 'template', proration: 1 }); // another team's target does not apply
    expect(m.collection_rate).toEqual({ value: 1, source: 'template', proration: 1 });
    expect(m.satisfaction).toEqual({ value: null, source: null, proration: 1 }); // rated, no target
  });

  it('a team target reaches every rep of the team, a rep target only its rep', () => {
    const m = resolveTargets(t, Q3, aRep({ id: 'rep-2' }), idx);
    expect(m.revenue).toEqual({ value: 2_000_000, source: 'team', proration: 1 });
  });

  it('a rep without a team gets the template target', () => {
    const m = resolveTargets(t, Q3, aRep({ id: 'rep-3', teamId: undefined }), idx);
    expect(m.revenue).toEqual({ value: 1_500_000, source: 'template', proration: 1 });
    expect(m.visits).toEqual({ value: 36, source: 'template', proration: 1 });
  });

  it('prorates team and template targets for a mid-quarter joiner, not the rep’s own', () => {
    // joined Aug 16 → 46/92 = 0.5
    const m = resolveTargets(t, Q3, aRep({ id: 'rep-2', joinDate: '2026-08-16' }), idx);
    expect(m.revenue).toEqual({ value: 1_000_000, source: 'team', proration: 0.5 }); // 2M × 0.5
    expect(m.visits).toEqual({ value: 20, source: 'team', proration: 0.5 }); // 40 × 0.5
    expect(m.volume).toEqual({ value: 150, source: 'template', proration: 0.5 }); // 300 × 0.5
    expect(m.satisfaction).toEqual({ value: null, source: null, proration: 1 }); // a rating: nothing to prorate
    const own = resolveTargets(t, Q3, aRep({ id: 'rep-1', joinDate: '2026-08-16' }), idx);
    expect(own.revenue).toEqual({ value: 1_800_000, source: 'rep', proration: 1 }); // set for them, as is
  });

  it('prorates for a rep who left mid-quarter', () => {
    // left Jul 31 → 31/92; template revenue 1.5M × 31/92 = 505,434.78
    const m = resolveTargets(t, Q3, aRep({ id: 'rep-9', teamId: undefined, leaveDate: '2026-07-31' }), idx);
    expect(m.revenue?.value).toBeCloseTo(505_434.78, 2);
    expect(m.revenue?.source).toBe('template');
    expect(m.revenue?.proration).toBeCloseTo(0.3369565, 6);
  });

  it('does not prorate a rate target: collecting 100 % of what fell due means the same after 31 days', () => {
    const m = resolveTargets(t, Q3, aRep({ id: 'rep-9', teamId: undefined, leaveDate: '2026-07-31' }), idx);
    expect(m.collection_rate).toEqual({ value: 1, source: 'template', proration: 1 });
  });

  it('proration 0 → no target at all', () => {
    const m = resolveTargets(t, Q3, aRep({ id: 'rep-2', joinDate: '2026-10-05' }), idx);
    expect(m.revenue).toEqual({ value: null, source: null, proration: 0 });
    expect(m.volume).toEqual({ value: null, source: null, proration: 0 });
  });

  it('a year: additive template targets ×4, ratios as they are, prorated over 365 days', () => {
    const none = new Map<string, number>();
    const full = resolveTargets(t, Y2026, aRep({ teamId: undefined }), none);
    expect(full.revenue).toEqual({ value: 6_000_000, source: 'template', proration: 1 });
    expect(full.visits).toEqual({ value: 144, source: 'template', proration: 1 });
    expect(full.collection_rate).toEqual({ value: 1, source: 'template', proration: 1 });
    // joined Jul 2: Jul 2–31 = 30, + Aug 31 + Sep 30 + Oct 31 + Nov 30 + Dec 31 = 183 days → 183/365
    const late = resolveTargets(t, Y2026, aRep({ teamId: undefined, joinDate: '2026-07-02' }), none);
    expect(late.revenue?.proration).toBeCloseTo(0.5013699, 6);
    expect(late.revenue?.value).toBeCloseTo(3_008_219.18, 2); // 6M × 183/365
    expect(late.visits?.value).toBeCloseTo(72.197260, 6); // 144 × 183/365
  });

  it('a year’s team target is used as set (not ×4)', () => {
    const idxYear = indexTargets([aTargetRecord({ periodKey: '2026', indicator: 'revenue', scope: 'team', scopeId: 'team-east', value: 7_000_000 })]);
    expect(resolveTargets(t, Y2026, aRep(), idxYear).revenue).toEqual({ value: 7_000_000, source: 'team', proration: 1 });
  });

  it('covers every indicator of the template', () => {
    expect(Object.keys(resolveTargets(t, Q3, aRep(), idx)).sort()).toEqual(
      ['accounts_served', 'collaboration', 'collection_rate', 'intel_shared', 'new_customers', 'revenue', 'satisfaction', 'visits', 'volume'],
    );
  });
});
