import type { Block, Button, View } from '../../../views/view.js';
import { card, escapeMarkdown, markdown, notation, plain, type Card, type CardElement, type HeaderTemplate } from './card.js';
import { fitCard } from './fit.js';

/**
 * Platform-neutral views → Lark card JSON 2.0. Tables become Lark's table component (paged by ten
 * rows), fields a list of bold labels, context small notation text. The view's title is the card's
 * title bar, so a first header block repeating it is not shown twice.
 */

/** What a button sends back in its callback (`action.value`). */
export interface ButtonValue {
  action: string;
  value: string;
}

function toButton(b: Button): CardElement {
  return {
    tag: 'button',
    text: plain(b.label, 60),
    type: b.style ?? 'default',
    behaviors: [{ type: 'callback', value: { action: b.id, value: b.value.slice(0, 2000) } satisfies ButtonValue }],
    ...(b.confirm ? { confirm: { title: plain(b.confirm.title, 100), text: plain(b.confirm.text, 300) } } : {}),
  };
}

const buttonRow = (buttons: readonly Button[]): CardElement => ({
  tag: 'column_set',
  flex_mode: 'flow',
  horizontal_spacing: 'small',
  columns: buttons.slice(0, 10).map((b) => ({ tag: 'column', width: 'auto', elements: [toButton(b)] })),
});

/** `tables` counts the card's tables, nested ones included (for unique column names). */
function toElements(b: Block, tables: { n: number }): CardElement[] {
  const n = b.type === 'table' ? tables.n++ : 0;
  if (b.type === 'details') {
    // Folded by default: the message reads as its summary, the full detail one tap away.
    return [
      {
        tag: 'collapsible_panel',
        expanded: false,
        header: { title: { tag: 'markdown', content: `**${escapeMarkdown(b.summary)}**` } },
        elements: b.blocks.flatMap((x) => toElements(x, tables)),
      },
    ];
  }
  switch (b.type) {
    case 'header':
      return [markdown(`**${escapeMarkdown(b.text)}**`, { text_size: 'heading' })];
    case 'text':
      return [markdown(escapeMarkdown(b.text))];
    case 'context':
      return [notation(escapeMarkdown(b.text))];
    case 'divider':
      return [{ tag: 'hr' }];
    case 'fields':
      return [markdown(b.fields.map((f) => `**${escapeMarkdown(f.label)}**: ${escapeMarkdown(f.value)}`).join('\n'))];
    case 'table':
      return [
        {
          tag: 'table',
          page_size: 10,
          row_height: 'low',
          header_style: { bold: true, background_style: 'grey', text_align: 'left' },
          // Column names are unique across the card (t<table>c<column>): a card may hold several tables.
          columns: b.columns.map((c, i) => ({ name: `t${n}c${i}`, display_name: c.label, data_type: 'text', width: 'auto', horizontal_align: c.align ?? 'left' })),
          rows: b.rows.map((r) => Object.fromEntries(b.columns.map((_, i) => [`t${n}c${i}`, r[i] ?? '']))),
        },
      ];
    case 'actions':
      return b.buttons.length ? [buttonRow(b.buttons)] : [];
    case 'item':
      return [
        {
          tag: 'column_set',
          flex_mode: 'none',
          columns: [
            { tag: 'column', width: 'weighted', weight: 1, vertical_align: 'center', elements: [markdown(escapeMarkdown(b.text))] },
            ...(b.buttons.length ? [{ tag: 'column', width: 'auto', elements: b.buttons.slice(0, 3).map(toButton) }] : []),
          ],
        },
      ];
  }
}

/**
 * A view as a card, within Lark's 30 KB card limit (long tables and texts are cut, marked "…").
 * `template` colours the title bar: green for something stored, orange for something waiting.
 */
export function viewToCard(view: View, template: HeaderTemplate = 'blue'): Card {
  const [first, ...rest] = view.blocks;
  const blocks = first?.type === 'header' && first.text === view.title ? rest : view.blocks;
  const tables = { n: 0 };
  return fitCard(card(view.title, blocks.flatMap((b) => toElements(b, tables)), template));
}
