import { Resvg, type ResvgRenderOptions } from '@resvg/resvg-js';

/**
 * Replaces the `<text>` elements of a chart SVG with glyph outlines cached per character, so the
 * SVG handed to resvg has no text and resvg loads no font.
 *
 * Why: resvg builds its font database for every render, and the only font that draws Chinese is an
 * 8 MB Noto Sans SC; loading and shaping with it cost ~100 ms per chart, a 5,000-rep round 9 of its
 * 10 minutes (issue 16, profiled on the fan-out bench: nearly all the time inside `new Resvg`, none in
 * rasterising or PNG encoding). Here the font is loaded once per batch of characters never seen
 * before: each character's outline and advance come from resvg itself (its own text-to-path
 * conversion, `toString()`), at 1,000 units per em, then labels are laid out by advances.
 *
 * What it does not do: kerning and ligatures between characters (the chart's labels are digits,
 * quarter names, grades and short phrases; CJK is monospaced) and text on paths, tspans or
 * letter-spacing (the chart does not use them). The layout follows SVG's default whitespace rule:
 * runs collapse to one space, leading and trailing space is dropped.
 */

const EM = 1000;
/** The reference glyph for advances: a straight stem, no kerning with its neighbours in practice. */
const REF = 'I';

interface Glyph {
  /** Outline at 1,000 units per em, origin on the baseline at the pen position; empty for a blank. */
  d: string;
  advance: number;
}

export interface TextOutliner {
  /** The SVG with every `<text>` replaced by outlines. */
  outline(svg: string): string;
  /** Characters measured so far (for tests and the bench). */
  readonly size: number;
  /** How many times the font has been loaded so far. */
  readonly fontLoads: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescape = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? m),
  );
const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const attr = (attrs: string, name: string): string | undefined => new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs)?.[1];
const round = (n: number): string => String(Math.round(n * 100) / 100);

/** The outline (all path data) usvg produced inside each of our `<g id="…">` groups, by id. */
function pathsById(usvg: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const chunk of usvg.split('<g id="').slice(1)) {
    const id = chunk.slice(0, chunk.indexOf('"'));
    out.set(id, [...chunk.matchAll(/ d="([^"]*)"/g)].map((p) => p[1]!).join(' '));
  }
  return out;
}
const firstX = (d: string | undefined): number => (d ? Number(/^M (-?[\d.e+-]+)/.exec(d)?.[1]) : NaN);

export function createTextOutliner(fontOptions: () => ResvgRenderOptions['font']): TextOutliner {
  const glyphs = new Map<string, Glyph>();
  let fontLoads = 0;

  /** One font load for every character not yet known: outline, and advance from anchored widths. */
  function learn(chars: readonly string[]): void {
    const parts: string[] = [];
    const t = (id: string, s: string, anchor = 'start'): string =>
      `<g id="${id}"><text x="0" y="0" font-size="${EM}" text-anchor="${anchor}" xml:space="preserve">${escape(s)}</text></g>`;
    parts.push(t('rs', REF), t('re', REF, 'end'));
    chars.forEach((c, i) => parts.push(t(`o${i}`, c), t(`s${i}`, REF + c + REF), t(`e${i}`, REF + c + REF, 'end')));
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1">${parts.join('')}</svg>`;
    fontLoads++;
    const paths = pathsById(new Resvg(svg, { font: fontOptions() }).toString());
    const width = (s: string, e: string): number => firstX(paths.get(s)) - firstX(paths.get(e));
    const ref = width('rs', 're');
    chars.forEach((c, i) => {
      const advance = width(`s${i}`, `e${i}`) - 2 * ref;
      glyphs.set(c, { d: paths.get(`o${i}`) ?? '', advance: Number.isFinite(advance) ? Math.max(0, advance) : 0 });
    });
  }

  /** The laid-out outlines of one `<text>`: a group filled as the text was. */
  function outlineText(attrs: string, body: string): string {
    const content = unescape(body).replace(/\s+/g, ' ').trim();
    const x = Number(attr(attrs, 'x') ?? 0);
    const y = Number(attr(attrs, 'y') ?? 0);
    const size = Number(attr(attrs, 'font-size') ?? 16);
    const anchor = attr(attrs, 'text-anchor') ?? 'start';
    const fill = attr(attrs, 'fill') ?? '#000000';
    const scale = size / EM;
    const chars = [...content];
    const width = chars.reduce((w, c) => w + glyphs.get(c)!.advance, 0) * scale;
    let pen = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x;
    const out: string[] = [];
    for (const c of chars) {
      const g = glyphs.get(c)!;
      if (g.d) out.push(`<path transform="matrix(${scale} 0 0 ${scale} ${round(pen)} ${round(y)})" d="${g.d}"/>`);
      pen += g.advance * scale;
    }
    return `<g fill="${fill}">${out.join('')}</g>`;
  }

  return {
    outline(svg) {
      const texts = [...svg.matchAll(/<text\b([^>]*)>([^<]*)<\/text>/g)];
      const missing = new Set<string>();
      for (const [, , body] of texts) for (const c of unescape(body!).replace(/\s+/g, ' ')) if (!glyphs.has(c)) missing.add(c);
      if (missing.size > 0) learn([...missing]);
      return svg.replace(/<text\b([^>]*)>([^<]*)<\/text>/g, (_, attrs: string, body: string) => outlineText(attrs, body));
    },
    get size() {
      return glyphs.size;
    },
    get fontLoads() {
      return fontLoads;
    },
  };
}
