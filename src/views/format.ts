import type { Locale } from '../domain/model/fields.js';

/** Number formatting per locale: the same figure reads "¥1.2M" in English and "¥120万" in Chinese. */
// One formatter per locale and kind of figure. Keyed by a short name rather than the options as
// JSON: a 5,000-rep scorecard round formats ~100 figures per card, and serialising the options for
// every one was the round's largest single cost (issue 16, profile of the fan-out plan).
// Each formatter also remembers the strings it made: Intl's format() costs a few microseconds and
// a round's cards repeat the same weights, targets and scores thousands of times.
interface Formatter {
  format(x: number): string;
}
// Per locale, then per kind: no key is built for a lookup (the kinds below are constants).
const cache = new Map<Locale, Map<string, Formatter>>();
function nf(locale: Locale, kind: string, opts: () => Intl.NumberFormatOptions): Formatter {
  let kinds = cache.get(locale);
  if (!kinds) {
    kinds = new Map();
    cache.set(locale, kinds);
  }
  let f = kinds.get(kind);
  if (!f) {
    f = remembering(new Intl.NumberFormat(locale, opts()));
    kinds.set(kind, f);
  }
  return f;
}
const SCORE_OPTIONS = (): Intl.NumberFormatOptions => ({ minimumFractionDigits: 1, maximumFractionDigits: 1 });
const PERCENT_OPTIONS = (): Intl.NumberFormatOptions => ({ style: 'percent', maximumFractionDigits: 1 });
const NUMBER_KINDS = ['number0', 'number1', 'number2', 'number3'];
const moneyKinds = new Map<string, readonly [string, string]>();
const moneyKind = (currency: string, compact: boolean): string => {
  let kinds = moneyKinds.get(currency);
  if (!kinds) {
    kinds = [`money|${currency}|false`, `money|${currency}|true`];
    moneyKinds.set(currency, kinds);
  }
  return kinds[compact ? 1 : 0];
};

function remembering(intl: Intl.NumberFormat): Formatter {
  const made = new Map<number, string>();
  return {
    format(x) {
      // A Map holds −0 and 0 as one key, but Intl writes them differently ("-0" / "0").
      if (x === 0 && 1 / x < 0) return intl.format(x);
      let s = made.get(x);
      if (s === undefined) {
        if (made.size >= 20_000) made.clear();
        s = intl.format(x);
        made.set(x, s);
      }
      return s;
    },
  };
}

export const fmtScore = (locale: Locale, x: number | null): string => (x === null ? '—' : nf(locale, 'score', SCORE_OPTIONS).format(x));

export const fmtNumber = (locale: Locale, x: number | null, digits = 0): string =>
  x === null ? '—' : nf(locale, NUMBER_KINDS[digits] ?? `number${digits}`, () => ({ maximumFractionDigits: digits })).format(x);

export const fmtPercent = (locale: Locale, x: number | null): string => (x === null ? '—' : nf(locale, 'percent', PERCENT_OPTIONS).format(x));

export const fmtMoney = (locale: Locale, x: number | null, currency: string, compact = false): string =>
  x === null
    ? '—'
    : nf(locale, moneyKind(currency, compact), () => ({
        style: 'currency',
        currency,
        currencyDisplay: 'narrowSymbol',
        ...(compact ? { notation: 'compact', maximumFractionDigits: 1 } : { maximumFractionDigits: 0 }),
      })).format(x);

/** "+3.5" / "−2.0": signed deltas for comparisons. */
export const fmtDelta = (locale: Locale, x: number | null): string =>
  x === null ? '—' : `${x > 0 ? '+' : x < 0 ? '−' : '±'}${fmtScore(locale, Math.abs(x))}`;
