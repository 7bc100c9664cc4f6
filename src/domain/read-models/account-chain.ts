/** An account's chain visits → deals → payments over a span of days, as the account card shows it. */
export interface ChainFigures {
  visits: number;
  deals: number;
  /** Σ deal amounts (base currency). */
  signed: number;
  /** Σ payments received on those deals (base currency). */
  collected: number;
}
