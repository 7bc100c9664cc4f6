import type { RawActuals, RawFigure } from './raw-figures.js';

/**
 * The indicators a KPI template can use: one descriptor each, the only place an indicator is
 * spelled out. How an indicator is *scored* is data in the template; what its actual value *is*,
 * which raw figures it comes from, whether it grows through the period and how a gap in it is
 * expressed are defined here, once. Actuals, empty values, projections, next-grade gaps, targets
 * and views follow from the descriptor (test/domain/indicators.test.ts walks every one).
 */
export const INDICATOR_KEYS = [
  'revenue',
  'volume',
  'accounts_served',
  'collection_rate',
  'visits',
  'new_customers',
  'satisfaction',
  'collaboration',
  'intel_shared',
  'coverage',
  'self_review',
] as const;
export type IndicatorKey = (typeof INDICATOR_KEYS)[number];

export type Measure = 'amount' | 'count' | 'ratio' | 'rating';

export interface MeasureInfo {
  /** A next-grade gap rounded up to what can be achieved: a whole visit, a cent of revenue. */
  roundGapUp(more: number): number;
}

/** The epsilons forgive float noise (2.0000000001 visits is 2), never a real fraction. */
const wholeUp = (x: number): number => Math.ceil(x - 1e-9);
const centsUp = (x: number): number => Math.ceil(x * 100 - 1e-6) / 100;

export const MEASURES: Record<Measure, MeasureInfo> = {
  amount: { roundGapUp: centsUp },
  count: { roundGapUp: wholeUp },
  ratio: { roundGapUp: centsUp },
  rating: { roundGapUp: centsUp },
};

export interface IndicatorActual {
  /** null when there is nothing to measure (no feedback yet, nothing fell due). */
  value: number | null;
  inputs: Record<string, number>;
}

/** A figure in an explanation: shown as it is, as money (base currency), or with one decimal. */
export type ExplainValue = number | { money: number } | { decimal: number };

/** A sentence of the scorecard explaining an actual by its inputs: a catalogue message key and its parameters. */
export interface Explanation {
  message: string;
  params: Record<string, ExplainValue>;
}

/** What the template decides about how an actual is taken. */
export interface ActualOptions {
  /** The template weights visits by account tier (see tierVisitWeights): visits count their weights. */
  weightedVisits: boolean;
}

export interface IndicatorInfo {
  key: IndicatorKey;
  measure: Measure;
  /**
   * Additive actuals grow through the period (sums and counts): in-period pacing projects their
   * raw figures at the run rate to the period end, and a year's default target is the sum of its
   * quarters' targets. Ratios and ratings are projected flat and their yearly target equals the
   * quarterly one.
   */
  additive: boolean;
  /** The raw figures its actual is computed from, and nothing else. */
  figures: readonly RawFigure[];
  /** Its actual from the raw figures, with the inputs the scorecard explains it by. */
  actual(a: RawActuals, options: ActualOptions): IndicatorActual;
  /** The scorecard's sentence about those inputs ("¥0.8M collected of ¥1M due"); none for a plain sum or count. */
  explain?(inputs: Readonly<Record<string, number>>): Explanation | null;
}

/** A rating is explained by how many ratings it averages. */
const ratingsExplained = (i: Readonly<Record<string, number>>): Explanation => ({ message: 'inputs.ratings', params: { count: i.count ?? 0 } });

/** part / whole, or nothing to measure while the whole is 0. */
const share = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

