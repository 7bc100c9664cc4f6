import type { OutboxItem, PlatformName } from '../../domain/model/delivery.js';
import { DeliveryError, type ChatPlatform } from '../../ports/chat.js';
import type { TrendChartSpec } from '../../views/trend-chart.js';
import type { View } from '../../views/view.js';
import type { AppDeps } from '../deps.js';

export interface DispatchOptions {
  /** Who claims (a replica id): claims expire, so a dead dispatcher's work is picked up again. */
  owner: string;
  /** Waits in real time between sends (pacing); tests pass one that moves their clock. */
  sleep: (ms: number) => Promise<void>;
  batch?: number;
  /** How long a claim lasts before another dispatcher may take the item over. */
  claimMs?: number;
  /** Failed attempts (not rate limits) before an item is given up. */
  maxAttempts?: number;
  /** Told each send's outcome (metrics); must not throw. */
  onOutcome?: (o: { platform: PlatformName; outcome: 'sent' | 'rate_limited' | 'retried' | 'failed' }) => void;
}

export interface DispatchReport {
  sent: number;
  rateLimited: number;
  retried: number;
  failed: number;
}

const iso = (ms: number): string => new Date(ms).toISOString();
const BACKOFF_MS = [30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000, 3_600_000];

/**
 * Sends what is due from the outbox, within each platform's pacing: claims a batch, sends each
 * item, records the outcome, repeats until nothing is due. A 429 delays the item (and pauses the
 * platform) as long as the platform asked, without counting as a failure; other failures retry
 * with back-off up to `maxAttempts`, then the item is marked failed with the error, and logged.
 */
export async function dispatchDue(deps: Pick<AppDeps, 'store' | 'clock' | 'logger'>, platforms: ReadonlyMap<PlatformName, ChatPlatform>, opts: DispatchOptions): Promise<DispatchReport> {
  const report: DispatchReport = { sent: 0, rateLimited: 0, retried: 0, failed: 0 };
  const claimMs = opts.claimMs ?? 60_000;
  const maxAttempts = opts.maxAttempts ?? 8;
  const nextFree = new Map<string, number>(); // pacing gate per platform and per target
  const now = (): number => deps.clock.now().getTime();

  const waitFor = async (key: string): Promise<void> => {
    const wait = (nextFree.get(key) ?? 0) - now();
    if (wait > 0) await opts.sleep(wait);
  };

  for (const [name, platform] of platforms) {
    for (;;) {
      const items = await deps.store.claimDeliveries({ now: iso(now()), owner: opts.owner, claimUntil: iso(now() + claimMs), limit: opts.batch ?? 50, platform: name });
      if (items.length === 0) break;
      for (const item of items) {
        const targetKey = `${name}:${item.target.kind === 'dm' ? item.target.identity : item.target.channel}`;
        await waitFor(name);
        await waitFor(targetKey);
        const outcome = await sendOne(platform, item);
        const at = now();
        nextFree.set(name, at + platform.limits.perPlatformIntervalMs);
        nextFree.set(targetKey, at + platform.limits.perTargetIntervalMs);
        const before = { ...report };
        await record(deps, item, outcome, at, maxAttempts, report);
        opts.onOutcome?.({ platform: name, outcome: report.sent > before.sent ? 'sent' : report.failed > before.failed ? 'failed' : report.rateLimited > before.rateLimited ? 'rate_limited' : 'retried' });
        if (outcome.kind === 'error' && outcome.error.failure === 'rate_limited') {
          nextFree.set(name, at + (outcome.error.retryAfterMs ?? 1000));
        }
      }
    }
  }
  return report;
}

type Outcome = { kind: 'sent'; messageId: string } | { kind: 'error'; error: DeliveryError };

async function sendOne(platform: ChatPlatform, item: OutboxItem): Promise<Outcome> {
  try {
    const { messageId } = await platform.send(
      item.target,
      {
        text: item.message.text,
        ...(item.message.view ? { view: item.message.view as unknown as View } : {}),
        // The spec as stored; the platform renders it (ChartRenderer) when it sends.
        ...(item.message.chart ? { chart: item.message.chart as unknown as TrendChartSpec } : {}),
      },
      { idempotencyKey: item.key, recovered: item.recovered === true },
    );
    return { kind: 'sent', messageId };
  } catch (e) {
    return { kind: 'error', error: e instanceof DeliveryError ? e : new DeliveryError('transient', (e as Error)?.message ?? String(e)) };
  }
}

async function record(deps: Pick<AppDeps, 'store' | 'logger'>, item: OutboxItem, outcome: Outcome, at: number, maxAttempts: number, report: DispatchReport): Promise<void> {
  const { claimedBy: _c, claimExpiresAt: _e, recovered: _r, ...base } = item;
  if (outcome.kind === 'sent') {
    report.sent++;
    await deps.store.outbox.put({ ...base, state: 'sent', attempts: item.attempts + 1, sentAt: iso(at), platformMessageId: outcome.messageId });
    return;
  }
  const { error } = outcome;
  if (error.failure === 'rate_limited') {
    report.rateLimited++;
    await deps.store.outbox.put({ ...base, state: 'pending', nextAttemptAt: iso(at + (error.retryAfterMs ?? 1000)), lastError: error.message.slice(0, 2000) });
    return;
  }
  const attempts = item.attempts + 1;
  if (error.failure === 'permanent' || attempts >= maxAttempts) {
    report.failed++;
    deps.logger.error({ key: item.key, attempts, failure: error.failure, err: error.message }, 'delivery given up');
    await deps.store.outbox.put({ ...base, state: 'failed', attempts, lastError: error.message.slice(0, 2000) });
    return;
  }
  report.retried++;
  const backoff = BACKOFF_MS[Math.min(attempts - 1, BACKOFF_MS.length - 1)]!;
  deps.logger.warn({ key: item.key, attempts, err: error.message }, 'delivery failed; will retry');
  await deps.store.outbox.put({ ...base, state: 'pending', attempts, nextAttemptAt: iso(at + backoff), lastError: error.message.slice(0, 2000) });
}
