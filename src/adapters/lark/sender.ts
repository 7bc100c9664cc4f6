import type { Client } from '@larksuiteoapi/node-sdk';
import type { Logger } from '../../ports/logger.js';
import { callApi, LarkApiError, RATE_LIMITED } from './api-errors.js';
import { APP_LIMITS, CHAT_LIMIT, RateWindows, type Pace } from './rate-limit.js';
import type { Card } from './render/card.js';

/** Where a message goes: a person (their DM with the bot) or a chat (a DM or group the event came from). */
export type Target = { openId: string } | { chatId: string };

/**
 * Sends and updates cards within Lark's limits: each call is paced (rate-limit.ts) and, when Lark
 * still answers code 99991400, retried after the `x-ogw-ratelimit-reset` seconds it asks for.
 * https://open.feishu.cn/document/server-docs/im-v1/message/create and …/message/patch
 */
export class LarkSender {
  private readonly windows: RateWindows;

  constructor(
    private readonly client: Client,
    private readonly pace: Pace,
    private readonly logger: Logger,
    private readonly retries = 3,
  ) {
    this.windows = new RateWindows(pace);
  }

  /** Runs a Lark call within the app's and the target's rate windows, retrying on 99991400 (also for file uploads). */
  async paced<T>(what: string, key: string, call: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      await this.windows.take([...APP_LIMITS.map((limit) => ({ key: `app:${limit.windowMs}`, limit })), { key, limit: CHAT_LIMIT }]);
      try {
        return await call();
      } catch (e) {
        if (!(e instanceof LarkApiError) || e.larkCode !== RATE_LIMITED || attempt >= this.retries) throw e;
        const waitMs = (e.resetSeconds ?? 1) * 1000;
        this.logger.warn({ what, key, waitMs, attempt }, 'Lark rate limit: backing off');
        await this.pace.sleep(waitMs);
      }
    }
  }

  /** Sends a card; returns its message id. */
  async send(to: Target, card: Card): Promise<string | undefined> {
    const [type, id] = 'openId' in to ? (['open_id', to.openId] as const) : (['chat_id', to.chatId] as const);
    const data = await this.paced('message.create', `to:${id}`, () =>
      callApi('im.v1.message.create', () =>
        this.client.im.v1.message.create({ params: { receive_id_type: type }, data: { receive_id: id, msg_type: 'interactive', content: JSON.stringify(card) } }),
      ),
    );
    return data?.message_id;
  }

  /** Replaces a card already sent (a form by its confirmation), for everyone who sees it. */
  async update(messageId: string, card: Card): Promise<void> {
    await this.paced('message.patch', `message:${messageId}`, () =>
      callApi('im.v1.message.patch', () => this.client.im.v1.message.patch({ path: { message_id: messageId }, data: { content: JSON.stringify(card) } })),
    );
  }
}
