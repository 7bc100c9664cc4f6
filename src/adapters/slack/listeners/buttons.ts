import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import type { ChatAnswer } from '../../../chat/port.js';
import { converse, isButtonAction } from '../../../chat/router.js';
import type { Person } from '../../../domain/model/people.js';
import { errorText } from '../../../views/errors.js';
import { t } from '../../../views/i18n.js';
import type { SlackContext } from '../context.js';
import { openForm } from '../open-form.js';
import { homeNotice, publishErrorHome, publishHome } from '../publish-home.js';
import { answerMessage, viewText } from '../render/answer-message.js';
import { errorMessage, logFailure } from '../replies.js';
import { slackRequest } from '../request.js';

type Click = BlockAction<ButtonAction>;

/**
 * The answer replaces the message clicked (a decision, an entry deleted from `/entries`): through
 * the response_url for a command's private answer, with chat.update for a message the bot posted
 * (a DM). https://api.slack.com/interactivity/handling#updating_message_response
 */
async function replaceClicked(ctx: SlackContext, body: Click, respond: (m: object) => Promise<unknown>, message: { text: string; blocks?: unknown[] }): Promise<void> {
  const ephemeral = body.container?.is_ephemeral === true;
  if (!ephemeral && body.channel?.id && body.message?.ts) {
    await ctx.client.chat.update({ channel: body.channel.id, ts: body.message.ts, text: message.text, blocks: (message.blocks ?? []) as never });
  } else if (body.response_url) {
    await respond({ replace_original: true, ...message });
  } else if (body.channel?.id) {
    await ctx.client.chat.postEphemeral({ channel: body.channel.id, user: body.user.id, ...message } as never);
  }
}

/** A click on the App Home: a form opens over it; anything else is told on the Home, republished with the answer as its notice. */
async function onHome(ctx: SlackContext, body: Click, actor: Person, answer: ChatAnswer): Promise<void> {
  if (answer.form) return openForm(ctx, actor, answer.form, body.trigger_id, { h: 1 });
  await publishHome(ctx, body.user.id, actor, homeNotice(viewText(answer.view), !answer.stale));
}

/** A click on a message (a DM the bot sent, a command's private answer): a form opens, or the answer replaces the message. */
async function onMessage(ctx: SlackContext, body: Click, respond: (m: object) => Promise<unknown>, actor: Person, answer: ChatAnswer): Promise<void> {
  // No response_url in the form: its confirmation comes by DM, where the user will find it.
  if (answer.form) return openForm(ctx, actor, answer.form, body.trigger_id, {});
  await replaceClicked(ctx, body, respond, answer.stale ? { text: t(actor.locale, 'decision.stale') } : answerMessage(answer.view));
}

/**
 * Every button the conversation draws (`isButtonAction`: decisions, the Home's and `/entries`' Log,
 * Edit and Delete, a reminder's "Log the follow-up"), one listener. Acked at once; a form is opened
 * with the click's trigger_id right after (valid for 3 seconds). Where the click came from decides
 * where the answer goes: the App Home is republished with it (a refusal as a warning line), a
 * message is replaced by it (a refusal is said privately and the message stays, so a decision can
 * be tried again).
 */
export function registerButtons(app: App, ctx: SlackContext): void {
  app.action<Click>({ type: 'block_actions' }, async ({ ack, body, action, respond }) => {
    if (action.type !== 'button' || !isButtonAction(action.action_id)) return;
    await ack();
    const userId = body.user.id;
    const fromHome = body.view?.type === 'home';
    let actor: Person;
    try {
      actor = await ctx.actors.resolve(userId);
    } catch (e) {
      logFailure(ctx.logger, e, action.action_id);
      if (fromHome) return publishErrorHome(ctx, userId, errorMessage(ctx.actors.knownLocale(userId) ?? ctx.defaultLocale, e).text);
      return tellPrivately(ctx, body, errorMessage(ctx.actors.knownLocale(userId) ?? ctx.defaultLocale, e));
    }
    try {
      const request = await slackRequest(ctx, { requestId: `slack:${body.trigger_id}` });
      const answer = await converse(ctx.deps, actor, { type: 'button', action: action.action_id, value: action.value ?? '', request });
      await (fromHome ? onHome(ctx, body, actor, answer) : onMessage(ctx, body, respond, actor, answer));
      if (answer.queued) ctx.onQueued?.();
    } catch (e) {
      logFailure(ctx.logger, e, action.action_id);
      if (fromHome) return publishHome(ctx, userId, actor, homeNotice(errorText(actor.locale, e), false));
      await tellPrivately(ctx, body, errorMessage(actor.locale, e));
    }
  });
}

/** A refusal said to the clicker alone, in the channel of the message clicked. */
async function tellPrivately(ctx: SlackContext, body: Click, message: { text: string }): Promise<void> {
  if (!body.channel?.id) return;
  await ctx.client.chat.postEphemeral({ channel: body.channel.id, user: body.user.id, ...message }).catch((err: unknown) => logFailure(ctx.logger, err, 'refusal'));
}