export const INDICATORS: { readonly [K in IndicatorKey]: IndicatorInfo & { key: K } } = {
  revenue: { key: 'revenue', measure: 'amount', additive: true, figures: ['revenue'], actual: (a) => ({ value: a.revenue, inputs: { revenue: a.revenue } }) },
  volume: { key: 'volume', measure: 'count', additive: true, figures: ['volume'], actual: (a) => ({ value: a.volume, inputs: { units: a.volume } }) },
  accounts_served: {
    key: 'accounts_served',
    measure: 'count',
    additive: true,
    figures: ['accountsServed'],
    actual: (a) => ({ value: a.accountsServed, inputs: { accounts: a.accountsServed } }),
  },
  collection_rate: {
    key: 'collection_rate',
    measure: 'ratio',
    additive: false,
    figures: ['collected', 'due'],
    actual: (a) => ({ value: share(a.collected, a.due), inputs: { collected: a.collected, due: a.due } }),
    explain: (i) => ({ message: 'inputs.collection', params: { collected: { money: i.collected ?? 0 }, due: { money: i.due ?? 0 } } }),
  },
  visits: {
    key: 'visits',
    measure: 'count',
    additive: true,
    figures: ['visits', 'weightedVisits'],
    actual: (a, o): IndicatorActual =>
      o.weightedVisits ? { value: a.weightedVisits, inputs: { visits: a.visits, weightedVisits: a.weightedVisits } } : { value: a.visits, inputs: { visits: a.visits } },
    explain: (i) =>
      i.weightedVisits === undefined ? null : { message: 'inputs.weightedVisits', params: { visits: i.visits ?? 0, weighted: { decimal: i.weightedVisits } } },
  },
  new_customers: {
    key: 'new_customers',
    measure: 'count',
    additive: true,
    figures: ['newCustomers'],
    actual: (a) => ({ value: a.newCustomers, inputs: { newCustomers: a.newCustomers } }),
  },
  satisfaction: {
    key: 'satisfaction',
    measure: 'rating',
    additive: false,
    figures: ['satisfactionSum', 'satisfactionCount'],
    actual: (a) => ({ value: share(a.satisfactionSum, a.satisfactionCount), inputs: { sum: a.satisfactionSum, count: a.satisfactionCount } }),
    explain: ratingsExplained,
  },
  collaboration: {
    key: 'collaboration',
    measure: 'rating',
    additive: false,
    figures: ['collaborationSum', 'collaborationCount', 'peerReviewsWithheld', 'peerReviewFloor'],
    actual: (a) => ({
      value: share(a.collaborationSum, a.collaborationCount),
      inputs: {
        sum: a.collaborationSum,
        count: a.collaborationCount,
        ...(a.peerReviewsWithheld > 0 ? { withheld: a.peerReviewsWithheld, floor: a.peerReviewFloor } : {}),
      },
    }),
    // Withheld reviews say how many more are needed rather than averaging nothing.
    explain: (i) => (i.withheld === undefined ? ratingsExplained(i) : { message: 'inputs.peerWithheld', params: { count: i.withheld, floor: i.floor ?? 3 } }),
  },
  intel_shared: { key: 'intel_shared', measure: 'count', additive: true, figures: ['intel'], actual: (a) => ({ value: a.intel, inputs: { posts: a.intel } }) },
  /** The share of the rep's owned key accounts visited within their tier's cadence (as of the period end, or today). */
  coverage: {
    key: 'coverage',
    measure: 'ratio',
    additive: false,
    figures: ['keyAccountsCovered', 'keyAccountsOwned'],
    actual: (a) => ({ value: share(a.keyAccountsCovered, a.keyAccountsOwned), inputs: { covered: a.keyAccountsCovered, owned: a.keyAccountsOwned } }),
    explain: (i) => ({ message: 'inputs.coverage', params: { covered: i.covered ?? 0, owned: i.owned ?? 0 } }),
  },
  /** The rep's own rating (mean of the self-review's categories, 1–5): only when a template weights it. */
  self_review: {
    key: 'self_review',
    measure: 'rating',
    additive: false,
    figures: ['selfRatingSum', 'selfRatingCount'],
    actual: (a) => ({ value: share(a.selfRatingSum, a.selfRatingCount), inputs: { sum: a.selfRatingSum, count: a.selfRatingCount } }),
    explain: ratingsExplained,
  },
};
