import type { App, ViewSubmitAction } from '@slack/bolt';
import { logDeal } from '../../../application/entries/log-deal.js';
import { logFeedback } from '../../../application/entries/log-feedback.js';
import { logPayment } from '../../../application/entries/log-payment.js';
import { logVisit } from '../../../application/entries/log-visit.js';
import { shareIntel } from '../../../application/entries/share-intel.js';
import { submitPeerReview } from '../../../application/entries/submit-peer-review.js';
import { channelsFor } from '../../../application/settings.js';
import type { Person } from '../../../domain/model/people.js';
import {
  dealConfirmation,
  feedbackConfirmation,
  intelConfirmation,
  paymentConfirmation,
  peerReviewConfirmation,
  visitConfirmation,
} from '../../../views/confirmations.js';
import { readDealForm, readFeedbackForm, readIntelForm, readPaymentForm, readPeerReviewForm, readVisitForm } from '../../../views/forms/entry-forms.js';
import type { FormId, FormValues } from '../../../views/forms/form.js';
import { t } from '../../../views/i18n.js';
import { answerSubmission, type Outcome } from '../answer-submission.js';
import type { SlackContext } from '../context.js';
import { escapeMrkdwn } from '../render/blocks.js';
import { FORM_CALLBACK_PREFIX } from '../render/modal.js';
import type { FormMeta } from './entry-commands.js';

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

/**
 * Form submissions (https://api.slack.com/surfaces/modals#handling_submissions), answered by the
 * shared flow of answer-submission.ts. The view id is the request id: the same modal submitted twice
 * is stored once.
 */
export function registerEntrySubmissions(app: App, ctx: SlackContext): void {
  app.view<ViewSubmitAction>(new RegExp(`^${FORM_CALLBACK_PREFIX}`), async (args) => {
    const { view, body } = args;
    const formId = view.callback_id.slice(FORM_CALLBACK_PREFIX.length) as FormId;
    const submit = SUBMITS[formId];
    if (!submit) return void (await args.ack());
    await answerSubmission(ctx, args, `form ${formId}`, (actor, values, meta) => submit(body.user.id)(ctx, actor, values, `slack:${view.id}`, meta));
  });
}
