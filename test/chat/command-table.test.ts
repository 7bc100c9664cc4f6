import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIENCES, COMMAND_NAMES, COMMAND_TABLE, commandBySlash, commandsIn, parseCommand } from '../../src/chat/commands.js';
import { helpAnswer } from '../../src/chat/reports.js';
import { renderText } from '../../src/views/render-text.js';
import { person } from '../helpers/org.js';

/** The command table is the one list: both manifests and help are derived from it or checked against it. */
const root = path.resolve(import.meta.dirname, '../..');
const slackManifest = fs.readFileSync(path.join(root, 'manifests/slack.yaml'), 'utf8');
const larkGuide = fs.readFileSync(path.join(root, 'manifests/lark.md'), 'utf8');

describe('the command table', () => {
  it('is exactly the slash commands of the Slack manifest', () => {
    const declared = [...slackManifest.matchAll(/^\s+- command: (\/\S+)$/gm)].map((m) => m[1]!);
    expect(declared.sort()).toEqual(COMMAND_NAMES.map((c) => COMMAND_TABLE[c].en).sort());
  });

  it('has every Chinese alias in the Lark guide, each beside its English name', () => {
    for (const c of COMMAND_NAMES) expect(larkGuide, c).toContain(`\`${COMMAND_TABLE[c].en}${c === 'appraisal' ? ' help' : ''}\` \`${COMMAND_TABLE[c].zh}\``);
  });

  it('reads either name of every command, and a Slack slash command only by its English name', () => {
    for (const c of COMMAND_NAMES) {
      expect(parseCommand(`${COMMAND_TABLE[c].en} x`)).toEqual({ command: c, text: 'x' });
      expect(parseCommand(`${COMMAND_TABLE[c].zh} x`)).toEqual({ command: c, text: 'x' });
      expect(commandBySlash(COMMAND_TABLE[c].en)).toBe(c);
      expect(commandBySlash(COMMAND_TABLE[c].zh)).toBeNull();
    }
    expect(parseCommand('/nope')).toBeNull();
  });

  it('gives help every listed command once, with the alias where it can be typed', () => {
    // Help follows the reader's roles: someone holding all four is shown every command.
    const admin = person('boss', { roles: ['rep', 'manager', 'hr', 'admin'], locale: 'zh-CN' });
    const onLark = renderText(helpAnswer(admin, 'lark'));
    const onSlack = renderText(helpAnswer(admin, 'slack'));
    for (const c of AUDIENCES.flatMap(commandsIn).filter((c) => c !== 'appraisal-admin')) {
      expect(onLark).toContain(`${COMMAND_TABLE[c].zh}（${COMMAND_TABLE[c].en}）`);
      expect(onSlack.split(`${COMMAND_TABLE[c].en} — `).length - 1, c).toBe(1);
      expect(onSlack).not.toContain(COMMAND_TABLE[c].zh + '（');
    }
  });
});
