import { displayWidth } from '../domain/text.js';
import type { Block, Button, View } from './view.js';

/**
 * Renders a view as plain text for a terminal (the report CLI, the local console). Column widths
 * count East Asian wide characters as two cells (displayWidth) so Chinese tables line up.
 */


const pad = (s: string, width: number, align: 'left' | 'right' = 'left'): string => {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return align === 'right' ? fill + s : s + fill;
};

/**
 * Buttons as "[Edit] [Delete]": a terminal cannot click, but the reader sees what is offered. With
 * `number`, each button carries the number the console presses it by ("[3 Edit]"), counted across the view.
 */
function buttons(list: readonly Button[], number?: () => number): string {
  return list.map((x) => (number ? `[${number()} ${x.label}]` : `[${x.label}]`)).join(' ');
}

function renderBlock(b: Block, number?: () => number): string {
  switch (b.type) {
    case 'header':
      return `\n${b.text}\n${'═'.repeat(Math.min(80, displayWidth(b.text)))}`;
    case 'text':
      return b.text;
    case 'context':
      return b.text
        .split('\n')
        .map((l) => `  ${l}`)
        .join('\n');
    case 'divider':
      return '─'.repeat(60);
    case 'fields': {
      const w = Math.max(...b.fields.map((f) => displayWidth(f.label)));
      return b.fields.map((f) => `${pad(f.label, w)}  ${f.value}`).join('\n');
    }
    case 'table': {
      const widths = b.columns.map((c, i) => Math.max(displayWidth(c.label), ...b.rows.map((r) => displayWidth(r[i] ?? ''))));
      const line = (cells: string[]): string => cells.map((c, i) => pad(c, widths[i]!, b.columns[i]!.align)).join('  ').trimEnd();
      return [line(b.columns.map((c) => c.label)), widths.map((w) => '─'.repeat(w)).join('  '), ...b.rows.map(line)].join('\n');
    }
    case 'actions':
      return buttons(b.buttons, number);
    case 'item':
      return b.buttons.length ? `${b.text}  ${buttons(b.buttons, number)}` : b.text;
    case 'details':
      return [`\n▸ ${b.summary}`, ...b.blocks.map((x) => renderBlock(x, number))].join('\n');
  }
}

export function renderText(view: View, opts: { numberButtons?: boolean } = {}): string {
  let n = 0;
  const number = opts.numberButtons ? () => ++n : undefined;
  return view.blocks.map((b) => renderBlock(b, number)).join('\n').replace(/^\n/, '') + '\n';
}
