import type { FormToOpen } from '../../chat/port.js';
import type { Person } from '../../domain/model/people.js';
import { t } from '../../views/i18n.js';
import type { SlackContext } from './context.js';
import { formToModal } from './render/modal.js';

/** What a form remembers between opening and submission (Slack's private_metadata, ≤ 3,000 chars). */
export interface FormMeta {
  /** The command's response_url, for the ephemeral confirmation. */
  r?: string;
  /** Channel the command was run in. */
  c?: string;
  /** The kind riding along to the submission (a follow-up visit, the kind an edited visit keeps). */
  k?: string;
  /** Set when the form was opened from the App Home: the Home is republished after the submission. */
  h?: 1;
}

export function readFormMeta(privateMetadata: string | undefined): FormMeta {
  try {
    const meta = JSON.parse(privateMetadata || '{}') as unknown;
    return meta && typeof meta === 'object' ? (meta as FormMeta) : {};
  } catch {
    return {};
  }
}

/**
 * Opens a form the conversation answered with as a modal: its callback id is the form's (`form:<id>`)
 * or what it is submitted as (`edit:<kind>:<id>`), its kind rides in the metadata. The trigger_id is
 * only valid for 3 seconds, so this runs right after the ack with nothing slow before it
 * (https://api.slack.com/surfaces/modals#opening).
 */
export async function openForm(ctx: SlackContext, actor: Person, toOpen: FormToOpen, triggerId: string, meta: FormMeta): Promise<void> {
  const withKind: FormMeta = { ...meta, ...(toOpen.kind ? { k: toOpen.kind } : {}) };
  const modal = formToModal(toOpen.form, { privateMetadata: JSON.stringify(withKind), closeLabel: t(actor.locale, 'form.cancel') });
  await ctx.client.views.open({ trigger_id: triggerId, view: toOpen.as ? { ...modal, callback_id: toOpen.as } : modal });
}
