import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scorePeriod } from '../../src/application/score-period.js';
import { defaultTemplate } from '../../src/domain/scoring/default-template.js';
import { KpiTemplateSchema, type KpiTemplate } from '../../src/domain/model/template.js';
import { parsePeriod } from '../../src/domain/period.js';
import { smallOrg, T0, visits } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';

/**
 * Key-account tiers in scoring (issue 8): visits weighted by the account's tier, and the coverage
 * indicator (owned key accounts visited within their tier's cadence), with hand-computed values.
 */
let deps: ReturnType<typeof testDeps>;
beforeEach(async () => {
  // 26 November 2026: Q4 is running, so coverage is measured as of today, not 31 December.
  deps = testDeps('2026-11-26T02:00:00Z');
  await smallOrg(deps.store);
  // ann owns acme (A) and three C accounts; bob owns globex (strategic).
  await deps.store.accounts.insertMany(
    ['c1', 'c2', 'c3'].map((id) => ({ id, name: id, nameKey: id, tier: 'C', ownerId: 'ann', createdAt: T0 })),
  );
});
afterEach(() => deps.cleanup());

const Q4 = parsePeriod('2026-Q4');

/** The seed template with visits weighted by tier and a coverage indicator in behaviour. */
function tieredTemplate(): KpiTemplate {
  const base = defaultTemplate(T0);
  return KpiTemplateSchema.parse({
    ...base,
    id: 'default@2',
    version: 2,
    accountTiers: [
      { tier: 'strategic', visitWeight: 2, cadenceDays: 30 },
      { tier: 'A', visitWeight: 1, cadenceDays: 45 },
      { tier: 'C', visitWeight: 0.5, cadenceDays: 90 },
    ],
    categories: base.categories.map((c) =>
      c.key !== 'behaviour'
        ? c
        : {
            ...c,
            indicators: [
              { key: 'visits', weight: 30, scoring: { type: 'ratio', cap: 1.2 }, missing: { policy: 'exclude' }, defaultTarget: 36 },
              { key: 'new_customers', weight: 30, scoring: { type: 'ratio', cap: 1.5 }, missing: { policy: 'exclude' }, defaultTarget: 2 },
              { key: 'satisfaction', weight: 30, scoring: { type: 'rating', min: 1, max: 5 }, missing: { policy: 'neutral', score: 75 } },
              { key: 'coverage', weight: 10, scoring: { type: 'ratio', cap: 1 }, missing: { policy: 'exclude' }, defaultTarget: 1 },
            ],
          },
    ),
  });
}

describe('account tiers in scoring', () => {
  beforeEach(async () => {
    // ann: 10 visits to acme (A, ×1) in November, 8 to c1 (C, ×0.5) in October, none to c2 or c3.
    await deps.store.activities.insertMany([...visits('ann', 'acme', 10, '2026-11-02', 'a'), ...visits('ann', 'c1', 8, '2026-10-01', 'c')]);
    // bob: 6 visits to globex (strategic, ×2) in early October: more than 30 days before today.
    await deps.store.activities.insertMany(visits('bob', 'globex', 6, '2026-10-01', 'g'));
  });

  it('counts each visit by its account’s tier weight and explains it', async () => {
    const scores = await scorePeriod(deps, Q4, { template: tieredTemplate() });
    const ann = scores.reps.get('ann')!.card.indicators.find((i) => i.key === 'visits')!;
    // 10 × 1 + 8 × 0.5 = 14 weighted visits of a target of 36 → 38.89
    expect(ann.actual).toBe(14);
    expect(ann.inputs).toEqual({ visits: 18, weightedVisits: 14 });
    expect(ann.score).toBeCloseTo((14 / 36) * 100, 6);
    const bob = scores.reps.get('bob')!.card.indicators.find((i) => i.key === 'visits')!;
    expect(bob.actual).toBe(12); // 6 × 2
  });

  it('scores coverage as the share of owned key accounts visited within their cadence, as of today', async () => {
    const scores = await scorePeriod(deps, Q4, { template: tieredTemplate() });
    const ann = scores.reps.get('ann')!.card.indicators.find((i) => i.key === 'coverage')!;
    // acme (A, 45 days: last visit 11 Nov) and c1 (C, 90 days: last 8 Oct) are covered; c2, c3 never visited → 2/4.
    expect(ann.inputs).toEqual({ covered: 2, owned: 4 });
    expect(ann.actual).toBe(0.5);
    expect(ann.score).toBe(50);
    const bob = scores.reps.get('bob')!.card.indicators.find((i) => i.key === 'coverage')!;
    // globex is strategic (30 days): its last visit, 6 October, is 51 days before 26 November → 0/1.
    expect(bob.inputs).toEqual({ covered: 0, owned: 1 });
    expect(bob.score).toBe(0);
    // cat owns nothing: coverage has no data and is excluded (its weight shared among the others).
    const cat = scores.reps.get('cat');
    expect(cat === undefined || cat.card.indicators.find((i) => i.key === 'coverage')!.applied === 'excluded').toBe(true);
  });

  it('leaves the seed template’s scoring unchanged: plain visit counts, no coverage', async () => {
    const scores = await scorePeriod(deps, Q4, { template: defaultTemplate(T0) });
    const visitsLine = scores.reps.get('ann')!.card.indicators.find((i) => i.key === 'visits')!;
    expect(visitsLine.actual).toBe(18);
    expect(visitsLine.inputs).toEqual({ visits: 18 });
    expect(scores.reps.get('ann')!.card.indicators.some((i) => i.key === 'coverage')).toBe(false);
  });

  it('refuses a template with the same tier twice', () => {
    const t = { ...tieredTemplate(), accountTiers: [{ tier: 'A', visitWeight: 1 }, { tier: 'A', visitWeight: 2 }] };
    expect(KpiTemplateSchema.safeParse(t).success).toBe(false);
  });
});
