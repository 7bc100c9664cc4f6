import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { resvgOptions, svgToPng, svgToPngAsync } from '../../src/adapters/render/png.js';
import { createTextOutliner } from '../../src/adapters/render/text-outlines.js';
import { TREND_CHART_SIZE, trendChartSvg } from '../../src/views/trend-chart.js';
import { chartSpec } from '../helpers/chart.js';
import { decodePng } from '../helpers/png-decode.js';

/**
 * Charts are drawn with text outlined from a per-character cache instead of resvg shaping every
 * label with the 8 MB CJK font (issue 16): the picture must stay the same.
 */

/** The picture as resvg draws it shaping the text with the packaged font (the way it was drawn before). */
const shaped = (svg: string): Buffer => Buffer.from(new Resvg(svg, resvgOptions()).render().pixels);

/** Share of pixels whose colour differs by more than a quarter of the range in any channel. */
function differing(a: Buffer, b: Buffer): number {
  let n = 0;
  for (let i = 0; i < a.length; i += 4) if ([0, 1, 2].some((c) => Math.abs(a[i + c]! - b[i + c]!) > 64)) n++;
  return n / (a.length / 4);
}
const ink = (pixels: Buffer): number => {
  let n = 0;
  for (let i = 0; i < pixels.length; i += 4) if (pixels[i]! < 200) n++;
  return n;
};
const label = (s: string): string => `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><text x="10" y="40" font-size="28">${s}</text></svg>`;

describe('trend chart with outlined text', () => {
  it.each(['en', 'zh-CN'] as const)('draws the same picture as shaping the text with the font, at the declared size (%s)', (locale) => {
    const svg = trendChartSvg(chartSpec(locale));
    const png = decodePng(svgToPng(svg));
    expect({ width: png.width, height: png.height }).toEqual(TREND_CHART_SIZE);
    // Kerning between Latin letters is the only difference the outlines allow (under 1 % of pixels).
    expect(differing(png.pixels, shaped(svg))).toBeLessThan(0.01);
    expect(ink(png.pixels)).toBeGreaterThan(2000);
  });

  it('still draws Chinese labels: each CJK label adds its own ink to the chart without it', () => {
    const svg = trendChartSvg(chartSpec('zh-CN'));
    const without = decodePng(svgToPng(svg.replace(/<text\b[^>]*>各季度得分与预测<\/text>/, ''))).pixels;
    const withTitle = decodePng(svgToPng(svg)).pixels;
    expect(without.equals(withTitle)).toBe(false);
    expect(ink(withTitle) - ink(without)).toBeGreaterThan(200);
    const a = decodePng(svgToPng(label('得分'))).pixels;
    const b = decodePng(svgToPng(label('预测'))).pixels;
    expect(ink(a)).toBeGreaterThan(100);
    expect(a.equals(b)).toBe(false);
    expect(differing(a, shaped(label('得分')))).toBe(0);
  });

  it('lays out escaped characters, anchors and collapsed spaces as resvg does', () => {
    for (const svg of [label('&lt;Q&gt; &amp; A'), label('  B   ≥ 75 '), label('Q4').replace('<text ', '<text text-anchor="middle" ')]) {
      expect(differing(decodePng(svgToPng(svg)).pixels, shaped(svg))).toBeLessThan(0.005);
    }
  });

  it('falls back to the font for text it does not lay out (a tspan)', async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><text x="10" y="40" font-size="28"><tspan>得分</tspan></text></svg>`;
    const png = decodePng(await svgToPngAsync(svg));
    expect(png.pixels.equals(shaped(svg))).toBe(true);
  });

  it('loads the font only for characters it has not seen', () => {
    const outliner = createTextOutliner(() => resvgOptions().font);
    outliner.outline(trendChartSvg(chartSpec('zh-CN')));
    expect(outliner.fontLoads).toBe(1);
    const learnt = outliner.size;
    outliner.outline(trendChartSvg({ ...chartSpec('zh-CN'), forecast: { period: '2026-Q4', total: 80.1 } }));
    expect(outliner.fontLoads).toBe(1);
    outliner.outline(label('优秀'));
    expect(outliner.fontLoads).toBe(2);
    expect(outliner.size).toBe(learnt + 2);
  });
});
