import { webApi } from '@slack/bolt';
import type { DeliveryTarget } from '../../domain/model/delivery.js';
import { DeliveryError, imageOf, type ChartImage, type ChartRenderer, type ChatPlatform, type OutgoingMessage } from '../../ports/chat.js';
import type { Logger } from '../../ports/logger.js';
import { escapeSlack } from './parse-text.js';
import { viewToBlocks } from './render/blocks.js';

/** Slack errors that will not go away by retrying (https://api.slack.com/methods/chat.postMessage#errors). */
const PERMANENT = new Set([
  'channel_not_found',
  'user_not_found',
  'not_in_channel',
  'is_archived',
  'account_inactive',
  'cannot_dm_bot',
  'invalid_blocks',
  'msg_too_long',
  'restricted_action',
  'user_disabled',
  'missing_scope',
  'not_authed',
  'invalid_auth',
  'token_revoked',
]);

const METADATA_EVENT = 'appraisal_delivery';

/**
 * Scheduled posts and DMs to Slack for the outbox dispatcher. Its own Web API client throws on 429
 * instead of queueing (the dispatcher owns pacing and retries). Each message carries its
 * idempotency key as message metadata, so after a crash mid-send (`recovered`) the recent history
 * is checked and a message already posted is not posted again.
 */
export interface SlackOutboundOptions {
  botToken: string;
  apiUrl?: string | undefined;
  /** Renders a message's chart spec to PNG at send time; without it charts are left out. */
  renderChart?: ChartRenderer;
  /** Pacing override (the benchmark passes zeros to measure our side alone). */
  limits?: ChatPlatform['limits'];
  logger?: Logger;
}

export function createSlackOutbound(options: SlackOutboundOptions): ChatPlatform {
  const client = new webApi.WebClient(options.botToken, {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
  });
  const dmChannels = new Map<string, string>();

  async function channelFor(target: DeliveryTarget): Promise<string> {
    if (target.kind === 'channel') return target.channel.replace(/^slack:/, '');
    const user = target.identity.replace(/^slack:/, '');
    let channel = dmChannels.get(user);
    if (!channel) {
      const opened = await client.conversations.open({ users: user });
      channel = opened.channel?.id;
      if (!channel) throw new DeliveryError('transient', 'conversations.open returned no channel');
      dmChannels.set(user, channel);
    }
    return channel;
  }

  async function alreadyPosted(channel: string, key: string): Promise<string | null> {
    try {
      const history = await client.conversations.history({ channel, limit: 50, include_all_metadata: true });
      const hit = history.messages?.find((m) => (m as { metadata?: { event_payload?: { key?: string } } }).metadata?.event_payload?.key === key);
      return hit?.ts ?? null;
    } catch {
      // Without history access we cannot tell: sending again is better than never.
      return null;
    }
  }

  /**
   * files.uploadV2, step by step (https://api.slack.com/messaging/files#uploading_files): ask for an
   * upload URL, POST the bytes there, then complete the upload into the channel with a comment.
   */
  async function uploadImage(channel: string, image: ChartImage): Promise<void> {
    const got = await client.files.getUploadURLExternal({ filename: 'trend-chart.png', length: image.png.byteLength });
    if (!got.upload_url || !got.file_id) throw new DeliveryError('transient', 'files.getUploadURLExternal returned no upload_url');
    const posted = await fetch(got.upload_url, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: image.png });
    await posted.arrayBuffer();
    if (!posted.ok) throw new DeliveryError('transient', `file upload answered ${posted.status}`);
    await client.files.completeUploadExternal({ files: [{ id: got.file_id, title: image.title }], channel_id: channel, initial_comment: escapeSlack(image.title) });
  }

  return {
    name: 'slack',
    // About one message per second per channel; the workspace-wide limit is higher.
    limits: options.limits ?? { perTargetIntervalMs: 1100, perPlatformIntervalMs: 50 },
    async send(target: DeliveryTarget, message: OutgoingMessage, opts: { idempotencyKey: string; recovered: boolean }) {
      try {
        const channel = await channelFor(target);
        if (opts.recovered) {
          const ts = await alreadyPosted(channel, opts.idempotencyKey);
          if (ts) return { messageId: ts };
        }
        const res = await client.chat.postMessage({
          channel,
          // What notifications show: as literal as the blocks (names, award titles are users' text).
          text: escapeSlack(message.text),
          ...(message.view ? { blocks: viewToBlocks(message.view) } : {}),
          metadata: { event_type: METADATA_EVENT, event_payload: { key: opts.idempotencyKey } },
        });
        // The chart follows the message. The scorecard is out by now, so a failed upload is logged
        // rather than retried (a retry would post the scorecard twice).
        try {
          const image = await imageOf(message, options.renderChart);
          if (image) await uploadImage(channel, image);
        } catch (e) {
          options.logger?.warn({ err: e, key: opts.idempotencyKey }, 'Slack: chart upload failed; the message went without it');
        }
        return { messageId: res.ts ?? '' };
      } catch (e) {
        throw toDeliveryError(e);
      }
    },
  };
}

function toDeliveryError(e: unknown): DeliveryError {
  if (e instanceof DeliveryError) return e;
  const err = e as { code?: string; retryAfter?: number; data?: { error?: string }; message?: string };
  if (err.code === webApi.ErrorCode.RateLimitedError) return new DeliveryError('rate_limited', 'ratelimited', (err.retryAfter ?? 1) * 1000);
  if (err.code === webApi.ErrorCode.PlatformError && err.data?.error && PERMANENT.has(err.data.error)) return new DeliveryError('permanent', err.data.error);
  return new DeliveryError('transient', err.data?.error ?? err.message ?? String(e));
}
