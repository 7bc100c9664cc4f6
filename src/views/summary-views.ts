import type { Locale } from '../domain/model/fields.js';
import type { IndicatorLine, Scorecard } from '../domain/model/scorecard.js';
import { fmtScore } from './format.js';
import { t } from './i18n.js';
import { fmtIndicatorValue, type ViewContext } from './scorecard-view.js';

/**
 * The short summary a result, appeal or calibration message leads with: what moved the total most.
 * The full scorecard follows behind it (a `details` block), so a reader on a phone sees the point
 * first.
 */

/** Points of the total an indicator lost against a full score: its weight × how far it fell short of 100. */
export const pointsLost = (l: IndicatorLine): number => (l.applied === 'excluded' || l.score === null ? 0 : (l.effectiveWeight * Math.max(0, 100 - l.score)) / 100);

/** The indicators that cost the most points, most first (at most `n`, only those that cost something). */
export function costliest(card: Pick<Scorecard, 'indicators'>, n = 2): IndicatorLine[] {
  return card.indicators
    .map((l, i) => ({ l, i, lost: pointsLost(l) }))
    .filter((x) => x.lost >= 0.05)
    .sort((a, b) => b.lost - a.lost || a.i - b.i)
    .slice(0, n)
    .map((x) => x.l);
}

/** "What moved it most: Revenue ¥96K of ¥1.5M (−28.1 points); Volume (units) 19 of 300 (−8.4 points)." */
export function movedText(ctx: ViewContext, card: Pick<Scorecard, 'indicators'>): string {
  const lines = costliest(card);
  if (lines.length === 0) return t(ctx.locale, 'summary.movedNothing');
  const list = lines.map((l) =>
    t(ctx.locale, 'summary.lost', {
      indicator: t(ctx.locale, `indicator.${l.key}`),
      actual: fmtIndicatorValue(ctx, l.key, l.actual),
      target: fmtIndicatorValue(ctx, l.key, l.target),
      points: fmtScore(ctx.locale, pointsLost(l)),
    }),
  );
  return t(ctx.locale, 'summary.moved', { list: list.join(t(ctx.locale, 'list.separator')) });
}

export const fullScorecardLabel = (locale: Locale): string => t(locale, 'summary.fullScorecard');
