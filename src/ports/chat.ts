import type { DeliveryTarget, PlatformName } from '../domain/model/delivery.js';
import type { TrendChartSpec } from '../views/trend-chart.js';
import type { View } from '../views/view.js';

/**
 * The outgoing side of a chat platform: what the scheduled jobs' dispatcher needs. Each platform
 * adapter (Slack, Lark, console) implements it; the dispatcher handles pacing, retries and the
 * outbox state, so a platform only sends one message and says how that went.
 */
export interface OutgoingMessage {
  /** Plain text: the notification and the fallback where blocks cannot show. */
  text: string;
  view?: View;
  /** A chart to show with the message, as data (the outbox stores this, not the image). */
  chart?: TrendChartSpec;
  /** An image already rendered; platforms given a `chart` render it with their ChartRenderer. */
  image?: ChartImage;
}

export interface ChartImage {
  png: Uint8Array;
  title: string;
}

/** Turns a chart spec into a PNG (an adapter: resvg); platforms call it at send time. */
export type ChartRenderer = (spec: TrendChartSpec) => ChartImage | Promise<ChartImage>;

/** The image to send with a message: the one given, else the chart rendered, else none. */
export async function imageOf(message: OutgoingMessage, render: ChartRenderer | undefined): Promise<ChartImage | undefined> {
  if (message.image) return message.image;
  return message.chart && render ? await render(message.chart) : undefined;
}

export type DeliveryFailure = 'rate_limited' | 'transient' | 'permanent';

/** A send that did not work, and what the dispatcher should do about it. */
export class DeliveryError extends Error {
  constructor(
    readonly failure: DeliveryFailure,
    message: string,
    /** For rate_limited: how long the platform asked us to wait. */
    readonly retryAfterMs?: number,
    /**
     * The platform may have carried the send out although we heard no success (a timeout, a reset
     * connection, a 5xx after the request went out): the next attempt must check before sending.
     */
    readonly ambiguous = false,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

export interface ChatPlatform {
  readonly name: PlatformName;
  /** Pacing the dispatcher applies: Slack ~1 message/s per channel; Lark 50/s per app, 5/s per user. */
  readonly limits: { perTargetIntervalMs: number; perPlatformIntervalMs: number };
  /**
   * Sends one message. `idempotencyKey` identifies it across retries (platforms that can drop a
   * repeat use it); `recovered` says an earlier attempt may already have gone out (a crash
   * mid-send, or an ambiguous failure), so the platform checks before sending; `queuedAt` bounds
   * how far back that check looks. Throws DeliveryError; anything else counts as transient and
   * ambiguous.
   */
  send(target: DeliveryTarget, message: OutgoingMessage, opts: { idempotencyKey: string; recovered: boolean; queuedAt?: string }): Promise<{ messageId: string }>;
}
