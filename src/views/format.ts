import type { Locale } from '../domain/model/fields.js';

/**
 * Number formatting per locale, one rule per kind of figure so the same kind never reads two ways:
 * scores one decimal ("62.2"), counts whole ("3 visits"), ratios whole percentages ("61%"),
 * ratings one decimal ("3.5 / 5"), money as a person would write it ("¥1.5M", "¥150万").
 */
// One formatter per locale and kind of figure, found without serialising the options as JSON:
// a 5,000-rep scorecard round formats ~100 figures per card, and serialising the options for
// every one was the round's largest single cost (issue 16, profile of the fan-out plan).
// Each formatter also remembers the strings it made: Intl's format() costs about a microsecond and
// a round's cards repeat the same weights, targets and scores thousands of times.
interface Formatter {
  format(x: number): string;
}
// Per locale, one field per kind: a figure costs one map lookup (the locale) before its own
// remembered string, and the options are constants (issue 16: a closure and, for money, a
// "money|CNY" key were built per figure, and two maps were consulted).
interface LocaleFormatters {
  score?: Formatter;
  percent?: Formatter;
  weight?: Formatter;
  numbers: (Formatter | undefined)[];
}
const cache = new Map<Locale, LocaleFormatters>();
function formattersOf(locale: Locale): LocaleFormatters {
  let f = cache.get(locale);
  if (!f) {
    f = { numbers: [] };
    cache.set(locale, f);
  }
  return f;
}
const make = (locale: Locale, opts: Intl.NumberFormatOptions): Formatter => remembering(new Intl.NumberFormat(locale, opts));
const SCORE_OPTIONS: Intl.NumberFormatOptions = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
const PERCENT_OPTIONS: Intl.NumberFormatOptions = { style: 'percent', maximumFractionDigits: 0 };
const WEIGHT_OPTIONS: Intl.NumberFormatOptions = { style: 'percent', maximumFractionDigits: 1 };
function numberFormatter(locale: Locale, digits: number): Formatter {
  const numbers = formattersOf(locale).numbers;
  let f = numbers[digits];
  if (!f) {
    f = make(locale, { maximumFractionDigits: digits });
    numbers[digits] = f;
  }
  return f;
}
const scoreFormatter = (locale: Locale): Formatter => {
  const f = formattersOf(locale);
  return (f.score ??= make(locale, SCORE_OPTIONS));
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

/** Scores, totals, points and averages of scores: always one decimal. */
export const fmtScore = (locale: Locale, x: number | null): string => (x === null ? '—' : scoreFormatter(locale).format(x));

export const fmtNumber = (locale: Locale, x: number | null, digits = 0): string =>
  x === null ? '—' : numberFormatter(locale, digits).format(x);

/** Things one counts (visits, units, customers, posts): whole numbers, however a target was prorated. */
export const fmtCount = (locale: Locale, x: number | null): string =>
  x === null ? '—' : numberFormatter(locale, 0).format(Math.round(x));

/** A 1–5 rating: one decimal. */
export const fmtRating = (locale: Locale, x: number | null): string => (x === null ? '—' : scoreFormatter(locale).format(x));

/** Ratios (0–1) as whole percentages: "61%", "100%". */
export const fmtPercent = (locale: Locale, x: number | null): string =>
  x === null ? '—' : (formattersOf(locale).percent ??= make(locale, PERCENT_OPTIONS)).format(x);

/**
 * An indicator's weight as a share of the total: up to one decimal, because weights renormalised
 * after a left-out indicator (37.5 %) are multiplied out in the explanation and must add up as shown.
 */
export const fmtWeight = (locale: Locale, x: number | null): string =>
  x === null ? '—' : (formattersOf(locale).weight ??= make(locale, WEIGHT_OPTIONS)).format(x);

/** Below this, money is written in full ("¥9,600"); from here on in the locale's short form ("¥96K", "¥9.6万"). */
const SHORT_MONEY_FROM = 10_000;

const moneyBase = (currency: string) => ({ style: 'currency', currency, currencyDisplay: 'narrowSymbol' }) as const;

/** Money formatters per locale and currency (exact, short): looked up without building a key per figure. */
const moneyCache = new Map<Locale, Map<string, { exact?: Formatter; short?: Formatter }>>();
function moneyFormatters(locale: Locale, currency: string): { exact?: Formatter; short?: Formatter } {
  let byCurrency = moneyCache.get(locale);
  if (!byCurrency) {
    byCurrency = new Map();
    moneyCache.set(locale, byCurrency);
  }
  let m = byCurrency.get(currency);
  if (!m) {
    m = {};
    byCurrency.set(currency, m);
  }
  return m;
}

/** Money someone is paid (a bonus): to the unit, as a payslip shows it. */
export const fmtMoneyExact = (locale: Locale, x: number | null, currency: string): string => {
  if (x === null) return '—';
  const m = moneyFormatters(locale, currency);
  m.exact ??= make(locale, { ...moneyBase(currency), maximumFractionDigits: 0 });
  return m.exact.format(x);
};

/**
 * Money as a person writes it: whole units below ten thousand, the locale's short form with at most
 * three significant digits and one decimal above ("¥1.5M" / "¥150万", "¥165K" / "¥16.5万"), never "¥0.0".
 */
export const fmtMoney = (locale: Locale, x: number | null, currency: string): string => {
  if (x === null) return '—';
  if (Math.abs(x) < SHORT_MONEY_FROM) return fmtMoneyExact(locale, Math.round(x), currency);
  const m = moneyFormatters(locale, currency);
  // At most three significant digits and one decimal, whichever is coarser: ¥1.5M, ¥722K, ¥148万, ¥9.6万.
  m.short ??= remembering(
    new Intl.NumberFormat(locale, {
      ...moneyBase(currency),
      notation: 'compact',
      maximumSignificantDigits: 3,
      maximumFractionDigits: 1,
      roundingPriority: 'lessPrecision',
      trailingZeroDisplay: 'stripIfInteger',
    }),
  );
  return m.short.format(x);
};

/** "+3.5" / "−2.0": signed deltas of scores for comparisons. */
export const fmtDelta = (locale: Locale, x: number | null): string =>
  x === null ? '—' : `${x > 0 ? '+' : x < 0 ? '−' : '±'}${fmtScore(locale, Math.abs(x))}`;

/**
 * The locale's plural category of a count ("one", "other"): picks "1 visit" vs "2 visits". The
 * categories of small whole numbers are remembered per locale: a round picks a plural form for
 * every count on every card (days of leave, ratings, "3 more visits"), and PluralRules.select()
 * costs as much as formatting a number (issue 16).
 */
const plurals = new Map<Locale, { rules: Intl.PluralRules; small: ('one' | 'other' | undefined)[] }>();
const SMALL_COUNTS = 1000;
export function pluralOf(locale: Locale, n: number): 'one' | 'other' {
  let p = plurals.get(locale);
  if (!p) {
    p = { rules: new Intl.PluralRules(locale), small: new Array<'one' | 'other' | undefined>(SMALL_COUNTS) };
    plurals.set(locale, p);
  }
  const small = Number.isInteger(n) && n >= 0 && n < SMALL_COUNTS && !Object.is(n, -0);
  let category = small ? p.small[n] : undefined;
  if (category === undefined) {
    category = p.rules.select(n) === 'one' ? 'one' : 'other';
    if (small) p.small[n] = category;
  }
  return category;
}

/** Names or dates in a sentence: "Ann, Bob" in English, "Ann、Bob" with the Chinese enumeration comma. */
export const listOf = (locale: Locale, items: readonly string[]): string => items.join(locale === 'zh-CN' ? '、' : ', ');

/** A note after a name in the reader's punctuation: "Sun Hua (T)" in English, "孙华（T）" with full-width brackets in Chinese. */
export const aside = (locale: Locale, text: string, note: string): string => (locale === 'zh-CN' ? `${text}（${note}）` : `${text} (${note})`);
