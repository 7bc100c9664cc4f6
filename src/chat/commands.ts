import type { HelpAudience } from '../views/help-view.js';

/**
 * The command table: every chat command once, with its names in each language and where help
 * lists it. Routing (chat/router.ts holds one handler per name, checked by the compiler), help
 * (views/help-view.ts is given the sections built here), the Slack manifest's slash commands and
 * the Lark guide's aliases are all derived from it; test/chat/command-table.test.ts fails when a
 * manifest and the table disagree.
 *
 * `help`: who help lists the command for — a reader sees a command when they hold one of its
 * audiences (everyone holds `everyone`), once, under the first of the command's audiences they hold. Help follows the
 * reader's roles, so a rep is not shown the administration; `/appraisal-admin` is listed by its
 * subcommands (views/help-view.ts); the help command itself is not listed.
 */
export type Audience = HelpAudience;

/** The help sections, in the order help shows them. */
export const AUDIENCES: readonly Audience[] = ['rep', 'everyone', 'manager', 'hr', 'admin'];

export interface CommandSpec {
  /** The English name: Slack's slash command, typed anywhere. */
  en: `/${string}`;
  /** The Chinese alias, typed in Lark and the console. */
  zh: `/${string}`;
  help: readonly Audience[];
  /** Opens a form when run bare (an entry). */
  entry?: true;
}

export const COMMAND_TABLE = {
  // What reps (and managers, who may log their own client work) record.
  visit: { en: '/visit', zh: '/拜访', help: ['rep', 'manager'], entry: true },
  deal: { en: '/deal', zh: '/成交', help: ['rep', 'manager'], entry: true },
  payment: { en: '/payment', zh: '/回款', help: ['rep', 'manager'], entry: true },
  feedback: { en: '/feedback', zh: '/反馈', help: ['rep', 'manager'], entry: true },
  intel: { en: '/intel', zh: '/情报', help: ['rep', 'manager'], entry: true },
  'peer-review': { en: '/peer-review', zh: '/互评', help: ['rep', 'manager'], entry: true },
  scorecard: { en: '/scorecard', zh: '/成绩', help: ['everyone'] },
  ranking: { en: '/ranking', zh: '/排名', help: ['everyone'] },
  appraisal: { en: '/appraisal', zh: '/帮助', help: [] },
  'appraisal-admin': { en: '/appraisal-admin', zh: '/管理', help: ['admin', 'hr'] },
  cycle: { en: '/cycle', zh: '/考核周期', help: ['hr'] },
  'publish-results': { en: '/publish-results', zh: '/发布结果', help: ['hr'] },
  adjust: { en: '/adjust', zh: '/调整', help: ['manager', 'hr'] },
  award: { en: '/award', zh: '/奖励', help: ['manager', 'hr'] },
  // A rep appeals their result; HR decides appeals.
  appeal: { en: '/appeal', zh: '/申诉', help: ['rep', 'hr'] },
  interview: { en: '/interview', zh: '/面谈', help: ['manager', 'hr'] },
  export: { en: '/export', zh: '/导出', help: ['everyone'] },
  audit: { en: '/audit', zh: '/审计', help: ['hr'] },
  account: { en: '/account', zh: '/客户', help: ['everyone'] },
  'self-review': { en: '/self-review', zh: '/自评', help: ['rep'] },
  away: { en: '/away', zh: '/休假', help: ['everyone'] },
  entries: { en: '/entries', zh: '/我的记录', help: ['rep', 'manager'] },
} as const satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof COMMAND_TABLE;

export const COMMAND_NAMES = Object.keys(COMMAND_TABLE) as CommandName[];

/** Each command's names, English first: `COMMANDS.visit` → `['/visit', '/拜访']`. */
export const COMMANDS: Readonly<Record<CommandName, readonly [string, string]>> = Object.fromEntries(COMMAND_NAMES.map((c) => [c, [COMMAND_TABLE[c].en, COMMAND_TABLE[c].zh] as const])) as Record<
  CommandName,
  readonly [string, string]
>;

/** Commands that open a form when run bare. */
export const ENTRY_COMMANDS = ['visit', 'deal', 'payment', 'feedback', 'intel', 'peer-review'] as const satisfies readonly CommandName[];
export type EntryCommand = (typeof ENTRY_COMMANDS)[number];

const BY_ALIAS = new Map<string, CommandName>(COMMAND_NAMES.flatMap((name) => COMMANDS[name].map((a) => [a.toLowerCase(), name] as const)));

/** `"/拜访 Acme"` → `{ command: 'visit', text: 'Acme' }`; null when the text is not a command. */
export function parseCommand(text: string): { command: CommandName; text: string } | null {
  const m = /^\s*(\/\S+)(?:\s+([\s\S]*))?$/.exec(text);
  if (!m) return null;
  const command = BY_ALIAS.get(m[1]!.toLowerCase());
  return command ? { command, text: (m[2] ?? '').trim() } : null;
}

/** The command a Slack slash command (`/visit`) names, or null for one this version does not know. */
export const commandBySlash = (slash: string): CommandName | null => {
  const c = BY_ALIAS.get(slash.toLowerCase());
  return c && COMMAND_TABLE[c].en.toLowerCase() === slash.toLowerCase() ? c : null;
};

export const isEntryCommand = (c: CommandName): c is EntryCommand => (ENTRY_COMMANDS as readonly string[]).includes(c);

/** Every command help lists for this audience, in table order. */
export const commandsIn = (audience: Audience): CommandName[] => COMMAND_NAMES.filter((c) => (COMMAND_TABLE[c].help as readonly Audience[]).includes(audience));

/**
 * The help sections of a reader holding `audiences`: each command they may use once, under the
 * first of the command's audiences they hold (a player-coach finds /visit under his rep section, a manager
 * who does not sell under his manager section). Empty sections are left out.
 */
export function helpSections(audiences: readonly Audience[]): { audience: Audience; commands: CommandName[] }[] {
  const held = AUDIENCES.filter((a) => a === 'everyone' || audiences.includes(a));
  const sectionOf = (c: CommandName): Audience | undefined => (COMMAND_TABLE[c].help as readonly Audience[]).find((a) => held.includes(a));
  return held.map((audience) => ({ audience, commands: COMMAND_NAMES.filter((c) => sectionOf(c) === audience) })).filter((s) => s.commands.length > 0);
}
