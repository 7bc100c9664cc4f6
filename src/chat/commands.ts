/**
 * The chat commands every platform offers, with their Chinese aliases. Slack registers the English
 * names as slash commands; Lark reads either form from messages and its bot menu.
 */
export const COMMANDS = {
  visit: ['/visit', '/拜访'],
  deal: ['/deal', '/成交'],
  payment: ['/payment', '/回款'],
  feedback: ['/feedback', '/反馈'],
  intel: ['/intel', '/情报'],
  'peer-review': ['/peer-review', '/互评'],
  scorecard: ['/scorecard', '/成绩'],
  ranking: ['/ranking', '/排名'],
  appraisal: ['/appraisal', '/帮助'],
  'appraisal-admin': ['/appraisal-admin', '/管理'],
  cycle: ['/cycle', '/考核周期'],
  'publish-results': ['/publish-results', '/发布结果'],
  adjust: ['/adjust', '/调整'],
  award: ['/award', '/奖励'],
  appeal: ['/appeal', '/申诉'],
  interview: ['/interview', '/面谈'],
  export: ['/export', '/导出'],
  audit: ['/audit', '/审计'],
  account: ['/account', '/客户'],
  'self-review': ['/self-review', '/自评'],
  away: ['/away', '/休假'],
} as const;
export type CommandName = keyof typeof COMMANDS;

/** Commands that open a form when run bare. */
export const ENTRY_COMMANDS = ['visit', 'deal', 'payment', 'feedback', 'intel', 'peer-review'] as const satisfies readonly CommandName[];
export type EntryCommand = (typeof ENTRY_COMMANDS)[number];

const BY_ALIAS = new Map<string, CommandName>(
  Object.entries(COMMANDS).flatMap(([name, aliases]) => aliases.map((a) => [a.toLowerCase(), name as CommandName] as const)),
);

/** `"/拜访 Acme"` → `{ command: 'visit', text: 'Acme' }`; null when the text is not a command. */
export function parseCommand(text: string): { command: CommandName; text: string } | null {
  const m = /^\s*(\/\S+)(?:\s+([\s\S]*))?$/.exec(text);
  if (!m) return null;
  const command = BY_ALIAS.get(m[1]!.toLowerCase());
  return command ? { command, text: (m[2] ?? '').trim() } : null;
}

export const isEntryCommand = (c: CommandName): c is EntryCommand => (ENTRY_COMMANDS as readonly string[]).includes(c);
