import type { Locale } from '../domain/model/fields.js';
import { t } from './i18n.js';

/**
 * The monthly scorecard's trend chart: past quarters' totals as a line with points, the forecast
 * for the current quarter as a dashed segment and a hollow point, and the grade bands as faint
 * horizontal lines. The spec is plain data (stored in the outbox as JSON); the SVG is built from it
 * at send time and rendered to PNG by an adapter. No I/O here.
 */
export interface TrendChartSpec {
  kind: 'trend';
  locale: Locale;
  /** Past periods, oldest first; null where the rep had no data. */
  points: { period: string; total: number | null }[];
  /**
   * The forecast for the next period (the current one while it runs): the same number the
   * scorecard's text gives, with its likely range (absent in specs stored before ranges existed).
   */
  forecast: { period: string; total: number; low?: number; high?: number } | null;
  /** Grade bands, highest first, each with the lowest total that earns it. */
  bands: { grade: string; minScore: number }[];
}

/** The declared size of the chart, in pixels: the PNG comes out exactly this size. */
export const TREND_CHART_SIZE = { width: 720, height: 360 } as const;

/**
 * The font family the SVG asks for. The PNG renderer loads a font with this family (Noto Sans SC,
 * which covers Latin and Chinese) so labels never depend on the machine's fonts.
 */
export const CHART_FONT_FAMILY = 'Noto Sans S Chinese';

const M = { left: 56, right: 72, top: 60, bottom: 44 };
/** Space between the axis and the first and last quarter. */
const INSET = 28;
const COLOURS = { line: '#2563eb', forecast: '#f59e0b', band: '#d1d5db', axis: '#374151', text: '#111827', muted: '#6b7280' };

