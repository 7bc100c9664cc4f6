import type { SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { isAppError } from '../../domain/errors.js';
import type { Locale } from '../../domain/model/fields.js';
import type { Person } from '../../domain/model/people.js';
import { errorText, fieldErrors } from '../../views/errors.js';
import type { FormValues } from '../../views/forms/form.js';
import type { SlackContext } from './context.js';
import type { FormMeta } from './listeners/entry-commands.js';
import { homeNotice, publishHome } from './publish-home.js';
import { escapeSlack } from './parse-text.js';
import { readModalValues } from './render/modal.js';
import { errorMessage, logFailure, postToResponseUrl } from './replies.js';

/**
 * What a stored submission answers: `text`, a confirmation sent to where the form came from;
 * `notice`, a line on the republished Home (forms opened from the Home); `after`, slow follow-up
 * work (Web API calls) to run once the modal is acknowledged.
 */
export interface Outcome {
  text?: string;
  notice?: string;
  after?: () => Promise<void>;
  /** Not stored yet, waiting for someone's approval: no check mark. */
  pending?: boolean;
}

export type RunSubmission = (actor: Person, values: FormValues, meta: FormMeta) => Promise<Outcome>;

type SubmissionArgs = Pick<SlackViewMiddlewareArgs<ViewSubmitAction>, 'ack' | 'body' | 'view'>;

export function readFormMeta(privateMetadata: string | undefined): FormMeta {
  try {
    return JSON.parse(privateMetadata || '{}') as FormMeta;
  } catch {
    return {};
  }
}

/** Field errors Slack can show next to the fields of this form, or null when none map to a field. */
export function modalErrors(locale: Locale, e: unknown, fieldIds: ReadonlySet<string>): Record<string, string> | null {
  if (!isAppError(e) || e.issues.length === 0) return null;
  const errors = fieldErrors(locale, e.issues);
  const shown = Object.fromEntries(Object.entries(errors).filter(([field]) => fieldIds.has(field)));
  return Object.keys(shown).length > 0 ? shown : null;
}

/** A confirmation or refusal (Slack text, escaped by the caller) to where the form came from: the command's response_url, else a DM. */
async function tell(ctx: SlackContext, userId: string, meta: FormMeta, text: string): Promise<void> {
  if (meta.r) await postToResponseUrl(meta.r, { text }, ctx.logger);
  else await ctx.client.chat.postMessage({ channel: userId, text }).catch((e: unknown) => logFailure(ctx.logger, e, 'DM'));
}

/**
 * One modal submission, for every form (https://api.slack.com/surfaces/modals#handling_submissions).
 * Validation and the write happen before the ack, so a problem comes back next to its field and the
 * modal stays open; an acknowledged submission is stored. Everything else happens after the ack: the
 * confirmation, the follow-up work, and for a form opened from the App Home (`meta.h`) the Home
 * republished, with a refusal that no field can show as its notice line.
 */
export async function answerSubmission(ctx: SlackContext, { ack, body, view }: SubmissionArgs, what: string, run: RunSubmission): Promise<void> {
  const meta = readFormMeta(view.private_metadata);
  const userId = body.user.id;
  let locale = ctx.defaultLocale;
  let actor: Person | undefined;
  let outcome: Outcome;
  try {
    actor = await ctx.actors.resolve(userId);
    locale = actor.locale;
    outcome = await run(actor, readModalValues(view.state), meta);
  } catch (e) {
    if (!actor) locale = ctx.actors.knownLocale(userId) ?? locale;
    const errors = modalErrors(locale, e, new Set(Object.keys(view.state.values)));
    if (errors) return void (await ack({ response_action: 'errors', errors }));
    // The store is down: keep the modal open with what was typed, the notice on its first field,
    // so the user can submit again in a moment.
    const first = Object.keys(view.state.values)[0];
    if (isAppError(e) && e.code === 'UNAVAILABLE' && first) {
      logFailure(ctx.logger, e, what);
      return void (await ack({ response_action: 'errors', errors: { [first]: errorText(locale, e) } }));
    }
    logFailure(ctx.logger, e, what);
    await ack();
    if (meta.h && actor && !meta.r) return publishHome(ctx, userId, actor, homeNotice(errorText(locale, e), false));
    return tell(ctx, userId, meta, errorMessage(locale, e).text);
  }
  await ack();
  // A confirmation repeats what was typed (an account's name): escaped, then the bot's own emoji.
  const text = outcome.text && escapeSlack(outcome.text);
  if (text) await tell(ctx, userId, meta, meta.r ? `${outcome.pending ? ':hourglass_flowing_sand:' : ':white_check_mark:'} ${text}` : text);
  await outcome.after?.().catch((e: unknown) => logFailure(ctx.logger, e, `after ${what}`));
  if (meta.h) await publishHome(ctx, userId, actor, outcome.notice && homeNotice(outcome.notice, true));
}
