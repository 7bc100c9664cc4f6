/**
 * The raw figures behind the indicators: what the store aggregates for one rep and one period
 * (one SQL GROUP BY / aggregation pipeline per source, each yielding columns named exactly as
 * here), plus the few the application adds. Declared once: the actuals type, its empty value, the
 * merge of partial aggregates and the "has the rep recorded anything" test all follow from this
 * table, and the stores' results are checked against it.
 */
export interface RawFigureInfo {
  /**
   * Who fills it: `store` always (every store adapter must compute it), `store-on-request` only
   * when the actuals query asks (see ActualsQuery), `application` never the store.
   */
  source: 'store' | 'store-on-request' | 'application';
  /** A non-zero value means the rep recorded something in the period (see hasNoRecords). */
  record: boolean;
}

export const RAW_FIGURES = {
  /** Σ deal amount (base currency) signed in the period. */
  revenue: { source: 'store', record: true },
  /** Σ units on those deals. */
  volume: { source: 'store', record: true },
  /** Distinct accounts with a deal or an activity in the period. */
  accountsServed: { source: 'store', record: true },
  /** Σ amount of the rep's deals falling due in the period. */
  due: { source: 'store', record: true },
  /** Σ payments on those deals received by the period end (they fell due, so `due` already shows the record). */
  collected: { source: 'store', record: false },
  /** Activities (visits, calls, follow-ups) in the period. */
  visits: { source: 'store', record: true },
  /** Deals in the period that were an account's first deal (each is a deal, shown by revenue and volume). */
  newCustomers: { source: 'store', record: false },
  /** Σ over feedback of the mean of service and product quality (1–5), and how many. */
  satisfactionSum: { source: 'store', record: false },
  satisfactionCount: { source: 'store', record: true },
  /** Σ collaboration ratings (1–5) received from peers for the period, and how many. */
  collaborationSum: { source: 'store', record: false },
  collaborationCount: { source: 'store', record: true },
  /** Market intel posts shared in the period. */
  intel: { source: 'store', record: true },
  /**
   * Σ tier weight over the period's activities, when the template weights visits by account tier
   * (activities on an account without a listed tier count 1); 0 when not asked for.
   */
  weightedVisits: { source: 'store-on-request', record: false },
  /**
   * Key accounts the rep owns (tiers with a cadence), and how many were visited within their
   * cadence; 0 when not asked for. Owning an account is no record of work in the period.
   */
  keyAccountsOwned: { source: 'store-on-request', record: false },
  keyAccountsCovered: { source: 'store-on-request', record: false },
  /**
   * Peer reviews received but not counted because there are fewer than the anonymity floor (their
   * sum and count are then 0), and that floor.
   */
  peerReviewsWithheld: { source: 'application', record: false },
  peerReviewFloor: { source: 'application', record: false },
  /** The rep's self-review: Σ of its category ratings and how many ratings (when a template weights it). */
  selfRatingSum: { source: 'application', record: false },
  selfRatingCount: { source: 'application', record: false },
} as const satisfies Record<string, RawFigureInfo>;

export type RawFigure = keyof typeof RAW_FIGURES;

/** What the store aggregates for one rep and one period: every raw figure, 0 when nothing counted. */
export type RawActuals = Record<RawFigure, number>;

export const RAW_FIGURE_KEYS = Object.keys(RAW_FIGURES) as readonly RawFigure[];

const NAMES: ReadonlySet<string> = new Set(RAW_FIGURE_KEYS);
export const isRawFigure = (name: string): name is RawFigure => NAMES.has(name);

// Never handed out, only copied. Not frozen: V8 copies a frozen object by spread ~10× slower.
const EMPTY: Readonly<RawActuals> = Object.fromEntries(RAW_FIGURE_KEYS.map((k) => [k, 0])) as RawActuals;

/** Every figure 0. A spread copy is as fast as an object literal and keeps one shape for all reps. */
export const emptyActuals = (): RawActuals => ({ ...EMPTY });
