import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES, COMMAND_TABLE } from '../../src/chat/commands.js';
import { messageKeys, t } from '../../src/views/i18n.js';

/**
 * The Chinese catalogue reads as if a Chinese team wrote it: commands by their Chinese alias, no
 * English words outside a short allow-list, full-width punctuation between Chinese words.
 */
const zh = messageKeys('zh-CN').map((key) => ({ key, text: t('zh-CN', key as never), en: t('en', key as never) }));

const ALIASES = COMMAND_NAMES.map((c) => COMMAND_TABLE[c].zh.slice(1)).sort((a, b) => b.length - a.length);
const ENGLISH = COMMAND_NAMES.map((c) => COMMAND_TABLE[c].en.slice(1)).sort((a, b) => b.length - a.length);
const commandsIn = (text: string, names: readonly string[]): string[] =>
  [...text.matchAll(new RegExp(`(?<![\\w/])/(${names.map((n) => n.replace(/-/g, '\\-')).join('|')})(?![\\w-])`, 'g'))].map((m) => m[1]!);

/**
 * Latin words a Chinese text may contain, and why. Everything else must be translated.
 */
const ALLOWED = new Set([
  // Platforms, file formats and units people see as they are.
  'Slack', 'Lark', 'CSV', 'XLSX', 'JSON', 'MB', 'ID',
  // The example customer in hints (`/拜访 Acme`), as it would be typed.
  'Acme',
  // Formats to type: dates, times, quarters (2026-Q3), a count N; grade and tier letters (S … D).
  'YYYY-MM-DD', 'HH', 'mm', 'Q', 'N', 'S', 'A', 'B', 'C', 'D',
  // The calibration pack's one-letter anomaly flags (T = team gap, G = grade change).
  'T', 'G',
  // The console's yes/no prompt and the demo seed script it names.
  'Y', 'npm', 'run', 'seed', 'demo',
]);

/** The local console's own commands: no chat platform has them, and they have no Chinese alias. */
const CONSOLE_COMMANDS = ['as', 'jobs', 'quit', 'press', 'date'];

/**
 * Keys that are syntax references: the arguments of a command, typed as shown (`role @用户
 * rep|manager|hr|admin`, `policy bonus <金额|off>`). Their Latin words are keywords to type, not prose.
 */
const SYNTAX_KEYS = [/\.usage$/, /^help\.admin\./, /^admin\.import\.noCsv$/, /^template\.(hint|error\.tiers|error\.coverage|error\.json)$/, /^error\.identityFormat$/, /^error\.(roleChange|noRoleLeft|needsRole\.selfGrant)$/];

/**
 * What is left of a Chinese text once placeholders, code spans and a command's own arguments are
 * taken out: from the command up to the first Chinese word that is not an argument's name
 * (`<团队>`, `@销售`).
 */
function prose(text: string): string {
  const args = '(?:[^\\u4e00-\\u9fff\\u3000-\\u303f\\uff00-\\uffef“”<@/]|<[^>]*>|@\\S+)*';
  return text
    .replace(/\{\w+\}/g, ' ')
    .replace(/`[^`]*`/g, ' ')
    .replace(/\[Y\/n\]/g, ' ')
    // A quoted name is typed with ASCII quotes (@"周丽").
    .replace(/@"[^"]*"/g, ' ')
    .replace(new RegExp(`/(${[...ALIASES, ...CONSOLE_COMMANDS].join('|')})(?![\\w-])${args}`, 'g'), ' ')
    .replace(/(slack|lark):[\w…]+/g, ' ')
    .replace(/oc_…|ou_…/g, ' ');
}

describe('the Chinese catalogue', () => {
  it('names every command by its Chinese alias (Slack shows the English one: adapters/slack/command-names.ts)', () => {
    const english = zh.flatMap((e) => commandsIn(e.text, ENGLISH).map((c) => `${e.key}: /${c}`));
    expect(english).toEqual([]);
  });

  it('names the same commands as the English text of each key', () => {
    const enToZh = Object.fromEntries(COMMAND_NAMES.map((c) => [COMMAND_TABLE[c].en.slice(1), COMMAND_TABLE[c].zh.slice(1)]));
    const differ = zh.filter((e) => {
      const fromEn = new Set(commandsIn(e.en.replace('/appraisal help', '/appraisal'), ENGLISH).map((c) => enToZh[c]));
      const inZh = new Set(commandsIn(e.text, ALIASES));
      return [...fromEn].sort().join() !== [...inZh].sort().join();
    });
    expect(differ.map((e) => `${e.key}: ${e.text}`)).toEqual([]);
  });

  it('has no English words outside the allow-list', () => {
    const offending = zh
      .filter((e) => !SYNTAX_KEYS.some((re) => re.test(e.key)))
      .flatMap((e) => (prose(e.text).match(/\/?[A-Za-z][A-Za-z-]*/g) ?? []).filter((w) => !ALLOWED.has(w)).map((w) => `${e.key}: ${w}`));
    expect(offending).toEqual([]);
  });

  it('uses full-width punctuation between Chinese words', () => {
    const cjk = '[\\u4e00-\\u9fff]';
    const halfWidth = new RegExp(`${cjk}\\s*[,;:!?()"]|[,;:!?()"]\\s*${cjk}`);
    const offending = zh.filter((e) => !SYNTAX_KEYS.some((re) => re.test(e.key))).filter((e) => halfWidth.test(prose(e.text).replace(/<[^>]*>/g, ' '))).map((e) => `${e.key}: ${e.text}`);
    expect(offending).toEqual([]);
  });
});
