import { INDICATORS, type ActualOptions, type IndicatorActual, type IndicatorKey } from '../model/indicators.js';
import { RAW_FIGURE_KEYS, RAW_FIGURES, emptyActuals, isRawFigure, type RawActuals } from '../model/raw-figures.js';

/**
 * Raw actuals (the figures the store aggregates, declared in model/raw-figures.ts) and the
 * indicators' actuals taken from them (declared in model/indicators.ts).
 */
export { emptyActuals, type IndicatorActual, type RawActuals };

const RECORD_FIGURES = RAW_FIGURE_KEYS.filter((k) => RAW_FIGURES[k].record);

/** True when the rep has no record of any kind in the period. */
export function hasNoRecords(a: RawActuals): boolean {
  return RECORD_FIGURES.every((k) => a[k] === 0);
}

/**
 * The actual value of one indicator, with the inputs it was computed from. `weighted`: the template
 * weights visits by account tier (see tierVisitWeights), so visits count their weights.
 */
export function indicatorActual(key: IndicatorKey, a: RawActuals, weighted = false): IndicatorActual {
  return INDICATORS[key].actual(a, weighted ? WEIGHTED : PLAIN);
}
const WEIGHTED: ActualOptions = { weightedVisits: true };
const PLAIN: ActualOptions = { weightedVisits: false };

/**
 * Adds `b` into `a` (used to merge partial aggregates). A name that is no raw figure is a store
 * query out of step with model/raw-figures.ts: it fails loudly rather than being dropped.
 */
export function addActuals(a: RawActuals, b: Partial<RawActuals> | Readonly<Record<string, unknown>>): RawActuals {
  const row = b as Readonly<Record<string, unknown>>;
  for (const k of Object.keys(row)) {
    const v = row[k];
    if (!isRawFigure(k)) throw new Error(`"${k}" is not a raw figure (see domain/model/raw-figures.ts)`);
    if (typeof v === 'number' && Number.isFinite(v)) a[k] += v;
    else if (v !== null && v !== undefined) throw new Error(`raw figure "${k}" is ${String(v)}, not a number`);
  }
  return a;
}

/** Adds one aggregate row (the figures of one rep from one query) into the per-rep actuals. */
export function addRepRow(out: Map<string, RawActuals>, rep: string, figures: Readonly<Record<string, unknown>>): void {
  const own = out.get(rep) ?? out.set(rep, emptyActuals()).get(rep)!;
  addActuals(own, figures);
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
