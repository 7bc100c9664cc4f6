import type { EventHandles } from '@larksuiteoapi/node-sdk';
import type { LarkContext } from '../context.js';
import { runCommand } from './command.js';
import { firstDelivery, handleClaimed } from '../dedupe.js';
import { receivedText } from './message-text.js';

export type MessageEvent = Parameters<NonNullable<EventHandles['im.message.receive_v1']>>[0];

/**
 * `im.message.receive_v1` (https://open.feishu.cn/document/server-docs/im-v1/message/events/receive):
 * Lark has no slash commands, so commands are read from messages: anything sent to the bot in its
 * DM, and group messages that @-mention it. The event is answered at once (Lark waits 3 seconds);
 * the command runs after. A group command is answered in the sender's DM: scorecards and forms are
 * personal, as Slack's ephemeral answers are.
 */
export function onMessage(ctx: LarkContext) {
  return async (data: MessageEvent): Promise<void> => {
    const openId = data.sender?.sender_id?.open_id;
    if (data.sender?.sender_type !== 'user' || !openId) return;
    if (!(await firstDelivery(ctx.deps, data.event_id))) return ctx.logger.debug({ eventId: data.event_id }, 'duplicate Lark event skipped');
    const m = data.message;
    const group = m.chat_type !== 'p2p';
    const received = receivedText(m, ctx.bot.openId);
    if (group && !received.mentionedBot) return;
    const log = ctx.logger.child({ eventId: data.event_id, userId: openId });
    // Marked handled only once the command has run: a crash before that leaves Lark's retry to us.
    ctx.background.run('Lark message', () =>
      handleClaimed(ctx.deps, data.event_id, () =>
        runCommand(
          { ...ctx, logger: log },
          { openId, text: received.text, mentions: received.mentions, reply: group ? { openId } : { chatId: m.chat_id }, chat: { chatId: m.chat_id, group } },
        ),
      ),
    );
  };
}
