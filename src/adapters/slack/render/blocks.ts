import type { types } from '@slack/bolt';

type KnownBlock = types.KnownBlock;
import type { Block, Button, View } from '../../../views/view.js';
import { escapeSlack } from '../parse-text.js';

/**
 * Platform-neutral views → Block Kit. A table is sent as its labels in bold and one plain line per
 * row: an aligned monospace block would be ~90 columns wide and wrap into noise on a phone. Lines
 * are split to stay under the 3,000-character limit of a section.
 */
const SECTION_LIMIT = 2900;
export const MAX_MESSAGE_BLOCKS = 50;
/** The App Home tab (views.publish) takes up to 100 blocks. */
export const MAX_HOME_BLOCKS = 100;

const plain = (text: string, max = 150) => ({ type: 'plain_text' as const, text: text.length > max ? `${text.slice(0, max - 1)}…` : text, emoji: true });
const mrkdwn = (text: string) => ({ type: 'mrkdwn' as const, text });

/** Splits text into chunks under the limit, on line boundaries. */
export function chunkLines(text: string, limit = SECTION_LIMIT): string[] {
  const chunks: string[] = [];
  let cur = '';
  for (const line of text.split('\n')) {
    if (cur && cur.length + line.length + 1 > limit) {
      chunks.push(cur);
      cur = '';
    }
    cur = cur ? `${cur}\n${line.slice(0, limit)}` : line.slice(0, limit);
  }
  if (cur) chunks.push(cur);
  return chunks;
}

/**
 * Every text of a view is literal (the view model carries no markup): it is escaped here, and the
 * renderer adds its own formatting (bold labels, code blocks) around it. See escapeSlack.
 */
export const escapeMrkdwn = escapeSlack;

/**
 * A table as plain lines, no padding: the column labels once in bold, then one line per row, cells
 * apart by a space and an em space (a visible gap that never wraps into a column of its own on a phone).
 */
const GAP = ' \u2003';
function tableLines(b: Extract<Block, { type: 'table' }>): string {
  const line = (cells: readonly string[]) => cells.map((c) => escapeMrkdwn(c || '—')).join(GAP);
  return [`*${line(b.columns.map((c) => c.label))}*`, ...b.rows.map(line)].join('\n');
}

function toBlocks(b: Block): KnownBlock[] {
  switch (b.type) {
    case 'header':
      return [{ type: 'header', text: plain(b.text) }];
    case 'text':
      return chunkLines(escapeMrkdwn(b.text)).map((c) => ({ type: 'section', text: mrkdwn(c) }));
    case 'fields':
      return [{ type: 'section', fields: b.fields.slice(0, 10).map((f) => mrkdwn(`*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value)}`)) }];
    case 'table':
      return chunkLines(tableLines(b)).map((c) => ({ type: 'section', text: mrkdwn(c) }));
    case 'details':
      // Slack cannot fold a message: the detail follows the summary under a divider and its label.
      return [{ type: 'divider' }, { type: 'context', elements: [mrkdwn(`*${escapeMrkdwn(b.summary)}*`)] }, ...b.blocks.flatMap(toBlocks)];
    case 'context':
      return chunkLines(escapeMrkdwn(b.text)).map((c) => ({ type: 'context', elements: [mrkdwn(c)] }));
    case 'divider':
      return [{ type: 'divider' }];
    case 'actions':
      return b.buttons.length ? [{ type: 'actions', elements: b.buttons.slice(0, 25).map(toButton) }] : [];
    case 'item': {
      // One line per entry: the first button (Edit) sits beside the text as the section's accessory;
      // any others (Delete, with its confirm dialog) follow in an actions block right below, so a
      // destructive button is never the one next to the text. An overflow menu was not used: its
      // confirm dialog would apply to Edit as well, and its options cannot carry their own action_id.
      const [first, ...rest] = b.buttons;
      const section: KnownBlock = { type: 'section', text: mrkdwn(escapeMrkdwn(b.text).slice(0, SECTION_LIMIT)), ...(first ? { accessory: toButton(first) } : {}) };
      return rest.length ? [section, { type: 'actions', elements: rest.slice(0, 25).map(toButton) }] : [section];
    }
  }
}

/** A neutral button as a Block Kit button: action_id is the button id, value comes back with the click. */
function toButton(b: Button): types.Button {
  return {
    type: 'button',
    action_id: b.id,
    text: plain(b.label, 75),
    value: b.value.slice(0, 2000),
    ...(b.style ? { style: b.style } : {}),
    ...(b.confirm
      ? {
          confirm: {
            title: plain(b.confirm.title, 100),
            text: plain(b.confirm.text, 300),
            confirm: plain(b.confirm.confirm, 30),
            deny: plain(b.confirm.deny, 30),
            ...(b.style ? { style: b.style } : {}),
          },
        }
      : {}),
  };
}

/** A view as Block Kit blocks (at most `max`, the last one saying the rest was cut). */
export function viewToBlocks(view: View, max = MAX_MESSAGE_BLOCKS): KnownBlock[] {
  const blocks = view.blocks.flatMap(toBlocks);
  if (blocks.length <= max) return blocks;
  return [...blocks.slice(0, max - 1), { type: 'context', elements: [mrkdwn('…')] }];
}
