import { createHash } from 'node:crypto';
import type { DeliveryTarget } from '../../domain/model/delivery.js';
import type { Logger } from '../../ports/logger.js';
import { DeliveryError, imageOf, type ChartImage, type ChartRenderer, type ChatPlatform, type OutgoingMessage } from '../../ports/chat.js';
import { apiFailure, callApi, LarkApiError, RATE_LIMITED } from './api-errors.js';
import { plain, type Card } from './render/card.js';
import { viewToCard } from './render/view-card.js';
import { larkClient } from './sdk.js';

/**
 * Scheduled posts and DMs to Lark/Feishu for the outbox dispatcher. Each message carries a `uuid`
 * derived from its idempotency key: Lark drops a repeat with the same uuid within an hour
 * (https://open.feishu.cn/document/server-docs/im-v1/message/create), which covers a crash between
 * sending and recording, a timeout or a reset connection after Lark took the message. Every call
 * has a deadline (sdk.ts). Rate limits (code 99991400) go back to the dispatcher with Lark's reset time.
 */
export interface LarkOutboundOptions {
  appId: string;
  appSecret: string;
  domain: string;
  logger: Logger;
  /** Renders a message's chart spec to PNG at send time; without it charts are left out. */
  renderChart?: ChartRenderer;
  /** Pacing override (the benchmark passes zeros to measure our side alone). */
  limits?: ChatPlatform['limits'];
  /** Deadline of each Open API call (ms); a timed-out send is a transient, ambiguous failure. */
  timeoutMs?: number;
}

export function createLarkOutbound(o: LarkOutboundOptions): ChatPlatform {
  const client = larkClient(o);

  /** Uploads the image for messages (https://open.feishu.cn/document/server-docs/im-v1/image/create); returns its image_key. */
  async function uploadImage(image: ChartImage): Promise<string> {
    let res: { image_key?: string | undefined } | null;
    try {
      res = await client.im.v1.image.create({ data: { image_type: 'message', image: Buffer.from(image.png.buffer, image.png.byteOffset, image.png.byteLength) } });
    } catch (e) {
      const f = apiFailure(e);
      throw new LarkApiError('im.v1.image.create', f.code, f.msg, f.resetSeconds, e);
    }
    if (!res?.image_key) throw new LarkApiError('im.v1.image.create', undefined, 'no image_key in the answer');
    return res.image_key;
  }

  return {
    name: 'lark',
    // 5 messages a second per user or chat; 50 a second per app.
    limits: o.limits ?? { perTargetIntervalMs: 210, perPlatformIntervalMs: 21 },
    async send(target: DeliveryTarget, message: OutgoingMessage, opts: { idempotencyKey: string; recovered: boolean }) {
      const [type, id] = target.kind === 'dm' ? (['open_id', target.identity.replace(/^lark:/, '')] as const) : (['chat_id', target.channel.replace(/^lark:/, '')] as const);
      const card = message.view ? viewToCard(message.view) : viewToCard({ title: message.text, blocks: [{ type: 'text', text: message.text }] });
      const uuid = createHash('sha256').update(opts.idempotencyKey).digest('hex').slice(0, 50);
      let posting = false;
      try {
        // The chart goes in the same card, so it is uploaded first: a failure before the message
        // is sent is retried as a whole, and the card never goes out without its image.
        const image = await imageOf(message, o.renderChart);
        if (image) withImage(card, await uploadImage(image), image.title);
        posting = true;
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
        // No answer (a timeout, a reset connection) or a 5xx while posting: Lark may have the
        // message. The retry carries the same uuid, which Lark drops as a repeat within the hour.
        throw new DeliveryError('transient', (e as Error).message, undefined, posting && (status === undefined || status >= 500));
      }
    },
  };
}

/** Appends an image element (card JSON 2.0 `img`) to the card's body. */
function withImage(card: Card, imageKey: string, title: string): void {
  card.body.elements.push({ tag: 'img', img_key: imageKey, alt: plain(title, 100), title: plain(title, 100), scale_type: 'fit_horizontal', preview: true });
}
