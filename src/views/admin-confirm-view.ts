import type { Locale } from '../domain/model/fields.js';
import { t } from './i18n.js';
import { roleList } from './labels.js';
import type { Block, View } from './view.js';

export const ADMIN_CONFIRM = 'decide:admin.confirm';
export const ADMIN_CANCEL = 'decide:admin.cancel';

export interface PrivilegedQuestion {
  /** The person the change is about, as the admin must recognise them: full name, team, roles now. */
  name: string;
  team: string | null;
  roles: readonly string[];
  /** What will change, one line each, already in the reader's language. */
  changes: readonly string[];
  /** The typed command that does the same as Confirm (the console, scripts). */
  command: string;
  /** The buttons' value; null when the request is too long to ride on a button (then only the command). */
  value: string | null;
}

/**
 * The question a privileged change asks first (`/appraisal-admin role|team|link …`): the exact
 * person, so that picking the wrong "Zhou" shows before anything is written, what will change, and
 * Confirm / Cancel.
 */
export function privilegedQuestionView(locale: Locale, q: PrivilegedQuestion): View {
  const title = t(locale, 'admin.confirm.title', { name: q.name });
  const person = t(locale, 'admin.confirm.person', { name: q.name, team: q.team ?? t(locale, 'admin.confirm.noTeam'), roles: roleList(locale, q.roles) });
  const blocks: Block[] = [{ type: 'header', text: title }, { type: 'text', text: person }, ...q.changes.map((text): Block => ({ type: 'text', text }))];
  if (q.value !== null) {
    blocks.push({
      type: 'actions',
      buttons: [
        { id: ADMIN_CONFIRM, label: t(locale, 'admin.confirm.button'), value: q.value, style: 'primary' },
        { id: ADMIN_CANCEL, label: t(locale, 'admin.confirm.cancel'), value: q.value },
      ],
    });
  }
  blocks.push({ type: 'context', text: t(locale, 'admin.confirm.typed', { command: q.command }) });
  return { title, blocks };
}
