import { createHash } from 'node:crypto';
import type { DeliveryTarget } from '../../domain/model/delivery.js';
import type { Logger } from '../../ports/logger.js';
import { DeliveryError, type ChatPlatform, type OutgoingMessage } from '../../ports/chat.js';
import { callApi, LarkApiError, RATE_LIMITED } from './api-errors.js';
import { viewToCard } from './render/view-card.js';
import { larkClient } from './sdk.js';

/**
 * Scheduled posts and DMs to Lark/Feishu for the outbox dispatcher. Each message carries a `uuid`
 * derived from its idempotency key: Lark drops a repeat with the same uuid within an hour
 * (https://open.feishu.cn/document/server-docs/im-v1/message/create), which covers a crash between
 * sending and recording. Rate limits (code 99991400) go back to the dispatcher with Lark's reset time.
 */
export function createLarkOutbound(o: { appId: string; appSecret: string; domain: string; logger: Logger }): ChatPlatform {
  const client = larkClient(o);
  return {
    name: 'lark',
    // 5 messages a second per user or chat; 50 a second per app.
    limits: { perTargetIntervalMs: 210, perPlatformIntervalMs: 21 },
    async send(target: DeliveryTarget, message: OutgoingMessage, opts: { idempotencyKey: string; recovered: boolean }) {
      const [type, id] = target.kind === 'dm' ? (['open_id', target.identity.replace(/^lark:/, '')] as const) : (['chat_id', target.channel.replace(/^lark:/, '')] as const);
      const card = message.view ? viewToCard(message.view) : viewToCard({ title: message.text, blocks: [{ type: 'text', text: message.text }] });
      const uuid = createHash('sha256').update(opts.idempotencyKey).digest('hex').slice(0, 50);
      try {
        const data = await callApi('im.v1.message.create', () =>
          client.im.v1.message.create({ params: { receive_id_type: type }, data: { receive_id: id, msg_type: 'interactive', content: JSON.stringify(card), uuid } }),
        );
        return { messageId: data?.message_id ?? '' };
      } catch (e) {
        if (e instanceof LarkApiError && e.larkCode === RATE_LIMITED) throw new DeliveryError('rate_limited', e.message, (e.resetSeconds ?? 1) * 1000);
        // Lark answers a bad receiver or a missing permission with a 4xx and a code: retrying will not help.
        const status = (e as { cause?: { response?: { status?: number } } }).cause?.response?.status;
        if (e instanceof LarkApiError && e.larkCode !== undefined && (status === undefined || (status >= 400 && status < 500))) {
          throw new DeliveryError('permanent', e.message);
        }
        throw new DeliveryError('transient', (e as Error).message);
      }
    },
  };
}
