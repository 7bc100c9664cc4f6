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

describe('the forecast label and its dashed line', () => {
  /** The dashed forecast segment and the forecast label's box (11 px glyphs, at most 7 px wide each, anchored at their right end). */
  function geometry(svg: string) {
    const line = svg.match(/<line x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="([\d.]+)" stroke="#f59e0b" stroke-width="2.5" stroke-dasharray="6 4"\/>/);
    const text = svg.match(/<text x="([\d.]+)" y="([\d.]+)" font-size="11" fill="#f59e0b" text-anchor="(\w+)">([^<]+)<\/text>/);
    expect(line, 'the dashed line').not.toBeNull();
    expect(text, 'the forecast label').not.toBeNull();
    const [x1, y1, x2, y2] = line!.slice(1, 5).map(Number) as [number, number, number, number];
    const [tx, ty] = [Number(text![1]), Number(text![2])];
    const width = [...text![4]!].length * 7;
    const left = text![3] === 'end' ? tx - width : text![3] === 'middle' ? tx - width / 2 : tx;
    return { segment: { x1, y1, x2, y2 }, box: { left, right: left + width, top: ty - 11, bottom: ty + 3 }, label: text![4]! };
  }
  /** Whether the segment (with its 2.5 px stroke) passes through the box: sampled every half pixel. */
  function strikes(s: { x1: number; y1: number; x2: number; y2: number }, b: { left: number; right: number; top: number; bottom: number }): boolean {
    const steps = Math.ceil(Math.hypot(s.x2 - s.x1, s.y2 - s.y1) * 2);
    for (let i = 0; i <= steps; i++) {
      const x = s.x1 + ((s.x2 - s.x1) * i) / steps;
      const y = s.y1 + ((s.y2 - s.y1) * i) / steps;
      if (x >= b.left - 1.25 && x <= b.right + 1.25 && y >= b.top - 1.25 && y <= b.bottom + 1.25) return true;
    }
    return false;
  }
  const cases: [string, number, number][] = [
    ['rising', 60, 83.2],
    ['level', 70, 70],
    ['falling gently', 60, 52],
    ['falling steeply (the issue: 43.9 → 25.4)', 43.9, 25.4],
    ['falling to the floor', 40, 0],
    ['falling from the top', 100, 96],
  ];
  for (const [name, last, next] of cases) {
    it(`is never struck through by the line: ${name}`, () => {
      const svg = trendChartSvg({ ...spec('en'), points: [{ period: '2026-Q1', total: 50 }, { period: '2026-Q2', total: 55 }, { period: '2026-Q3', total: last }], forecast: { period: '2026-Q4', total: next, low: next - 3, high: next + 3 } });
      const g = geometry(svg);
      expect(g.label).toBe(`Forecast ${Math.round(next * 10) / 10}`);
      expect(strikes(g.segment, g.box), `${name}: line ${JSON.stringify(g.segment)} label ${JSON.stringify(g.box)}`).toBe(false);
      // And the label stays on the canvas.
      expect(g.box.left).toBeGreaterThanOrEqual(0);
      expect(g.box.top).toBeGreaterThanOrEqual(0);
    });
  }

  it('draws the forecast’s range as a whisker at its period', () => {
    const svg = trendChartSvg({ ...spec('en'), forecast: { period: '2026-Q4', total: 83.2, low: 76, high: 90.4 } });
    // Three whisker strokes: the vertical one and its two caps.
    expect(svg.match(/stroke="#f59e0b" stroke-width="1.5"/g)).toHaveLength(3);
  });
});
