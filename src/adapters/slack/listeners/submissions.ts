import type { App, ViewSubmitAction } from '@slack/bolt';
import type { ChatAnswer, FormRef } from '../../../chat/port.js';
import { converse } from '../../../chat/router.js';
import { isAppError } from '../../../domain/errors.js';
import type { Locale } from '../../../domain/model/fields.js';
import type { Person } from '../../../domain/model/people.js';
import { errorText, fieldErrors } from '../../../views/errors.js';
import type { SlackContext } from '../context.js';
import { readFormMeta, type FormMeta } from '../open-form.js';
import { escapeSlack } from '../parse-text.js';
import { homeNotice, publishHome } from '../publish-home.js';
import { viewText } from '../render/answer-message.js';
import { FORM_CALLBACK_PREFIX, readModalValues } from '../render/modal.js';
import { errorMessage, logFailure, postToResponseUrl } from '../replies.js';
import { slackRequest } from '../request.js';

/** Modals the conversation opened: its forms (`form:<id>`) and edits of an entry (`edit:<kind>:<id>`, the entry checked again on submit). */
export const CONVERSATION_MODALS = /^(?:form|edit):/;

/** The form a modal submits to: an entry form by its id, an edit by its whole callback id; the kind rides in the metadata. */
function formRef(callbackId: string, meta: FormMeta): FormRef {
  const form = callbackId.startsWith(FORM_CALLBACK_PREFIX) ? callbackId.slice(FORM_CALLBACK_PREFIX.length) : callbackId;
  return { form, ...(meta.k ? { kind: meta.k } : {}) };
}

/** Each problem under a field this modal has, or null when none maps to one. */
function modalErrors(locale: Locale, e: unknown, known: Record<string, string> | undefined, fieldIds: ReadonlySet<string>): Record<string, string> | null {
  const errors = known ?? (isAppError(e) && e.issues.length > 0 ? fieldErrors(locale, e.issues) : {});
  const shown = Object.fromEntries(Object.entries(errors).filter(([field]) => fieldIds.has(field)));
  return Object.keys(shown).length > 0 ? shown : null;
}

/** A confirmation or refusal (Slack text, escaped by the caller) to where the form came from: the command's response_url, else a DM. */
async function tell(ctx: SlackContext, userId: string, meta: FormMeta, text: string): Promise<void> {
  if (meta.r) await postToResponseUrl(meta.r, { text }, ctx.logger);
  else await ctx.client.chat.postMessage({ channel: userId, text }).catch((e: unknown) => logFailure(ctx.logger, e, 'DM'));
}

const mark = (pending: boolean | undefined): string => (pending ? ':hourglass_flowing_sand:' : ':white_check_mark:');

/**
 * Every modal submission, one listener (https://api.slack.com/surfaces/modals#handling_submissions).
 * The conversation validates and stores before the ack, so a problem comes back next to its field
 * and the modal stays open (the store unavailable or refusing the write unexpectedly: on the first
 * field, with what was typed kept, to submit again in a moment); an acknowledged submission is stored. The view id is the request id:
 * the same modal submitted twice is stored once. After the ack: the confirmation (to the command's
 * response_url, else a DM), the outbox asked to send what the answer queued (an intel post), and
 * for a form opened from the App Home (`meta.h`) the Home republished with the outcome as its
 * notice; an edit opened there is told on the Home alone.
 */
export function registerSubmissions(app: App, ctx: SlackContext): void {
  app.view<ViewSubmitAction>(CONVERSATION_MODALS, async ({ ack, body, view }) => {
    const meta = readFormMeta(view.private_metadata);
    const userId = body.user.id;
    const ref = formRef(view.callback_id, meta);
    const what = `form ${ref.form}`;
    let locale = ctx.defaultLocale;
    let actor: Person | undefined;
    let answer: ChatAnswer;
    try {
      actor = await ctx.actors.resolve(userId);
      locale = actor.locale;
      const request = await slackRequest(ctx, { requestId: `slack:${view.id}` });
      answer = await converse(ctx.deps, actor, { type: 'submit', ref, values: readModalValues(view.state), request });
    } catch (e) {
      if (!actor) locale = ctx.actors.knownLocale(userId) ?? locale;
      return refuse(e, undefined);
    }
    if (answer.refused) return refuse(answer.refused.error, answer.refused.fieldErrors);
    await ack();
    if (answer.stale || !answer.saved) return;
    const pending = answer.saved.pending;
    // A confirmation repeats what was typed (an account's name): escaped, then the bot's own emoji.
    const text = escapeSlack(viewText(answer.view));
    const homeOnly = meta.h && !view.callback_id.startsWith(FORM_CALLBACK_PREFIX);
    if (!homeOnly) await tell(ctx, userId, meta, meta.r ? `${mark(pending)} ${text}` : text);
    if (answer.queued) ctx.onQueued?.();
    if (meta.h) await publishHome(ctx, userId, actor, `${mark(pending)} ${viewText(answer.view)}`);

    async function refuse(e: unknown, known: Record<string, string> | undefined): Promise<void> {
      const errors = modalErrors(locale, e, known, new Set(Object.keys(view.state.values)));
      if (errors) return void (await ack({ response_action: 'errors', errors }));
      logFailure(ctx.logger, e, what);
      const first = Object.keys(view.state.values)[0];
      // The store down or refusing the write for an unexpected reason: the modal stays open with what
      // was typed, the reason on its first field, to submit again.
      if ((!isAppError(e) || e.code === 'UNAVAILABLE') && first) return void (await ack({ response_action: 'errors', errors: { [first]: errorText(locale, e) } }));
      await ack();
      if (meta.h && actor && !meta.r) return publishHome(ctx, userId, actor, homeNotice(errorText(locale, e), false));
      await tell(ctx, userId, meta, errorMessage(locale, e).text);
    }
  });
}
