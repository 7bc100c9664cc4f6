import type { Locale } from '../domain/model/fields.js';
import { INDICATORS, type IndicatorKey } from '../domain/model/indicators.js';
import { fmtCount, fmtMoney, fmtPercent, fmtRating } from './format.js';
import { isMessageKey, t, tn } from './i18n.js';

export interface ViewContext {
  locale: Locale;
  currency: string;
}

/**
 * An indicator's value in its own unit, by the kind of figure its descriptor says it is: money as
 * written ("¥1.5M"), a whole percentage, a rating with one decimal, a whole count (a prorated
 * target of 1.8 new customers reads "2": nobody wins 0.8 of a customer).
 */
export function fmtIndicatorValue(ctx: ViewContext, key: IndicatorKey, v: number | null): string {
  switch (INDICATORS[key].measure) {
    case 'amount':
      return fmtMoney(ctx.locale, v, ctx.currency);
    case 'ratio':
      return fmtPercent(ctx.locale, v);
    case 'rating':
      return v === null ? '—' : `${fmtRating(ctx.locale, v)} / 5`;
    case 'count':
      return fmtCount(ctx.locale, v);
  }
}

/**
 * Texts named after an indicator ("Client visits", "revenue" as a noun), per locale. A round asks
 * for them on every line of every card; building the key (`indicator.${key}`) and looking it up
 * each time showed in the issue-16 profile. The catalogues are constants, so once per locale is enough.
 */
const names: Record<Locale, Map<IndicatorKey, string>> = { en: new Map(), 'zh-CN': new Map() };
const nouns: Record<Locale, Map<IndicatorKey, string>> = { en: new Map(), 'zh-CN': new Map() };

/** The indicator's label: "Client visits" / "客户拜访". */
export function indicatorName(locale: Locale, key: IndicatorKey): string {
  let name = names[locale].get(key);
  if (name === undefined) {
    name = t(locale, `indicator.${key}`);
    names[locale].set(key, name);
  }
  return name;
}

/** The indicator mid-sentence, as a noun ("revenue"), where the catalogue has one; else its label. */
function indicatorNoun(locale: Locale, key: IndicatorKey): string {
  let noun = nouns[locale].get(key);
  if (noun === undefined) {
    const nounKey = `noun.${key}`;
    noun = isMessageKey(nounKey) ? t(locale, nounKey) : indicatorName(locale, key);
    nouns[locale].set(key, noun);
  }
  return noun;
}

/** "3 more client visits" / "1 more new customer" (and "¥1.4M more revenue"): more of an indicator, in its unit. */
export function moreOf(ctx: ViewContext, key: IndicatorKey, more: number): string {
  const measure = INDICATORS[key].measure;
  // Mid-sentence the indicator reads as a noun ("¥1.2M more revenue"), not as its capitalised label.
  if (measure === 'amount') return t(ctx.locale, 'pacing.more.amount', { amount: fmtMoney(ctx.locale, more, ctx.currency), indicator: indicatorNoun(ctx.locale, key) });
  if (measure === 'count') {
    const n = Math.round(more);
    return t(ctx.locale, 'pacing.more.count', { n: fmtCount(ctx.locale, n), noun: tn(ctx.locale, `noun.${key}`, n) });
  }
  return t(ctx.locale, 'pacing.more.value', { value: fmtIndicatorValue(ctx, key, more), indicator: indicatorName(ctx.locale, key) });
}
