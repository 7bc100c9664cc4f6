import type { IndicatorKey } from '../model/indicators.js';

/**
 * What the store aggregates for one rep and one period. Everything the indicators need, and
 * nothing more, so the database can compute it in one pass (SQL GROUP BY / aggregation pipeline).
 */
export interface RawActuals {
  /** Σ deal amount (base currency) signed in the period. */
  revenue: number;
  /** Σ units on those deals. */
  volume: number;
  /** Distinct accounts with a deal or an activity in the period. */
  accountsServed: number;
  /** Σ amount of the rep's deals falling due in the period. */
  due: number;
  /** Σ payments on those deals received by the period end. */
  collected: number;
  /** Activities (visits, calls, follow-ups) in the period. */
  visits: number;
  /** Deals in the period that were an account's first deal. */
  newCustomers: number;
  /** Σ over feedback of the mean of service and product quality (1–5), and how many. */
  satisfactionSum: number;
  satisfactionCount: number;
  /** Σ collaboration ratings (1–5) received from peers for the period, and how many. */
  collaborationSum: number;
  collaborationCount: number;
  /** Market intel posts shared in the period. */
  intel: number;
  /**
   * Σ tier weight over the period's activities, when the template weights visits by account tier
   * (activities on an account without a listed tier count 1); 0 when not asked for.
   */
  weightedVisits: number;
  /** Key accounts the rep owns (tiers with a cadence), and how many were visited within their cadence; 0 when not asked for. */
  keyAccountsOwned: number;
  keyAccountsCovered: number;
  /**
   * Peer reviews received but not counted because there are fewer than the anonymity floor (their
   * sum and count are then 0), and that floor. Set by the application, never by the store.
   */
  peerReviewsWithheld: number;
  peerReviewFloor: number;
  /** The rep's self-review: Σ of its category ratings and how many ratings (set by the application when a template weights it). */
  selfRatingSum: number;
  selfRatingCount: number;
}

export const emptyActuals = (): RawActuals => ({
  revenue: 0,
  volume: 0,
  accountsServed: 0,
  due: 0,
  collected: 0,
  visits: 0,
  newCustomers: 0,
  satisfactionSum: 0,
  satisfactionCount: 0,
  collaborationSum: 0,
  collaborationCount: 0,
  intel: 0,
  weightedVisits: 0,
  keyAccountsOwned: 0,
  keyAccountsCovered: 0,
  peerReviewsWithheld: 0,
  peerReviewFloor: 0,
  selfRatingSum: 0,
  selfRatingCount: 0,
});

/** True when the rep has no record of any kind in the period. */
export function hasNoRecords(a: RawActuals): boolean {
  return (
    a.revenue === 0 &&
    a.volume === 0 &&
    a.accountsServed === 0 &&
    a.due === 0 &&
    a.visits === 0 &&
    a.satisfactionCount === 0 &&
    a.collaborationCount === 0 &&
    a.intel === 0
  );
}

export interface IndicatorActual {
  /** null when there is nothing to measure (no feedback yet, nothing fell due). */
  value: number | null;
  inputs: Record<string, number>;
}

/** The actual value of one indicator, with the inputs it was computed from. */
/** `weighted`: the template weights visits by account tier (see tierVisitWeights), so visits count their weights. */
export function indicatorActual(key: IndicatorKey, a: RawActuals, weighted = false): IndicatorActual {
  switch (key) {
    case 'revenue':
      return { value: a.revenue, inputs: { revenue: a.revenue } };
    case 'volume':
      return { value: a.volume, inputs: { units: a.volume } };
    case 'accounts_served':
      return { value: a.accountsServed, inputs: { accounts: a.accountsServed } };
    case 'collection_rate':
      return { value: a.due > 0 ? a.collected / a.due : null, inputs: { collected: a.collected, due: a.due } };
    case 'visits':
      return weighted ? { value: a.weightedVisits, inputs: { visits: a.visits, weightedVisits: a.weightedVisits } } : { value: a.visits, inputs: { visits: a.visits } };
    case 'new_customers':
      return { value: a.newCustomers, inputs: { newCustomers: a.newCustomers } };
    case 'satisfaction':
      return {
        value: a.satisfactionCount > 0 ? a.satisfactionSum / a.satisfactionCount : null,
        inputs: { sum: a.satisfactionSum, count: a.satisfactionCount },
      };
    case 'collaboration':
      return {
        value: a.collaborationCount > 0 ? a.collaborationSum / a.collaborationCount : null,
        inputs: {
          sum: a.collaborationSum,
          count: a.collaborationCount,
          ...(a.peerReviewsWithheld > 0 ? { withheld: a.peerReviewsWithheld, floor: a.peerReviewFloor } : {}),
        },
      };
    case 'intel_shared':
      return { value: a.intel, inputs: { posts: a.intel } };
    case 'self_review':
      return { value: a.selfRatingCount > 0 ? a.selfRatingSum / a.selfRatingCount : null, inputs: { sum: a.selfRatingSum, count: a.selfRatingCount } };
    case 'coverage':
      return {
        value: a.keyAccountsOwned > 0 ? a.keyAccountsCovered / a.keyAccountsOwned : null,
        inputs: { covered: a.keyAccountsCovered, owned: a.keyAccountsOwned },
      };
  }
}

/** Adds `b` into `a` (used to merge partial aggregates). */
export function addActuals(a: RawActuals, b: Partial<RawActuals>): RawActuals {
  for (const k of Object.keys(b) as (keyof RawActuals)[]) a[k] += b[k] ?? 0;
  return a;
}

/**
 * Peer reviews people can be honest in: below `floor` reviews a rep's collaboration rating is
 * withheld (neither shown nor scored: its sum would give the few reviewers away), and the count
 * kept aside so the scorecard can say how many more are needed.
 */
export function withholdFewPeerReviews(a: RawActuals, floor: number): RawActuals {
  if (a.collaborationCount === 0 || a.collaborationCount >= floor) return a;
  return { ...a, collaborationSum: 0, collaborationCount: 0, peerReviewsWithheld: a.collaborationCount, peerReviewFloor: floor };
}
