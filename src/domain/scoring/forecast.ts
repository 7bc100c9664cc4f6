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
  let sum = 0;
  for (let x = 0; x < n; x++) sum += values[x]!;
  const meanY = sum / n;
  let sxy = 0;
  let sxx = 0;
  // Plain loops (not forEach with a closure): a round forecasts for every rep (issue 16).
  for (let x = 0; x < n; x++) {
    sxy += (x - meanX) * (values[x]! - meanY);
    sxx += (x - meanX) ** 2;
  }
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
  for (let x = 0; x < n; x++) {
    sxx += (x - meanX) ** 2;
    sse += (values[x]! - (line.intercept + line.slope * x)) ** 2;
  }
  const s = Math.sqrt(sse / (n - 2));
  const se = s * Math.sqrt(1 + 1 / n + (n - meanX) ** 2 / sxx);
  return { value: clamp(line.next, scaleMax), low: clamp(line.next - se, scaleMax), high: clamp(line.next + se, scaleMax), basis: n };
}

/** Within the scale (0 to its top), one decimal. */
const clamp = (v: number, scaleMax: number): number => oneDecimal(Math.min(scaleMax, Math.max(0, v)));

/** The forecast of the period `periodKey` from the totals before it (oldest first), on the template's scale; none without totals. */
export function trendForecast(
  template: Pick<KpiTemplate, 'categories'>,
  totals: readonly number[] | null,
  periodKey: string,
): (ScoreForecast & { periodKey: string }) | null {
  // Fewer totals than a forecast needs: none, without working out the scale's top.
  const f = totals && totals.length >= MIN_FORECAST_PERIODS ? forecastNext(totals, scaleTopOf(template)) : null;
  return f ? { ...f, periodKey } : null;
}

/**
 * The scale's top per template (its categories), worked out once: a round forecasts for every rep
 * from the same template, and walking its categories with reduce closures each time showed in the
 * issue-16 profile. Templates are immutable versioned data, so the answer never goes stale.
 */
const scaleTops = new WeakMap<object, number>();
function scaleTopOf(template: Pick<KpiTemplate, 'categories'>): number {
  let top = scaleTops.get(template.categories);
  if (top === undefined) {
    top = scaleTop(template);
    scaleTops.set(template.categories, top);
  }
  return top;
}
