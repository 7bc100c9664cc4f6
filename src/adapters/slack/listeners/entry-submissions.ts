import type { App } from '@slack/bolt';
import { logDeal } from '../../../application/entries/log-deal.js';
import { logFeedback } from '../../../application/entries/log-feedback.js';
import { logPayment } from '../../../application/entries/log-payment.js';
import { logVisit } from '../../../application/entries/log-visit.js';
import { shareIntel } from '../../../application/entries/share-intel.js';
import { submitPeerReview } from '../../../application/entries/submit-peer-review.js';
import { channelsFor } from '../../../application/settings.js';
import { isAppError } from '../../../domain/errors.js';
import type { Locale } from '../../../domain/model/fields.js';
import type { Person } from '../../../domain/model/people.js';
import {
  dealConfirmation,
  feedbackConfirmation,
  intelConfirmation,
  paymentConfirmation,
  peerReviewConfirmation,
  visitConfirmation,
} from '../../../views/confirmations.js';
import { fieldErrors } from '../../../views/errors.js';
import { readDealForm, readFeedbackForm, readIntelForm, readPaymentForm, readPeerReviewForm, readVisitForm } from '../../../views/forms/entry-forms.js';
import type { FormId, FormValues } from '../../../views/forms/form.js';
import { t } from '../../../views/i18n.js';
import type { SlackContext } from '../context.js';
import { escapeMrkdwn } from '../render/blocks.js';
import { FORM_CALLBACK_PREFIX, readModalValues } from '../render/modal.js';
import { errorMessage, logFailure, postToResponseUrl } from '../replies.js';
import type { FormMeta } from './entry-commands.js';

/** The confirmation text, and any slow follow-up (Web API calls) to run after the ack. */
type Outcome = { text: string; after?: () => Promise<void> };
type Submit = (ctx: SlackContext, actor: Person, values: FormValues, requestId: string, meta: FormMeta) => Promise<Outcome>;
const say = (text: string): Outcome => ({ text });

/** Posts an intel entry to the intel channel(s) with its author. */
async function postIntel(ctx: SlackContext, channels: string[], actor: Person, userId: string, topic: string, text: string): Promise<void> {
  const heading = t(actor.locale, 'intel.post', { author: `<@${userId}>`, topic: escapeMrkdwn(topic) });
  for (const channel of channels) {
    await ctx.client.chat.postMessage({ channel, text: `${heading}\n${text}`, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `*${heading}*\n${escapeMrkdwn(text)}` } }] });
  }
}

/** Each form: read the values, run the use case, say what was stored. */
const SUBMITS: Record<FormId, (userId: string) => Submit> = {
  visit: () => async (ctx, actor, values, requestId, meta) =>
    say(visitConfirmation(actor.locale, await logVisit(ctx.deps, actor, readVisitForm(values, actor.locale, requestId, meta.k)))),
  deal: () => async (ctx, actor, values, requestId) => say(dealConfirmation(actor.locale, await logDeal(ctx.deps, actor, readDealForm(values, actor.locale, requestId)))),
  payment: () => async (ctx, actor, values, requestId) =>
    say(paymentConfirmation(actor.locale, await logPayment(ctx.deps, actor, readPaymentForm(values, actor.locale, requestId)))),
  feedback: () => async (ctx, actor, values, requestId) =>
    say(feedbackConfirmation(actor.locale, await logFeedback(ctx.deps, actor, readFeedbackForm(values, actor.locale, requestId)))),
  intel: (userId) => async (ctx, actor, values, requestId) => {
    const r = await shareIntel(ctx.deps, actor, readIntelForm(values, actor.locale, requestId));
    const channels = await channelsFor(ctx.deps, 'intel', 'slack');
    return {
      text: intelConfirmation(actor.locale, { topic: r.intel.topic, created: r.created, posted: channels.length > 0 }),
      ...(r.created ? { after: () => postIntel(ctx, channels, actor, userId, r.intel.topic, r.intel.text) } : {}),
    };
  },
  'peer-review': () => async (ctx, actor, values, requestId) => {
    const r = await submitPeerReview(ctx.deps, actor, readPeerReviewForm(values, actor.locale, requestId));
    const to = await ctx.deps.store.people.get(r.review.toId);
    return say(peerReviewConfirmation(actor.locale, { ...r, name: to?.name ?? r.review.toId }));
  },
};

/** Field errors Slack can show next to the fields of this form, or null when none map to a field. */
function modalErrors(locale: Locale, e: unknown, fieldIds: ReadonlySet<string>): Record<string, string> | null {
  if (!isAppError(e) || e.issues.length === 0) return null;
  const errors = fieldErrors(locale, e.issues);
  const shown = Object.fromEntries(Object.entries(errors).filter(([field]) => fieldIds.has(field)));
  return Object.keys(shown).length > 0 ? shown : null;
}

/**
 * Form submissions (https://api.slack.com/surfaces/modals#handling_submissions). Validation and the
 * write happen before the ack, so a problem comes back next to its field and the modal stays open;
 * an acknowledged submission is stored. The confirmation goes out after the ack. The view id is the
 * request id: the same modal submitted twice is stored once.
 */
export function registerEntrySubmissions(app: App, ctx: SlackContext): void {
  app.view(new RegExp(`^${FORM_CALLBACK_PREFIX}`), async ({ ack, body, view }) => {
    const formId = view.callback_id.slice(FORM_CALLBACK_PREFIX.length) as FormId;
    const submit = SUBMITS[formId];
    let locale = ctx.defaultLocale;
    let meta: FormMeta = {};
    try {
      meta = JSON.parse(view.private_metadata || '{}') as FormMeta;
    } catch {
      meta = {};
    }
    if (!submit) return void (await ack());
    let outcome: Outcome;
    try {
      const actor = await ctx.actors.resolve(body.user.id);
      locale = actor.locale;
      outcome = await submit(body.user.id)(ctx, actor, readModalValues(view.state), `slack:${view.id}`, meta);
    } catch (e) {
      const fields = new Set(Object.keys(view.state.values));
      const errors = modalErrors(locale, e, fields);
      if (errors) return void (await ack({ response_action: 'errors', errors }));
      logFailure(ctx.logger, e, `form ${formId}`);
      await ack();
      if (meta.r) await postToResponseUrl(meta.r, errorMessage(locale, e), ctx.logger);
      return;
    }
    await ack();
    if (meta.r) await postToResponseUrl(meta.r, { text: `:white_check_mark: ${outcome.text}` }, ctx.logger);
    else await ctx.client.chat.postMessage({ channel: body.user.id, text: outcome.text }).catch((e: unknown) => logFailure(ctx.logger, e, 'confirmation DM'));
    await outcome.after?.().catch((e: unknown) => logFailure(ctx.logger, e, `after form ${formId}`));
  });
}
