import type { Block, Button, View } from './view.js';

/**
 * Renders a view as plain text for a terminal (the report CLI, the local console). Column widths
 * count East Asian wide characters as two cells so Chinese tables line up.
 */
export function cellWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    w += (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) ? 2 : 1;
  }
  return w;
}

const pad = (s: string, width: number, align: 'left' | 'right' = 'left'): string => {
  const fill = ' '.repeat(Math.max(0, width - cellWidth(s)));
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
      return `\n${b.text}\n${'═'.repeat(Math.min(80, cellWidth(b.text)))}`;
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
      const w = Math.max(...b.fields.map((f) => cellWidth(f.label)));
      return b.fields.map((f) => `${pad(f.label, w)}  ${f.value}`).join('\n');
    }
    case 'table': {
      const widths = b.columns.map((c, i) => Math.max(cellWidth(c.label), ...b.rows.map((r) => cellWidth(r[i] ?? ''))));
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
