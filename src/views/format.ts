import type { Locale } from '../domain/model/fields.js';

/**
 * Number formatting per locale, one rule per kind of figure so the same kind never reads two ways:
 * scores one decimal ("62.2"), counts whole ("3 visits"), ratios whole percentages ("61%"),
 * ratings one decimal ("3.5 / 5"), money as a person would write it ("¥1.5M", "¥150万").
 */
const cache = new Map<string, Intl.NumberFormat>();
function nf(locale: Locale, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, opts);
    cache.set(key, f);
  }
  return f;
}

/** Scores, totals, points and averages of scores: always one decimal. */
export const fmtScore = (locale: Locale, x: number | null): string =>
  x === null ? '—' : nf(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(x);

export const fmtNumber = (locale: Locale, x: number | null, digits = 0): string =>
  x === null ? '—' : nf(locale, { maximumFractionDigits: digits }).format(x);

/** Things one counts (visits, units, customers, posts): whole numbers, however a target was prorated. */
export const fmtCount = (locale: Locale, x: number | null): string => (x === null ? '—' : nf(locale, { maximumFractionDigits: 0 }).format(Math.round(x)));

/** A 1–5 rating: one decimal. */
export const fmtRating = (locale: Locale, x: number | null): string =>
  x === null ? '—' : nf(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(x);

/** Ratios (0–1) as whole percentages: "61%", "100%". */
export const fmtPercent = (locale: Locale, x: number | null): string =>
  x === null ? '—' : nf(locale, { style: 'percent', maximumFractionDigits: 0 }).format(x);

/** Below this, money is written in full ("¥9,600"); from here on in the locale's short form ("¥96K", "¥9.6万"). */
const SHORT_MONEY_FROM = 10_000;

/**
 * Money as a person writes it: whole units below ten thousand, the locale's short form with at most
 * three significant digits and one decimal above ("¥1.5M" / "¥150万", "¥165K" / "¥16.5万"), never "¥0.0".
 */
export const fmtMoney = (locale: Locale, x: number | null, currency: string): string => {
  if (x === null) return '—';
  const base = { style: 'currency', currency, currencyDisplay: 'narrowSymbol' } as const;
  if (Math.abs(x) < SHORT_MONEY_FROM) return nf(locale, { ...base, maximumFractionDigits: 0 }).format(Math.round(x));
  // At most three significant digits and one decimal, whichever is coarser: ¥1.5M, ¥722K, ¥148万, ¥9.6万.
  return nf(locale, { ...base, notation: 'compact', maximumSignificantDigits: 3, maximumFractionDigits: 1, roundingPriority: 'lessPrecision', trailingZeroDisplay: 'stripIfInteger' }).format(x);
};

/** Money someone is paid (a bonus): to the unit, as a payslip shows it. */
export const fmtMoneyExact = (locale: Locale, x: number | null, currency: string): string =>
  x === null ? '—' : nf(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol', maximumFractionDigits: 0 }).format(x);

/** "+3.5" / "−2.0": signed deltas of scores for comparisons. */
export const fmtDelta = (locale: Locale, x: number | null): string =>
  x === null ? '—' : `${x > 0 ? '+' : x < 0 ? '−' : '±'}${fmtScore(locale, Math.abs(x))}`;

/** The locale's plural category of a count ("one", "other"): picks "1 visit" vs "2 visits". */
const plurals = new Map<Locale, Intl.PluralRules>();
export function pluralOf(locale: Locale, n: number): 'one' | 'other' {
  let p = plurals.get(locale);
  if (!p) {
    p = new Intl.PluralRules(locale);
    plurals.set(locale, p);
  }
  return p.select(n) === 'one' ? 'one' : 'other';
}
