import type { Locale } from '../domain/model/fields.js';
import { t, type MessageKey } from './i18n.js';
import type { Block, View } from './view.js';

/** The commands of each help section, by name (chat/commands.ts derives them from the command table). */
export interface HelpCommands {
  user: readonly string[];
  manager: readonly string[];
  hr: readonly string[];
  /** Each command's Chinese alias, for a platform where it can be typed: listed first for a Chinese reader. */
  aliases?: Readonly<Record<string, string>>;
}

/** The `/appraisal-admin` subcommands help lists. */
export const ADMIN_COMMANDS = ['role', 'team', 'channel', 'import', 'ranking', 'link', 'policy', 'template'] as const;

/** `/appraisal help`: what each command does, in the user's language; sections for the reader's roles. */
export function helpView(locale: Locale, commands: HelpCommands, opts: { admin: boolean; manager?: boolean }): View {
  const title = t(locale, 'help.title');
  const zh = locale === 'zh-CN';
  const name = (c: string): string => {
    const alias = commands.aliases?.[c];
    if (!alias) return `/${c}`;
    return zh ? `${alias}（/${c}）` : `/${c} (${alias})`;
  };
  const lines = (names: readonly string[]) => names.map((c) => `${name(c)} — ${t(locale, `help.cmd.${c}` as MessageKey)}`).join('\n');
  const blocks: Block[] = [
    { type: 'header', text: title },
    { type: 'text', text: t(locale, 'help.intro') },
    { type: 'text', text: lines(commands.user) },
  ];
  if (opts.manager || opts.admin) {
    blocks.push({ type: 'header', text: t(locale, 'help.managerTitle') });
    blocks.push({ type: 'text', text: lines(commands.manager) });
  }
  if (opts.admin) {
    blocks.push({ type: 'header', text: t(locale, 'help.hrTitle') });
    blocks.push({ type: 'text', text: lines(commands.hr) });
    blocks.push({ type: 'header', text: t(locale, 'help.adminTitle') });
    blocks.push({ type: 'text', text: ADMIN_COMMANDS.map((c) => `${name('appraisal-admin')} ${t(locale, `help.admin.${c}` as MessageKey)}`).join('\n') });
  }
  blocks.push({ type: 'context', text: t(locale, 'help.footer') });
  return { title, blocks };
}
