import type { App, BlockAction, ButtonAction } from '@slack/bolt';
import { converse } from '../../../chat/router.js';
import { t } from '../../../views/i18n.js';
import type { SlackContext } from '../context.js';
import { viewMessage, type viewToBlocks } from '../render/blocks.js';
import { errorMessage, logFailure } from '../replies.js';

/**
 * Decision buttons (`decide:…`: approve a late entry or an award, acknowledge a plan, confirm a
 * publication). The answer replaces the message clicked: through the response_url for a command's
 * private answer, with chat.update for a message the bot posted (a DM).
 * https://api.slack.com/interactivity/handling#updating_message_response
 */
export function registerDecisionActions(app: App, ctx: SlackContext): void {
  app.action<BlockAction<ButtonAction>>(/^decide:/, async ({ ack, body, action, respond, client }) => {
    await ack();
    let locale = ctx.defaultLocale;
    const replace = async (message: { text: string; blocks?: ReturnType<typeof viewToBlocks> }) => {
      const ephemeral = body.container?.is_ephemeral === true;
      if (!ephemeral && body.channel?.id && body.message?.ts) {
        await client.chat.update({ channel: body.channel.id, ts: body.message.ts, text: message.text, blocks: message.blocks ?? [] });
      } else if (body.response_url) {
        await respond({ replace_original: true, ...message });
      } else if (body.channel?.id) {
        await client.chat.postEphemeral({ channel: body.channel.id, user: body.user.id, ...message });
      }
    };
    try {
      const actor = await ctx.actors.resolve(body.user.id);
      locale = actor.locale;
      const request = { words: [], users: [], unknownUsers: [], lines: [], platforms: ['slack' as const], platform: 'slack' as const, requestId: `slack:${body.trigger_id}` };
      const answer = await converse(ctx.deps, actor, { type: 'button', action: action.action_id, value: action.value ?? '', request });
      await replace(answer.stale ? { text: t(locale, 'decision.stale') } : viewMessage(answer.view));
    } catch (e) {
      logFailure(ctx.logger, e, action.action_id);
      // The message stays as it was (the decision can be tried again); the refusal is said privately.
      if (body.channel?.id) await client.chat.postEphemeral({ channel: body.channel.id, user: body.user.id, ...errorMessage(locale, e) }).catch((err: unknown) => logFailure(ctx.logger, err, 'decision refusal'));
    }
  });
}
