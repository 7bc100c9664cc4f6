import type { App, ViewSubmitAction } from '@slack/bolt';
import type { Intel } from '../../../domain/model/entries.js';
import type { Person } from '../../../domain/model/people.js';
import { isFormId, submitEntryForm } from '../../../chat/entry-forms.js';
import { t } from '../../../views/i18n.js';
import { answerSubmission, type Outcome } from '../answer-submission.js';
import type { SlackContext } from '../context.js';
import { escapeSlack, slackMention } from '../parse-text.js';
import { FORM_CALLBACK_PREFIX } from '../render/modal.js';

/** Posts an intel entry to the platform's intel channel(s) with its author. */
async function postIntel(ctx: SlackContext, actor: Person, userId: string, intel: { entry: Intel; channels: string[] }): Promise<void> {
  // The author is the bot's own mention; the topic and the text are the rep's, literal in both the
  // notification text and the blocks.
  const heading = t(actor.locale, 'intel.post', { author: slackMention(userId), topic: escapeSlack(intel.entry.topic) });
  const text = escapeSlack(intel.entry.text);
  for (const channel of intel.channels) {
    await ctx.client.chat.postMessage({
      channel,
      text: `${heading}\n${text}`,
      blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `*${heading}*\n${text}` } }],
    });
  }
}

/**
 * Form submissions (https://api.slack.com/surfaces/modals#handling_submissions), answered by the
 * shared flow of answer-submission.ts. The view id is the request id: the same modal submitted twice
 * is stored once.
 */
export function registerEntrySubmissions(app: App, ctx: SlackContext): void {
  app.view<ViewSubmitAction>(new RegExp(`^${FORM_CALLBACK_PREFIX}`), async (args) => {
    const { view, body } = args;
    const formId = view.callback_id.slice(FORM_CALLBACK_PREFIX.length);
    if (!isFormId(formId)) return void (await args.ack());
    await answerSubmission(ctx, args, `form ${formId}`, async (actor, values, meta): Promise<Outcome> => {
      const r = await submitEntryForm(ctx.deps, actor, { formId, values, requestId: `slack:${view.id}`, platform: 'slack', ...(meta.k ? { kind: meta.k } : {}) });
      const intel = r.intel;
      return { text: r.text, ...(r.pending ? { pending: true } : {}), ...(intel ? { after: () => postIntel(ctx, actor, body.user.id, intel) } : {}) };
    });
  });
}
