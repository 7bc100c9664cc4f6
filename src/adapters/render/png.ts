import { createRequire } from 'node:module';
import path from 'node:path';
import { renderAsync, Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';
import type { ChartImage, ChartRenderer } from '../../ports/chat.js';
import { CHART_FONT_FAMILY, trendChartSvg, trendChartTitle, type TrendChartSpec } from '../../views/trend-chart.js';
import { encodePng } from './png-encode.js';
import { createTextOutliner } from './text-outlines.js';

/**
 * SVG → PNG with resvg (Rust, shipped as a prebuilt N-API binary inside an npm package: no
 * download at install, no cairo). The font comes from an npm package too (Noto Sans SC, OFL, from
 * @embedpdf/fonts-sc): system fonts are not loaded, so Chinese labels render the same on every
 * machine, with or without CJK fonts installed, and rendering does not scan the font directories.
 *
 * Text is drawn as outlines cached per character (text-outlines.ts), so a chart is rendered without
 * loading the 8 MB font at all, and the PNG is encoded by png-encode.ts: ~100 ms a chart became a
 * few milliseconds (issue 16).
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

/** What resvg needs for an SVG without text: no font at all (building a font database is the cost). */
const TEXTLESS: ResvgRenderOptions = { font: { loadSystemFonts: false }, fitTo: { mode: 'original' }, background: '#ffffff' };

/** One per process: the characters' outlines, learnt from the packaged font as they first appear. */
const outliner = createTextOutliner(() => resvgOptions().font);

/**
 * The SVG to hand resvg, and its options: text outlined and no font, or (for text the outliner
 * does not lay out, such as tspans) the SVG as it is with the packaged font.
 */
function prepare(svg: string): [string, ResvgRenderOptions] {
  const outlined = outliner.outline(svg);
  return outlined.includes('<text') ? [svg, resvgOptions()] : [outlined, TEXTLESS];
}

/** Renders an SVG document to PNG bytes at its declared size. */
export function svgToPng(svg: string): Uint8Array {
  const image = new Resvg(...prepare(svg)).render();
  return encodePng(image.pixels, image.width, image.height);
}

/** The trend chart spec → its PNG and title. */
export function renderTrendChart(spec: TrendChartSpec): ChartImage {
  return { png: svgToPng(trendChartSvg(spec)), title: trendChartTitle(spec) };
}

/**
 * The same with rasterising off the main thread (libuv's pool). Outlining stays on it: a few
 * tenths of a millisecond, except the first time a character appears (one font load, ~0.1 s).
 */
export async function svgToPngAsync(svg: string): Promise<Uint8Array> {
  const image = await renderAsync(...prepare(svg));
  return encodePng(image.pixels, image.width, image.height);
}

/** The renderer the platforms get: every chart kind the outbox carries, rendered without blocking the bot. */
export const pngChartRenderer: ChartRenderer = async (spec) => ({ png: await svgToPngAsync(trendChartSvg(spec)), title: trendChartTitle(spec) });

/** Characters outlined so far and font loads, for the bench. */
export const outlineStats = (): { characters: number; fontLoads: number } => ({ characters: outliner.size, fontLoads: outliner.fontLoads });