export function trendChartTitle(spec: TrendChartSpec): string {
  return t(spec.locale, 'job.chart.title');
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const num = (n: number): string => String(Math.round(n * 10) / 10);

/** A round upper bound for the y axis: at least 100, above every value and band. */
function yMax(spec: TrendChartSpec): number {
  const values = [...spec.points.map((p) => p.total ?? 0), spec.forecast?.total ?? 0, ...spec.bands.map((b) => b.minScore)];
  const top = Math.max(100, ...values.filter(Number.isFinite));
  return Math.ceil(top / 20) * 20;
}

function text(x: number, y: number, s: string, opts: { anchor?: 'start' | 'middle' | 'end'; size?: number; fill?: string; weight?: string } = {}): string {
  return `<text x="${num(x)}" y="${num(y)}" font-size="${opts.size ?? 12}" fill="${opts.fill ?? COLOURS.text}" text-anchor="${opts.anchor ?? 'middle'}"${opts.weight ? ` font-weight="${opts.weight}"` : ''}>${esc(s)}</text>`;
}

const LABEL_SIZE = 11;

/** A label's box, from its baseline and right end (anchor end): a generous estimate of the glyphs' extent. */
export function labelBox(label: { x: number; y: number; text: string }, size = LABEL_SIZE): { left: number; right: number; top: number; bottom: number } {
  // Latin glyphs and digits are at most ~0.62 em wide in Noto Sans; CJK ones a full em.
  const width = [...label.text].reduce((w, ch) => w + (/[\u2E80-\uFFEF]/.test(ch) ? size : size * 0.62), 0);
  return { left: label.x - width, right: label.x, top: label.y - size, bottom: label.y + size * 0.3 };
}

/**
 * Where the forecast's label goes: left of its point, on the side the dashed line does not come
 * from (above when the line rises or stays level, below when it falls), so the line never strikes
 * it through; when below would leave the plot, above and clear of the line's highest point under
 * the label.
 */
export function forecastLabel(
  spec: Pick<TrendChartSpec, 'locale' | 'forecast'>,
  point: { x: number; y: number },
  from: { x: number; y: number } | null,
  plot: { top: number; bottom: number },
): { x: number; y: number; text: string } {
  const textOf = `${t(spec.locale, 'job.chart.forecast')} ${num(spec.forecast!.total)}`;
  const x = point.x - 10;
  const falling = from !== null && from.y < point.y; // SVG y grows downwards
  const below = { x, y: point.y + 6 + LABEL_SIZE, text: textOf };
  if (falling && labelBox(below).bottom <= plot.bottom) return below;
  const above = { x, y: point.y - 10, text: textOf };
  if (!falling || from === null) return above;
  // Falling to the bottom of the plot: above the line where it passes the label's left end.
  const left = labelBox(above).left;
  const lineY = point.y + ((from.y - point.y) * (point.x - Math.max(left, from.x))) / (point.x - from.x);
  return { x, y: Math.max(LABEL_SIZE + 2, lineY - 6), text: textOf };
}

export function trendChartSvg(spec: TrendChartSpec): string {
  const { width: W, height: H } = TREND_CHART_SIZE;
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const max = yMax(spec);
  const slots = [...spec.points.map((p) => p.period), ...(spec.forecast ? [spec.forecast.period] : [])];
  const step = slots.length > 1 ? (plotW - 2 * INSET) / (slots.length - 1) : 0;
  const x = (i: number): number => M.left + (slots.length > 1 ? INSET + i * step : plotW / 2);
  const y = (v: number): number => M.top + plotH - (Math.max(0, Math.min(max, v)) / max) * plotH;
  const out: string[] = [];

  out.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  out.push(text(M.left, 26, trendChartTitle(spec), { anchor: 'start', size: 16, weight: 'bold' }));
  // Y axis ticks and grid.
  for (let v = 0; v <= max; v += max / 5) {
    out.push(`<line x1="${M.left}" y1="${num(y(v))}" x2="${M.left + plotW}" y2="${num(y(v))}" stroke="#f3f4f6" stroke-width="1"/>`);
    out.push(text(M.left - 8, y(v) + 4, num(v), { anchor: 'end', size: 11, fill: COLOURS.muted }));
  }
  // Grade bands: a line at each band's minimum, labelled on the right.
  for (const b of spec.bands) {
    if (b.minScore <= 0) continue;
    out.push(`<line x1="${M.left}" y1="${num(y(b.minScore))}" x2="${M.left + plotW}" y2="${num(y(b.minScore))}" stroke="${COLOURS.band}" stroke-width="1.5" stroke-dasharray="2 3"/>`);
    out.push(text(M.left + plotW + 6, y(b.minScore) + 4, `${b.grade} ≥ ${num(b.minScore)}`, { anchor: 'start', size: 11, fill: COLOURS.muted }));
  }
  // Axes and period labels.
  out.push(`<line x1="${M.left}" y1="${M.top}" x2="${M.left}" y2="${M.top + plotH}" stroke="${COLOURS.axis}" stroke-width="1"/>`);
  out.push(`<line x1="${M.left}" y1="${M.top + plotH}" x2="${M.left + plotW}" y2="${M.top + plotH}" stroke="${COLOURS.axis}" stroke-width="1"/>`);
  slots.forEach((label, i) => out.push(text(x(i), M.top + plotH + 18, label, { size: 11 })));
  out.push(text(M.left - 8, M.top - 14, t(spec.locale, 'job.chart.score'), { anchor: 'start', size: 11, fill: COLOURS.muted }));

  // The past: a line through the quarters with data (a gap where there was none).
  const segments: [number, number][][] = [[]];
  spec.points.forEach((p, i) => {
    if (p.total === null) segments.push([]);
    else segments.at(-1)!.push([x(i), y(p.total)]);
  });
  for (const seg of segments.filter((s) => s.length > 1)) {
    out.push(`<polyline points="${seg.map(([a, b]) => `${num(a)},${num(b)}`).join(' ')}" fill="none" stroke="${COLOURS.line}" stroke-width="2.5"/>`);
  }
  spec.points.forEach((p, i) => {
    if (p.total === null) return;
    out.push(`<circle cx="${num(x(i))}" cy="${num(y(p.total))}" r="4" fill="${COLOURS.line}"/>`);
    out.push(text(x(i), y(p.total) - 10, num(p.total), { size: 11 }));
  });

  // The forecast: dashed from the last quarter with data, its range as a whisker, a hollow point.
  if (spec.forecast) {
    const fx = x(spec.points.length);
    const fy = y(spec.forecast.total);
    const last = [...spec.points.entries()].reverse().find(([, p]) => p.total !== null);
    const from = last ? { x: x(last[0]), y: y(last[1].total!) } : null;
    if (from) out.push(`<line x1="${num(from.x)}" y1="${num(from.y)}" x2="${num(fx)}" y2="${num(fy)}" stroke="${COLOURS.forecast}" stroke-width="2.5" stroke-dasharray="6 4"/>`);
    if (spec.forecast.low !== undefined && spec.forecast.high !== undefined && spec.forecast.high > spec.forecast.low) {
      const [top, bottom] = [y(spec.forecast.high), y(spec.forecast.low)];
      out.push(`<line x1="${num(fx)}" y1="${num(top)}" x2="${num(fx)}" y2="${num(bottom)}" stroke="${COLOURS.forecast}" stroke-width="1.5"/>`);
      for (const v of [top, bottom]) out.push(`<line x1="${num(fx - 5)}" y1="${num(v)}" x2="${num(fx + 5)}" y2="${num(v)}" stroke="${COLOURS.forecast}" stroke-width="1.5"/>`);
    }
    out.push(`<circle cx="${num(fx)}" cy="${num(fy)}" r="5" fill="#ffffff" stroke="${COLOURS.forecast}" stroke-width="2.5"/>`);
    const label = forecastLabel(spec, { x: fx, y: fy }, from, { top: M.top, bottom: M.top + plotH });
    out.push(text(label.x, label.y, label.text, { anchor: 'end', size: LABEL_SIZE, fill: COLOURS.forecast }));
  }
  if (spec.points.every((p) => p.total === null) && !spec.forecast) {
    out.push(text(M.left + plotW / 2, M.top + plotH / 2, t(spec.locale, 'job.chart.noData'), { size: 14, fill: COLOURS.muted }));
  }

  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${CHART_FONT_FAMILY}">${out.join('')}</svg>`;
}
