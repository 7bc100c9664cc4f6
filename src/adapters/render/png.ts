import { createRequire } from 'node:module';
import path from 'node:path';
import { renderAsync, Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import type { ChartImage, ChartRenderer } from '../../ports/chat.js';
import { CHART_FONT_FAMILY, trendChartSvg, trendChartTitle, type TrendChartSpec } from '../../views/trend-chart.js';

/**
 * SVG → PNG with resvg (Rust, shipped as a prebuilt N-API binary inside an npm package: no
 * download at install, no cairo). The font comes from an npm package too (Noto Sans SC, OFL, from
 * @embedpdf/fonts-sc): system fonts are not loaded, so Chinese labels render the same on every
 * machine, with or without CJK fonts installed, and rendering does not scan the font directories.
 */

const require = createRequire(import.meta.url);

/** The Noto Sans SC (Simplified Chinese, with Latin) regular face shipped by @embedpdf/fonts-sc. */
export function chartFontFile(): string {
  const entry = require.resolve('@embedpdf/fonts-sc'); // …/dist/index.cjs
  return path.join(path.dirname(entry), '..', 'fonts', 'NotoSansHans-Regular.otf');
}

let fontFile: string | undefined;

/** resvg's options: only the packaged font, the SVG's own size, a white background. */
export function resvgOptions(): ResvgRenderOptions {
  fontFile ??= chartFontFile();
  return {
    font: { loadSystemFonts: false, fontFiles: [fontFile], defaultFontFamily: CHART_FONT_FAMILY, sansSerifFamily: CHART_FONT_FAMILY },
    fitTo: { mode: 'original' },
    background: '#ffffff',
  };
}

/** Renders an SVG document to PNG bytes at its declared size. */
export function svgToPng(svg: string): Uint8Array {
  const png = new Resvg(svg, resvgOptions()).render().asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}

/** The trend chart spec → its PNG and title. */
export function renderTrendChart(spec: TrendChartSpec): ChartImage {
  return { png: svgToPng(trendChartSvg(spec)), title: trendChartTitle(spec) };
}

/** The same off the main thread (libuv's pool): parsing and text shaping take tens of milliseconds. */
export async function svgToPngAsync(svg: string): Promise<Uint8Array> {
  const png = (await renderAsync(svg, resvgOptions())).asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}

/** The renderer the platforms get: every chart kind the outbox carries, rendered without blocking the bot. */
export const pngChartRenderer: ChartRenderer = async (spec) => ({ png: await svgToPngAsync(trendChartSvg(spec)), title: trendChartTitle(spec) });
