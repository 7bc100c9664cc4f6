import type { OutboxItem, PlatformName } from '../../domain/model/delivery.js';
import { DeliveryError, type ChatPlatform } from '../../ports/chat.js';
import type { TrendChartSpec } from '../../views/trend-chart.js';
import type { View } from '../../views/view.js';
import type { AppDeps } from '../deps.js';
import { recordOutcome, unclaimed, wasAmbiguous, type DispatchReport, type Outcome } from './record-outcome.js';

export type { DispatchReport } from './record-outcome.js';

export interface DispatchOptions {
  /** Who claims (a replica id): claims expire, so a dead dispatcher's work is picked up again. */
  owner: string;
  /** Waits in real time between sends (pacing); tests pass one that moves their clock. */
  sleep: (ms: number) => Promise<void>;
  batch?: number;
  /** How long a claim lasts before another dispatcher may take the item over. */
  claimMs?: number;
  /** Failed attempts (not rate limits) before an item may be given up. */
  maxAttempts?: number;
  /** How long transient failures are retried (from the item's notBefore) before it is given up; default a day. */
  giveUpAfterMs?: number;
  /**
   * Shutting down: stop at once, even mid-send (a hung platform must not hold the process), and
   * give back every item claimed and not finished, as pending now, so the next start or another
   * replica sends it without waiting for the claim to expire. The send in flight is marked
   * ambiguous: it may have gone out.
   */
  signal?: AbortSignal;
  /** Told each send's outcome (metrics); must not throw. */
  onOutcome?: (o: { platform: PlatformName; outcome: 'sent' | 'rate_limited' | 'retried' | 'failed' }) => void;
}

const iso = (ms: number): string => new Date(ms).toISOString();
const ABORTED = Symbol('aborted');

/** The promise, or ABORTED as soon as the signal fires (the promise is left to settle unobserved). */
function unlessAborted<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T | typeof ABORTED> {
  if (!signal) return p;
  if (signal.aborted) return Promise.resolve(ABORTED);
  return new Promise((resolve, reject) => {
    const onAbort = () => resolve(ABORTED);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(
      (v) => (signal.removeEventListener('abort', onAbort), resolve(v)),
      (e: unknown) => (signal.removeEventListener('abort', onAbort), reject(e)),
    );
  });
}

/**
 * Sends what is due from the outbox, within each platform's pacing: claims a batch, sends each
 * item, records the outcome (record-outcome.ts), repeats until nothing is due. A 429 delays the
 * item (and pauses the platform) as long as the platform asked, without counting as a failure;
 * other failures retry with back-off, and an ambiguous one (the platform may have the message)
 * makes every later attempt check first.
 */
export async function dispatchDue(deps: Pick<AppDeps, 'store' | 'clock' | 'logger'>, platforms: ReadonlyMap<PlatformName, ChatPlatform>, opts: DispatchOptions): Promise<DispatchReport> {
  const report: DispatchReport = { sent: 0, rateLimited: 0, retried: 0, failed: 0 };
  const claimMs = opts.claimMs ?? 60_000;
  const policy = { maxAttempts: opts.maxAttempts ?? 8, giveUpAfterMs: opts.giveUpAfterMs ?? 24 * 3_600_000 };
  const nextFree = new Map<string, number>(); // pacing gate per platform and per target
  const now = (): number => deps.clock.now().getTime();
  const { signal } = opts;

  const waitFor = async (key: string): Promise<boolean> => {
    const wait = (nextFree.get(key) ?? 0) - now();
    return wait <= 0 || (await unlessAborted(opts.sleep(wait), signal)) !== ABORTED;
  };

  for (const [name, platform] of platforms) {
    while (!signal?.aborted) {
      const items = await deps.store.claimDeliveries({ now: iso(now()), owner: opts.owner, claimUntil: iso(now() + claimMs), limit: opts.batch ?? 50, platform: name });
      if (items.length === 0) break;
      for (const [i, item] of items.entries()) {
        const targetKey = `${name}:${item.target.kind === 'dm' ? item.target.identity : item.target.channel}`;
        if (!(await waitFor(name)) || !(await waitFor(targetKey))) {
          await giveBack(deps, items.slice(i), now(), undefined);
          return report;
        }
        const outcome = await unlessAborted(sendOne(platform, item), signal);
        if (outcome === ABORTED) {
          await giveBack(deps, items.slice(i), now(), item.id);
          return report;
        }
        const at = now();
        nextFree.set(name, at + platform.limits.perPlatformIntervalMs);
        nextFree.set(targetKey, at + platform.limits.perTargetIntervalMs);
        const result = await recordOutcome(deps, item, outcome, at, policy, report);
        opts.onOutcome?.({ platform: name, outcome: result });
        if (outcome.kind === 'error' && outcome.error.failure === 'rate_limited') {
          nextFree.set(name, at + (outcome.error.retryAfterMs ?? 1000));
        }
      }
    }
  }
  return report;
}

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
      { idempotencyKey: item.key, recovered: wasAmbiguous(item), queuedAt: item.createdAt },
    );
    return { kind: 'sent', messageId };
  } catch (e) {
    // Anything but a DeliveryError is unexpected: the message may have gone out.
    return { kind: 'error', error: e instanceof DeliveryError ? e : new DeliveryError('transient', (e as Error)?.message ?? String(e), undefined, true) };
  }
}

/**
 * Puts claimed items back as pending and due now (shutdown). `inFlight` is the one whose send was
 * cut short: it may have reached the platform, so it is marked ambiguous.
 */
async function giveBack(deps: Pick<AppDeps, 'store' | 'logger'>, items: readonly OutboxItem[], at: number, inFlight: string | undefined): Promise<void> {
  for (const item of items) {
    const ambiguous = wasAmbiguous(item) || item.id === inFlight ? { ambiguous: true } : {};
    await deps.store.outbox.put({ ...unclaimed(item), ...ambiguous, state: 'pending', nextAttemptAt: iso(at) });
  }
  deps.logger.info({ released: items.length, inFlight }, 'dispatcher stopped: claimed items given back');
}
