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
