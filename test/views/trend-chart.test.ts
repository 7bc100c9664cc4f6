import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { pngChartRenderer, renderTrendChart, resvgOptions, svgToPng } from '../../src/adapters/render/png.js';
import { TREND_CHART_SIZE, trendChartSvg } from '../../src/views/trend-chart.js';
import { chartSpec, pngHeader } from '../helpers/chart.js';

const spec = chartSpec;

/** Non-white pixels of an SVG rendered with the chart's fonts. */
function ink(svg: string): { count: number; pixels: Buffer } {
  const pixels = Buffer.from(new Resvg(svg, resvgOptions()).render().pixels);
  let count = 0;
  for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 200) count++;
  return { count, pixels };
}
const label = (s: string): string => `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><text x="10" y="40" font-size="28">${s}</text></svg>`;

describe('trend chart', () => {
  it('draws the past as a line with points, the forecast dashed, the grade bands and labels', () => {
    const svg = trendChartSvg(spec('en'));
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="720" height="360"/);
    expect(svg).toContain('Your score by quarter, with the forecast');
    // The quarter without data breaks the line: only Q2–Q3 are joined.
    expect(svg.match(/<polyline/g)).toHaveLength(1);
    expect(svg.match(/<circle/g)).toHaveLength(4); // three past points and the forecast
    expect(svg).toContain('stroke-dasharray="6 4"');
    for (const s of ['A ≥ 90', 'B ≥ 75', 'C ≥ 60', '2025-Q4', '2026-Q4', 'Forecast 83.2']) expect(svg).toContain(s);
    expect(svg).not.toContain('D ≥ 0');
  });

  it('labels in Chinese, escapes text, and says when there is nothing to draw', () => {
    expect(trendChartSvg(spec('zh-CN'))).toContain('各季度得分与预测');
    const empty = trendChartSvg({ ...spec('en'), points: [{ period: '<Q>', total: null }], forecast: null });
    expect(empty).toContain('No scores yet');
    expect(empty).toContain('&lt;Q&gt;');
  });

  it.each(['en', 'zh-CN'] as const)('renders a valid PNG of the declared size (%s)', (locale) => {
    const { png, title } = renderTrendChart(spec(locale));
    expect(pngHeader(png)).toEqual({ signature: true, chunk: 'IHDR', width: TREND_CHART_SIZE.width, height: TREND_CHART_SIZE.height });
    expect(title).toBe(locale === 'en' ? 'Your score by quarter, with the forecast' : '各季度得分与预测');
    expect(png.byteLength).toBeLessThan(100_000);
  });

  it('renders off the main thread for the platforms, to the same PNG', async () => {
    const image = await pngChartRenderer(spec('zh-CN'));
    expect(pngHeader(image.png)).toEqual({ signature: true, chunk: 'IHDR', width: TREND_CHART_SIZE.width, height: TREND_CHART_SIZE.height });
    expect(Buffer.from(image.png).equals(Buffer.from(renderTrendChart(spec('zh-CN')).png))).toBe(true);
  });

  it('renders Chinese glyphs from the packaged font (not blanks, not identical boxes)', () => {
    const a = ink(label('得分'));
    const b = ink(label('预测'));
    expect(a.count).toBeGreaterThan(100);
    expect(b.count).toBeGreaterThan(100);
    expect(a.pixels.equals(b.pixels)).toBe(false);
    expect(pngHeader(svgToPng(label('得分'))).width).toBe(200);
  });
});
