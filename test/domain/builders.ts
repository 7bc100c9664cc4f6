/**
 * Object Mother for the domain tests: small builders with readable defaults, so each test states
 * only what matters to it. Nothing here reads the wall clock; every instant is a literal.
 */
import type { IndicatorKey } from '../../src/domain/model/indicators.js';
import type { CategoryLine, IndicatorLine, Scorecard } from '../../src/domain/model/scorecard.js';
import type { CategoryKey, IndicatorSpec, KpiTemplate, Scoring } from '../../src/domain/model/template.js';
import { emptyActuals, type RawActuals } from '../../src/domain/scoring/actuals.js';
import { defaultTemplate } from '../../src/domain/scoring/default-template.js';
import type { ResolvedTarget, TargetMap } from '../../src/domain/scoring/targets.js';

export const CREATED_AT = '2026-01-01T00:00:00.000Z';

/** The seed template (60 / 30 / 10), a fresh copy each time so tests may mutate it. */
export function aDefaultTemplate(): KpiTemplate {
  return structuredClone(defaultTemplate(CREATED_AT));
}

/** A template with one category and one indicator: its total equals that indicator's score. */
export function aSingleIndicatorTemplate(spec: Partial<IndicatorSpec> = {}, category: CategoryKey = 'performance'): KpiTemplate {
  const t = aDefaultTemplate();
  t.id = 'single@1';
  t.key = 'single';
  t.categories = [
    {
      key: category,
      weight: 100,
      indicators: [
        { key: 'revenue', weight: 100, scoring: { type: 'ratio', cap: 1.2 }, missing: { policy: 'exclude' }, defaultTarget: 10_000, ...spec },
      ],
    },
  ];
  return t;
}

/** Raw actuals: all zero except what the test sets. */
export function anActuals(partial: Partial<RawActuals> = {}): RawActuals {
  return { ...emptyActuals(), ...partial };
}

/**
 * The "solid quarter" used across the scorecard tests (default template, default targets):
 * revenue 1.2M/1.5M, volume 270/300, 10/8 accounts, collected 850k of 1M due, 30/36 visits,
 * 1/2 new customers, satisfaction 8.5/2 = 4.25, collaboration 14/4 = 3.5, 3/6 intel posts.
 */
export function aSolidQuarter(partial: Partial<RawActuals> = {}): RawActuals {
  return anActuals({
    revenue: 1_200_000,
    volume: 270,
    accountsServed: 10,
    due: 1_000_000,
    collected: 850_000,
    visits: 30,
    newCustomers: 1,
    satisfactionSum: 8.5,
    satisfactionCount: 2,
    collaborationSum: 14,
    collaborationCount: 4,
    intel: 3,
    ...partial,
  });
}

export function aTarget(value: number | null, source: ResolvedTarget['source'] = 'template', proration = 1): ResolvedTarget {
  return { value, source: value === null ? null : source, proration };
}

/** The default template's quarterly targets, unprorated; `overrides` replace single entries. */
export function defaultQuarterTargets(overrides: TargetMap = {}): TargetMap {
  return {
    revenue: aTarget(1_500_000),
    volume: aTarget(300),
    accounts_served: aTarget(8),
    collection_rate: aTarget(1),
    visits: aTarget(36),
    new_customers: aTarget(2),
    satisfaction: aTarget(null),
    collaboration: aTarget(null),
    intel_shared: aTarget(6),
    ...overrides,
  };
}

/** Rep-set targets for every target-based indicator of the default template. */
export function repTargets(values: Partial<Record<IndicatorKey, number>>): TargetMap {
  const out: TargetMap = {};
  for (const [k, v] of Object.entries(values)) out[k as IndicatorKey] = aTarget(v, 'rep');
  return out;
}

/** People and records live with the other record builders; the domain tests use them from here too. */
export { aRep, aTargetRecord } from '../helpers/builders.js';

const RATIO_12: Scoring = { type: 'ratio', cap: 1.2 };

/** An indicator line as the scorecard writes it; defaults describe a normally scored ratio line. */
export function anIndicatorLine(overrides: Partial<IndicatorLine> & Pick<IndicatorLine, 'key'>): IndicatorLine {
  return {
    category: 'performance',
    actual: 0,
    inputs: {},
    target: 100,
    targetSource: 'template',
    proration: 1,
    scoring: RATIO_12,
    score: 0,
    missing: null,
    applied: null,
    capped: false,
    weight: 100,
    effectiveWeight: 0,
    contribution: 0,
    ...overrides,
  };
}

export interface CardFacts {
  repId: string;
  total: number;
  grade?: string;
  /** Performance category score; null when the category was fully excluded. */
  perf?: number | null;
  /** Revenue actual (default 1,000,000). */
  revenue?: number;
  /** Leave out the revenue line (a template without revenue). */
  noRevenueLine?: boolean;
  /** Leave out the performance category (a template without it). */
  noPerformanceCategory?: boolean;
  noData?: boolean;
  indicators?: IndicatorLine[];
  categories?: CategoryLine[];
}

/** A scorecard with just the facts that ranking and comparison read. */
export function aCard(f: CardFacts): Scorecard {
  const indicators: IndicatorLine[] =
    f.indicators ?? (f.noRevenueLine ? [] : [anIndicatorLine({ key: 'revenue', actual: f.revenue ?? 1_000_000, target: 1_500_000 })]);
  const categories: CategoryLine[] =
    f.categories ??
    (f.noPerformanceCategory
      ? [{ key: 'behaviour', weight: 100, effectiveWeight: 100, score: f.total, contribution: f.total }]
      : [{ key: 'performance', weight: 60, effectiveWeight: 60, score: f.perf === undefined ? 80 : f.perf, contribution: 0 }]);
  const noData = f.noData ?? false;
  return {
    repId: f.repId,
    periodKey: '2026-Q3',
    templateId: 'default',
    templateVersion: 1,
    indicators,
    categories,
    baseTotal: f.total,
    adjustments: [],
    total: f.total,
    grade: noData ? '' : (f.grade ?? 'B'),
    bonusMultiplier: noData ? 0 : 1,
    penalty: false,
    noData,
  };
}
