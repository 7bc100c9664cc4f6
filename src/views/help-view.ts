import type { Locale } from '../domain/model/fields.js';
import { aside } from './format.js';
import { t, type MessageKey } from './i18n.js';
import type { Block, View } from './view.js';

/** Whom a help section is for: reps, everyone, managers, HR, administrators (chat/commands.ts assigns each command). */
export type HelpAudience = 'rep' | 'everyone' | 'manager' | 'hr' | 'admin';

/** The reader's help: their sections in order, each with its commands by name (chat/commands.ts derives them from the command table). */
export interface HelpCommands {
  sections: readonly { audience: HelpAudience; commands: readonly string[] }[];
  /** Each command's Chinese alias, for a platform where it can be typed: listed first for a Chinese reader. */
  aliases?: Readonly<Record<string, string>>;
}

/**
 * The `/appraisal-admin` subcommands and whom help lists them for: people, teams, channels,
 * imports and links are the administrators'; ranking privacy, policy and the template HR may set too.
 */
export const ADMIN_COMMANDS = {
  role: ['admin'],
  team: ['admin'],
  channel: ['admin'],
  import: ['admin'],
  ranking: ['admin', 'hr'],
  link: ['admin'],
  policy: ['admin', 'hr'],
  template: ['admin', 'hr'],
} as const satisfies Record<string, readonly HelpAudience[]>;

const TITLES: Record<HelpAudience, MessageKey> = {
  rep: 'help.repTitle',
  everyone: 'help.everyoneTitle',
  manager: 'help.managerTitle',
  hr: 'help.hrTitle',
  admin: 'help.adminTitle',
};

/** `/appraisal help`: what each command does, in the user's language; one section per role the reader holds. */
export function helpView(locale: Locale, commands: HelpCommands): View {
  const title = t(locale, 'help.title');
  const zh = locale === 'zh-CN';
  const name = (c: string): string => {
    const alias = commands.aliases?.[c];
    if (!alias) return `/${c}`;
    return zh ? aside(locale, alias, `/${c}`) : aside(locale, `/${c}`, alias);
  };
  // `/appraisal-admin` is listed by the subcommands of the section's audience.
  const lines = (audience: HelpAudience, names: readonly string[]) =>
    names
      .flatMap((c) =>
        c === 'appraisal-admin'
          ? Object.entries(ADMIN_COMMANDS)
              .filter(([, who]) => (who as readonly HelpAudience[]).includes(audience))
              .map(([sub]) => `${name(c)} ${t(locale, `help.admin.${sub}` as MessageKey)}`)
          : [`${name(c)} — ${t(locale, `help.cmd.${c}` as MessageKey)}`],
      )
      .join('\n');
  const blocks: Block[] = [
    { type: 'header', text: title },
    { type: 'text', text: t(locale, 'help.intro') },
  ];
  for (const s of commands.sections) {
    blocks.push({ type: 'header', text: t(locale, TITLES[s.audience]) });
    blocks.push({ type: 'text', text: lines(s.audience, s.commands) });
  }
  blocks.push({ type: 'context', text: t(locale, 'help.footer') });
  return { title, blocks };
}
