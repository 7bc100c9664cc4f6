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
/** Errors reading history that will not go away: the check is impossible, not just late. */
const HISTORY_UNREADABLE = new Set(['missing_scope', 'not_in_channel', 'channel_not_found', 'not_authed', 'invalid_auth', 'token_revoked']);
/** Default deadline of every Web API call and upload: a hung Slack must not stall the outbox. */
export const SLACK_CALL_TIMEOUT_MS = 10_000;

type HistoryMessage = { ts?: string; metadata?: { event_type?: string; event_payload?: { key?: string } }; files?: unknown[] };

/**
 * Scheduled posts and DMs to Slack for the outbox dispatcher. Its own Web API client throws on 429
 * instead of queueing (the dispatcher owns pacing and retries), and gives every call a deadline.
 * Each message carries its idempotency key as message metadata, so when an earlier attempt may
 * have gone out (`recovered`: a crash mid-send, a timeout, a reset connection, a 5xx) the history
 * of the DM or channel since the message was queued is checked first, and a message already
 * posted is not posted again (its chart is, if the crash came between the two). Reading a
 * channel's history needs `channels:history` / `groups:history` (manifests/slack.yaml).
 */
export interface SlackOutboundOptions {
  botToken: string;
  apiUrl?: string | undefined;
  /** Renders a message's chart spec to PNG at send time; without it charts are left out. */
  renderChart?: ChartRenderer;
  /** Pacing override (the benchmark passes zeros to measure our side alone). */
  limits?: ChatPlatform['limits'];
  logger?: Logger;
  /** Deadline of each call (ms); a timed-out send is a transient, ambiguous failure. */
  timeoutMs?: number;
}

export function createSlackOutbound(options: SlackOutboundOptions): ChatPlatform {
  const client = new webApi.WebClient(options.botToken, {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: options.timeoutMs ?? SLACK_CALL_TIMEOUT_MS,
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

  /**
   * Our message with this key in the conversation since it was queued, and whether a file (its
   * chart) follows it before our next message. A history that cannot be read now is a transient
   * failure (checking later beats a duplicate); one that can never be read (no scope) is logged
   * and the message is sent.
   */
  async function alreadyPosted(channel: string, key: string, queuedAt: string | undefined): Promise<{ ts: string; withFile: boolean } | null> {
    let messages: HistoryMessage[];
    try {
      const oldest = queuedAt ? String(Math.floor(Date.parse(queuedAt) / 1000) - 60) : undefined;
      const history = await client.conversations.history({ channel, limit: 200, include_all_metadata: true, ...(oldest ? { oldest } : {}) });
      messages = (history.messages ?? []) as HistoryMessage[];
    } catch (e) {
      const code = (e as { data?: { error?: string } }).data?.error;
      if (code && HISTORY_UNREADABLE.has(code)) {
        options.logger?.warn({ channel, key, error: code }, 'Slack: cannot read history to check for an earlier attempt; sending');
        return null;
      }
      throw new DeliveryError('transient', `could not check for an earlier attempt: ${toDeliveryError(e).message}`, undefined, true);
    }
    // Newest first: what follows our message is before it in the list.
    const at = messages.findIndex((m) => m.metadata?.event_payload?.key === key);
    if (at < 0) return null;
    let withFile = false;
    for (let i = at - 1; i >= 0 && messages[i]!.metadata?.event_type !== METADATA_EVENT; i--) {
      if ((messages[i]!.files?.length ?? 0) > 0) withFile = true;
    }
    return { ts: messages[at]!.ts ?? '', withFile };
  }

  /**
   * files.uploadV2, step by step (https://api.slack.com/messaging/files#uploading_files): ask for an
   * upload URL, POST the bytes there, then complete the upload into the channel with a comment.
   */
  async function uploadImage(channel: string, image: ChartImage): Promise<void> {
    const got = await client.files.getUploadURLExternal({ filename: 'trend-chart.png', length: image.png.byteLength });
    if (!got.upload_url || !got.file_id) throw new DeliveryError('transient', 'files.getUploadURLExternal returned no upload_url');
    const posted = await fetch(got.upload_url, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: image.png,
      signal: AbortSignal.timeout(options.timeoutMs ?? SLACK_CALL_TIMEOUT_MS),
    });
    await posted.arrayBuffer();
    if (!posted.ok) throw new DeliveryError('transient', `file upload answered ${posted.status}`);
    await client.files.completeUploadExternal({ files: [{ id: got.file_id, title: image.title }], channel_id: channel, initial_comment: escapeSlack(image.title) });
  }

  return {
    name: 'slack',
    // About one message per second per channel; the workspace-wide limit is higher.
    limits: options.limits ?? { perTargetIntervalMs: 1100, perPlatformIntervalMs: 50 },
    async send(target: DeliveryTarget, message: OutgoingMessage, opts: { idempotencyKey: string; recovered: boolean; queuedAt?: string }) {
      let posting = false;
      try {
        const channel = await channelFor(target);
        const earlier = opts.recovered ? await alreadyPosted(channel, opts.idempotencyKey, opts.queuedAt) : null;
        let ts = earlier?.ts;
        if (!earlier) {
          posting = true;
          const res = await client.chat.postMessage({
            channel,
            // What notifications show: as literal as the blocks (names, award titles are users' text).
            text: escapeSlack(message.text),
            ...(message.view ? { blocks: viewToBlocks(message.view) } : {}),
            metadata: { event_type: METADATA_EVENT, event_payload: { key: opts.idempotencyKey } },
          });
          posting = false;
          ts = res.ts ?? '';
        }
        // The chart follows the message (also when an earlier attempt posted the message and died
        // before the chart). The message is out by now, so a failed upload is logged, not retried.
        if (!earlier?.withFile) {
          try {
            const image = await imageOf(message, options.renderChart);
            if (image) await uploadImage(channel, image);
          } catch (e) {
            options.logger?.warn({ err: e, key: opts.idempotencyKey }, 'Slack: chart upload failed; the message went without it');
          }
        }
        return { messageId: ts ?? '' };
      } catch (e) {
        throw toDeliveryError(e, posting);
      }
    },
  };
}

/**
 * How a failed call went. A 429 or an `ok: false` answer means Slack did not post; a timeout, a
 * connection that broke or an HTTP error while posting may have posted (`ambiguous`).
 */
function toDeliveryError(e: unknown, posting = false): DeliveryError {
  if (e instanceof DeliveryError) return e;
  const err = e as { code?: string; retryAfter?: number; data?: { error?: string }; message?: string };
  if (err.code === webApi.ErrorCode.RateLimitedError) return new DeliveryError('rate_limited', 'ratelimited', (err.retryAfter ?? 1) * 1000);
  if (err.code === webApi.ErrorCode.PlatformError && err.data?.error && PERMANENT.has(err.data.error)) return new DeliveryError('permanent', err.data.error);
  const ambiguous = posting && (err.code === webApi.ErrorCode.RequestError || err.code === webApi.ErrorCode.HTTPError || err.code === undefined);
  return new DeliveryError('transient', err.data?.error ?? err.message ?? String(e), undefined, ambiguous);
}
