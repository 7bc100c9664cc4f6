import { describe, expect, it } from 'vitest';
import { MAX_HOME_BLOCKS, viewToBlocks } from '../../src/adapters/slack/render/blocks.js';
import type { Button, View } from '../../src/views/view.js';

const edit: Button = { id: 'entry.edit', label: 'Edit', value: '{"kind":"visit","id":"v1"}' };
const del: Button = {
  id: 'entry.delete',
  label: 'Delete',
  value: '{"kind":"visit","id":"v1"}',
  style: 'danger',
  confirm: { title: 'Delete this entry?', text: '2026-11-20 · Visit · A&B <Ltd>\nThis cannot be undone.', confirm: 'Delete', deny: 'Keep it' },
};

describe('Block Kit rendering of buttons', () => {
  it('renders an actions block as Block Kit buttons with action_id = button id', () => {
    const view: View = { title: 'Home', blocks: [{ type: 'actions', buttons: [{ id: 'home.log-visit', label: 'Log a visit', value: 'visit', style: 'primary' }, { id: 'home.log-deal', label: 'Log a deal', value: 'deal' }] }] };
    expect(viewToBlocks(view)).toEqual([
      {
        type: 'actions',
        elements: [
          { type: 'button', action_id: 'home.log-visit', text: { type: 'plain_text', text: 'Log a visit', emoji: true }, value: 'visit', style: 'primary' },
          { type: 'button', action_id: 'home.log-deal', text: { type: 'plain_text', text: 'Log a deal', emoji: true }, value: 'deal' },
        ],
      },
    ]);
  });

  it('renders an entry as a section with Edit beside it and Delete, with a confirm dialog, below', () => {
    const blocks = viewToBlocks({ title: 'Home', blocks: [{ type: 'item', text: '2026-11-20 · Visit · A&B <Ltd>', buttons: [edit, del] }] });
    expect(blocks).toEqual([
      {
        type: 'section',
        text: { type: 'mrkdwn', text: '2026-11-20 · Visit · A&amp;B &lt;Ltd&gt;' },
        accessory: { type: 'button', action_id: 'entry.edit', text: { type: 'plain_text', text: 'Edit', emoji: true }, value: '{"kind":"visit","id":"v1"}' },
      },
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: 'entry.delete',
            text: { type: 'plain_text', text: 'Delete', emoji: true },
            value: '{"kind":"visit","id":"v1"}',
            style: 'danger',
            confirm: {
              title: { type: 'plain_text', text: 'Delete this entry?', emoji: true },
              text: { type: 'plain_text', text: '2026-11-20 · Visit · A&B <Ltd>\nThis cannot be undone.', emoji: true },
              confirm: { type: 'plain_text', text: 'Delete', emoji: true },
              deny: { type: 'plain_text', text: 'Keep it', emoji: true },
              style: 'danger',
            },
          },
        ],
      },
    ]);
  });

  it('renders a locked entry as a plain section and drops an empty actions block', () => {
    const blocks = viewToBlocks({ title: 'Home', blocks: [{ type: 'item', text: 'old (closed)', buttons: [] }, { type: 'actions', buttons: [] }] });
    expect(blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: 'old (closed)' } }]);
  });

  it('uses two blocks per editable entry, so the home fits the App Home limit of 100 blocks', () => {
    const items = Array.from({ length: 45 }, (_, i) => ({ type: 'item' as const, text: `entry ${i}`, buttons: [edit, del] }));
    const blocks = viewToBlocks({ title: 'Home', blocks: items }, MAX_HOME_BLOCKS);
    expect(blocks).toHaveLength(90);
  });
});
