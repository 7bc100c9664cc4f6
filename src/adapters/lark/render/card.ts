/**
 * Lark card JSON 2.0 (https://open.feishu.cn/document/feishu-cards/card-json-v2-structure): the
 * shapes this adapter sends. Only what the renderers use is typed; the SDK's own card types describe
 * the older 1.0 schema.
 */
export type CardElement = { tag: string } & Record<string, unknown>;

export type HeaderTemplate = 'blue' | 'green' | 'red' | 'orange' | 'grey';

export interface Card {
  schema: '2.0';
  /** 2.0 cards are always shared (`update_multi: true`): an update shows to everyone who sees the card. */
  config: { update_multi: true; width_mode?: 'fill' | 'default'; summary?: { content: string } };
  header?: { title: { tag: 'plain_text'; content: string }; template: HeaderTemplate };
  body: { elements: CardElement[] };
}

/** Lark's title and label limits are generous; these keep a card readable. */
const clip = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export const plain = (content: string, max = 1000) => ({ tag: 'plain_text' as const, content: clip(content, max) });

/**
 * Any text the bot did not write itself, made literal for Lark markdown (every text of a view is
 * literal; the renderers add the card's own formatting around it). Lark reads `<at id=all>`,
 * `<a href>`, `<font>` and other tags: `&`, `<` and `>` become entities. It reads `[label](url)` as
 * a link and `![alt](key)` as an image: an invisible word joiner (U+2060) goes between `]` and `(`
 * (or `[`) and between `!` and `[`, so neither can form, while brackets, parentheses and `!` still
 * show as typed (also inside `code`, where entities would show as typed).
 * https://open.feishu.cn/document/uAjLw4CM/ukzMukzMukzM/feishu-cards/card-components/content-components/rich-text
 */
export const escapeMarkdown = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/([!\]])(?=[[(])/g, '$1\u2060');

export const markdown = (content: string, extra: Record<string, unknown> = {}): CardElement => ({ tag: 'markdown', content, ...extra });

/** Small grey text under a field or at the end of a card. */
export const notation = (content: string): CardElement => markdown(content, { text_size: 'notation' });

/** A card with a title bar and a body; the summary is what the chat list shows for it. */
export function card(title: string, elements: CardElement[], template: HeaderTemplate = 'blue'): Card {
  return {
    schema: '2.0',
    config: { update_multi: true, width_mode: 'fill', summary: { content: clip(title, 100) } },
    header: { title: plain(title, 200), template },
    body: { elements },
  };
}

/** A short answer (a confirmation, a refusal, a hint) as a card. */
export function textCard(title: string, text: string, template: HeaderTemplate = 'blue'): Card {
  return card(title, [markdown(escapeMarkdown(text))], template);
}
