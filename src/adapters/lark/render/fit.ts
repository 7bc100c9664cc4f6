import { notation, type Card, type CardElement } from './card.js';

/**
 * Lark refuses a card over 30 KB (https://open.feishu.cn/document/feishu-cards/card-json-v2-structure).
 * A card that would be larger is cut where the bulk is: the rows of a long table, the options of a
 * long select (never the chosen one), the end of a long text; a "…" line says something was left
 * out. The limit is kept a little under 30 KiB for safety.
 */
export const MAX_CARD_BYTES = 30_000;

export const cardBytes = (c: unknown): number => Buffer.byteLength(JSON.stringify(c), 'utf8');

type Shrinkable =
  | { kind: 'rows'; el: CardElement & { rows: unknown[] } }
  | { kind: 'options'; el: CardElement & { options: { value: string }[]; initial_option?: string } }
  | { kind: 'text'; el: CardElement & { content: string } };

/** Every element that can lose bulk, anywhere in the tree (forms and columns nest elements). */
function shrinkables(elements: readonly unknown[], out: Shrinkable[] = []): Shrinkable[] {
  for (const raw of elements) {
    if (!raw || typeof raw !== 'object') continue;
    const el = raw as CardElement;
    if (Array.isArray(el.rows) && el.rows.length > 1) out.push({ kind: 'rows', el: el as Shrinkable['el'] & { rows: unknown[] } });
    else if (Array.isArray(el.options) && el.options.length > 1) out.push({ kind: 'options', el: el as never });
    else if (typeof el.content === 'string' && el.content.length > 200) out.push({ kind: 'text', el: el as never });
    for (const key of ['elements', 'columns'] as const) if (Array.isArray(el[key])) shrinkables(el[key] as unknown[], out);
  }
  return out;
}

/** Removes at least `bytes` from the element (or as much as it has). */
function shrink(s: Shrinkable, bytes: number): void {
  if (s.kind === 'text') {
    s.el.content = `${s.el.content.slice(0, Math.max(100, s.el.content.length - bytes - 1))}…`;
    return;
  }
  const list: unknown[] = s.kind === 'rows' ? s.el.rows : s.el.options;
  const keep = (item: unknown) => s.kind === 'options' && (item as { value: string }).value === s.el.initial_option;
  let removed = 0;
  for (let i = list.length - 1; i > 0 && removed < bytes; i--) {
    if (keep(list[i])) continue;
    removed += cardBytes(list[i]) + 1;
    list.splice(i, 1);
  }
}

export function fitCard(input: Card, limit = MAX_CARD_BYTES): Card {
  if (cardBytes(input) <= limit) return input;
  const c = structuredClone(input);
  const marker = notation('…');
  c.body.elements.push(marker);
  for (let pass = 0; pass < 100; pass++) {
    const over = cardBytes(c) - limit;
    if (over <= 0) return c;
    const candidates = shrinkables(c.body.elements).filter((s) => s.el !== marker);
    if (candidates.length === 0) break;
    const biggest = candidates.reduce((a, b) => (cardBytes(a.el) >= cardBytes(b.el) ? a : b));
    shrink(biggest, over + 16);
  }
  // Nothing left to shorten: drop whole elements from the end until it fits.
  while (cardBytes(c) > limit && c.body.elements.length > 2) c.body.elements.splice(-2, 1);
  return c;
}
