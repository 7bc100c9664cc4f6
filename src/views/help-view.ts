import type { Locale } from '../domain/model/fields.js';
import { t, type MessageKey } from './i18n.js';
import type { Block, View } from './view.js';

/** The commands every user has, and the administration commands (shown to admins and HR). */
export const USER_COMMANDS = ['visit', 'deal', 'payment', 'feedback', 'intel', 'peer-review', 'scorecard', 'ranking', 'appeal', 'account', 'self-review', 'away', 'export'] as const;
export const MANAGER_COMMANDS = ['interview', 'adjust', 'award'] as const;
export const ADMIN_COMMANDS = ['role', 'team', 'channel', 'import', 'ranking', 'link', 'policy', 'template'] as const;
export const HR_COMMANDS = ['cycle', 'publish-results', 'audit'] as const;

/** `/appraisal help`: what each command does, in the user's language. */
export function helpView(locale: Locale, opts: { admin: boolean; manager?: boolean; commandPrefix?: string }): View {
  const p = opts.commandPrefix ?? '/';
  const title = t(locale, 'help.title');
  const blocks: Block[] = [
    { type: 'header', text: title },
    { type: 'text', text: t(locale, 'help.intro') },
    { type: 'text', text: USER_COMMANDS.map((c) => `${p}${c} — ${t(locale, `help.cmd.${c}` as MessageKey)}`).join('\n') },
  ];
  if (opts.manager || opts.admin) {
    blocks.push({ type: 'header', text: t(locale, 'help.managerTitle') });
    blocks.push({ type: 'text', text: MANAGER_COMMANDS.map((c) => `${p}${c} — ${t(locale, `help.cmd.${c}`)}`).join('\n') });
  }
  if (opts.admin) {
    blocks.push({ type: 'header', text: t(locale, 'help.hrTitle') });
    blocks.push({ type: 'text', text: HR_COMMANDS.map((c) => `${p}${c} — ${t(locale, `help.cmd.${c}`)}`).join('\n') });
    blocks.push({ type: 'header', text: t(locale, 'help.adminTitle') });
    blocks.push({ type: 'text', text: ADMIN_COMMANDS.map((c) => `${p}appraisal-admin ${t(locale, `help.admin.${c}` as MessageKey)}`).join('\n') });
  }
  blocks.push({ type: 'context', text: t(locale, 'help.footer') });
  return { title, blocks };
}
