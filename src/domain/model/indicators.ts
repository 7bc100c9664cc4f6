/**
 * The indicators a KPI template can use, and what each one measures. How an indicator is *scored*
 * is data in the template; what its actual value *is* is defined here, once.
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

export interface IndicatorInfo {
  key: IndicatorKey;
  measure: Measure;
  /**
   * Additive actuals grow through the period (sums and counts): in-period pacing projects them to
   * the period end, and a year's default target is the sum of its quarters' targets. Ratios and
   * ratings are projected flat and their yearly target equals the quarterly one.
   */
  additive: boolean;
}

export const INDICATORS: Record<IndicatorKey, IndicatorInfo> = {
  revenue: { key: 'revenue', measure: 'amount', additive: true },
  volume: { key: 'volume', measure: 'count', additive: true },
  accounts_served: { key: 'accounts_served', measure: 'count', additive: true },
  collection_rate: { key: 'collection_rate', measure: 'ratio', additive: false },
  visits: { key: 'visits', measure: 'count', additive: true },
  new_customers: { key: 'new_customers', measure: 'count', additive: true },
  satisfaction: { key: 'satisfaction', measure: 'rating', additive: false },
  collaboration: { key: 'collaboration', measure: 'rating', additive: false },
  intel_shared: { key: 'intel_shared', measure: 'count', additive: true },
  /** The share of the rep's owned key accounts visited within their tier's cadence (as of the period end, or today). */
  coverage: { key: 'coverage', measure: 'ratio', additive: false },
  /** The rep's own rating (mean of the self-review's categories, 1–5): only when a template weights it. */
  self_review: { key: 'self_review', measure: 'rating', additive: false },
};
