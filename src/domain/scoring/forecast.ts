import type { KpiTemplate } from '../model/template.js';
import { scaleTop } from './grading.js';

export interface Forecast {
  /** Least-squares line through the points (x = 0, 1, … in period order). */
  slope: number;
  intercept: number;
  /** The line's value at the next period. */
  next: number;
  /** How many periods it is based on. */
  basis: number;
}

/**
 * Ordinary least squares over equally spaced periods, predicting the next one. With one point the
 * forecast is flat; with none there is no forecast.
 */
export function linearForecast(values: readonly number[]): Forecast | null {
  const n = values.length;
  if (n === 0) return null;
  if (n === 1) return { slope: 0, intercept: values[0]!, next: values[0]!, basis: 1 };
  const meanX = (n - 1) / 2;
  const meanY = values.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  values.forEach((y, x) => {
    sxy += (x - meanX) * (y - meanY);
    sxx += (x - meanX) ** 2;
  });
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  return { slope, intercept, next: intercept + slope * n, basis: n };
}

/** A forecast from fewer periods than this says more about noise than about the rep: none is made. */
export const MIN_FORECAST_PERIODS = 3;

/** A forecast of the next period's total as people read it: the value and a likely range, within the scale. */
export interface ScoreForecast {
  /** The least-squares line's value at the next period, clamped to the scale, one decimal. */
  value: number;
  /** value ± one standard error of the prediction, clamped to the scale, one decimal. */
  low: number;
  high: number;
  /** How many periods it is based on (at least MIN_FORECAST_PERIODS). */
  basis: number;
}

const oneDecimal = (x: number): number => Math.round(Number((x * 10).toPrecision(12))) / 10;

/**
 * The next period's total from the previous ones (oldest first): a straight line fitted by least
 * squares, with the standard error of a prediction from that line as its uncertainty
 * (s·√(1 + 1/n + (x₀ − x̄)² / Σ(x − x̄)²), s the residuals' standard deviation over n − 2 degrees
 * of freedom): roughly two chances in three that the next total falls within the range. Never
 * below 0 or above the scale's top; no forecast from fewer than three periods.
 */
export function forecastNext(values: readonly number[], scaleMax: number): ScoreForecast | null {
  const n = values.length;
  if (n < MIN_FORECAST_PERIODS) return null;
  const line = linearForecast(values)!;
  const meanX = (n - 1) / 2;
  let sxx = 0;
  let sse = 0;
  values.forEach((y, x) => {
    sxx += (x - meanX) ** 2;
    sse += (y - (line.intercept + line.slope * x)) ** 2;
  });
  const s = Math.sqrt(sse / (n - 2));
  const se = s * Math.sqrt(1 + 1 / n + (n - meanX) ** 2 / sxx);
  const clamp = (v: number): number => oneDecimal(Math.min(scaleMax, Math.max(0, v)));
  return { value: clamp(line.next), low: clamp(line.next - se), high: clamp(line.next + se), basis: n };
}

/** The forecast of the period `periodKey` from the totals before it (oldest first), on the template's scale; none without totals. */
export function trendForecast(
  template: Pick<KpiTemplate, 'categories'>,
  totals: readonly number[] | null,
  periodKey: string,
): (ScoreForecast & { periodKey: string }) | null {
  const f = totals ? forecastNext(totals, scaleTop(template)) : null;
  return f ? { ...f, periodKey } : null;
}
