import type { Locale } from '../domain/model/fields.js';

/** Number formatting per locale: the same figure reads "¥1.2M" in English and "¥120万" in Chinese. */
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

export const fmtScore = (locale: Locale, x: number | null): string =>
  x === null ? '—' : nf(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(x);

export const fmtNumber = (locale: Locale, x: number | null, digits = 0): string =>
  x === null ? '—' : nf(locale, { maximumFractionDigits: digits }).format(x);

export const fmtPercent = (locale: Locale, x: number | null): string =>
  x === null ? '—' : nf(locale, { style: 'percent', maximumFractionDigits: 1 }).format(x);

export const fmtMoney = (locale: Locale, x: number | null, currency: string, compact = false): string =>
  x === null
    ? '—'
    : nf(locale, {
        style: 'currency',
        currency,
        currencyDisplay: 'narrowSymbol',
        ...(compact ? { notation: 'compact', maximumFractionDigits: 1 } : { maximumFractionDigits: 0 }),
      }).format(x);

/** "+3.5" / "−2.0": signed deltas for comparisons. */
export const fmtDelta = (locale: Locale, x: number | null): string =>
  x === null ? '—' : `${x > 0 ? '+' : x < 0 ? '−' : '±'}${fmtScore(locale, Math.abs(x))}`;
