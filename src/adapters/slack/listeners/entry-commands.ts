import type { App } from '@slack/bolt';
import type { Person } from '../../../domain/model/people.js';
import type { Form } from '../../../views/forms/form.js';
import { COMMANDS, ENTRY_COMMANDS, type EntryCommand } from '../../../chat/commands.js';
import { entryForm, formCanOpen } from '../../../chat/entry-forms.js';
import { t } from '../../../views/i18n.js';
import type { SlackContext } from '../context.js';
import { escapeSlack } from '../parse-text.js';
import { errorMessage, logFailure } from '../replies.js';
import { formToModal } from '../render/modal.js';

/** What a form remembers between opening and submission (Slack's private_metadata, ≤ 3,000 chars). */
export interface FormMeta {
  /** The command's response_url, for the ephemeral confirmation. */
  r?: string;
  /** Channel the command was run in. */
  c?: string;
  /** Activity kind for a visit form opened from a follow-up reminder (or the kind an edited visit keeps). */
  k?: string;
  /** Set when the form was opened from the App Home: the Home is republished after the submission. */
  h?: 1;
}

/** The Slack slash command of each entry form. */
export const ENTRY_SLASH_COMMANDS: Record<EntryCommand, string> = Object.fromEntries(ENTRY_COMMANDS.map((c) => [c, COMMANDS[c][0]])) as Record<EntryCommand, string>;

/**
 * Opens a form as a modal. The trigger_id is only valid for 3 seconds, so this runs right after
 * the ack with nothing slow before it (https://api.slack.com/surfaces/modals#opening).
 */
export async function openForm(ctx: SlackContext, actor: Person, form: Form, triggerId: string, meta: FormMeta, callbackId?: string): Promise<void> {
  const modal = formToModal(form, { privateMetadata: JSON.stringify(meta), closeLabel: t(actor.locale, 'form.cancel') });
  await ctx.client.views.open({ trigger_id: triggerId, view: callbackId ? { ...modal, callback_id: callbackId } : modal });
}

export function registerEntryCommands(app: App, ctx: SlackContext): void {
  for (const name of ENTRY_COMMANDS) {
    const command = ENTRY_SLASH_COMMANDS[name];
    app.command(command, async ({ ack, command: cmd, respond }) => {
      await ack();
      let locale = ctx.defaultLocale;
      try {
        const actor = await ctx.actors.resolve(cmd.user_id);
        locale = actor.locale;
        const form = await entryForm(ctx.deps, actor, name, cmd.text ?? '');
        if (!formCanOpen(form)) return void (await respond({ response_type: 'ephemeral', text: escapeSlack(form.intro ?? '') }));
        await openForm(ctx, actor, form, cmd.trigger_id, { r: cmd.response_url, c: cmd.channel_id });
      } catch (e) {
        if (locale === ctx.defaultLocale) locale = ctx.actors.knownLocale(cmd.user_id) ?? locale;
        logFailure(ctx.logger, e, command);
        await respond({ response_type: 'ephemeral', ...errorMessage(locale, e) });
      }
    });
  }
}
