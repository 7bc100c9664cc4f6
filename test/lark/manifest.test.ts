import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { menuCommand } from '../../src/adapters/lark/listeners/menu.js';
import { COMMANDS, parseCommand } from '../../src/chat/commands.js';
import { startHarness, type Harness } from './harness.js';

/** The guide a newcomer follows in the developer console must match what the app does. */
const guide = fs.readFileSync(path.resolve(import.meta.dirname, '../../manifests/lark.md'), 'utf8');
const readme = fs.readFileSync(path.resolve(import.meta.dirname, '../../README.md'), 'utf8');
const menuKeys = [...guide.matchAll(/\| `([a-z-]+)` \|$/gm)].map((m) => m[1]!);

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('manifests/lark.md', () => {
  it('has a permission list the console can import, with the scopes the app uses', () => {
    const json = /```json\n([\s\S]*?)\n```/.exec(guide)![1]!;
    const scopes = (JSON.parse(json) as { scopes: { tenant: string[] } }).scopes.tenant;
    expect(scopes).toEqual(expect.arrayContaining(['im:message', 'im:message.p2p_msg:readonly', 'im:message.group_at_msg:readonly', 'im:message:update', 'contact:user.base:readonly']));
  });

  it('subscribes to every event and callback the app handles, at the URLs it serves', () => {
    const handled = [...h.adapter.dispatcher.handles.keys()].filter((k) => k !== 'app_ticket');
    expect(handled.sort()).toEqual(['application.bot.menu_v6', 'card.action.trigger', 'im.message.receive_v1']);
    for (const name of handled) expect(guide).toContain(`| \`${name}\` |`);
    expect(guide).toContain('https://YOUR-HOST/lark/events');
    expect(guide).toContain('https://YOUR-HOST/lark/cards');
  });

  it('gives every command a bot-menu entry whose key runs it', () => {
    expect(menuKeys.sort()).toEqual(['appeal', 'deal', 'feedback', 'help', 'intel', 'payment', 'peer-review', 'ranking', 'scorecard', 'self-review', 'visit']);
    for (const key of menuKeys) expect(parseCommand(menuCommand(key)), key).not.toBeNull();
  });

  it('lists every Chinese alias', () => {
    for (const [, alias] of Object.values(COMMANDS)) expect(guide).toContain(`\`${alias}\``);
  });

  it('is linked from the README', () => {
    expect(readme).toMatch(/## Connect Lark\/Feishu[\s\S]*\(manifests\/lark\.md\)/);
  });

  it.each(menuKeys)('the menu entry %s is answered in the user’s DM', async (key) => {
    const before = h.fake.sent.length;
    expect((await h.menu('ou_annlee', key)).status).toBe(200);
    await h.idle();
    expect(h.fake.sent.length).toBe(before + 1);
    expect(h.fake.sent.at(-1)!.receiveId).toBe('ou_annlee');
  });
});
