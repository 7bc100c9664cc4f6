import type { OutboxItem } from '../../domain/model/delivery.js';
import type { DeliveryError } from '../../ports/chat.js';
import type { AppDeps } from '../deps.js';

export type Outcome = { kind: 'sent'; messageId: string } | { kind: 'error'; error: DeliveryError };

export interface DispatchReport {
  sent: number;
  rateLimited: number;
  retried: number;
  failed: number;
}

export interface GiveUpPolicy {
  /** Failed attempts (not rate limits) before an item may be given up. */
  maxAttempts: number;
  /**
   * And how long a transient failure is retried (from the item's `notBefore`) before it is given
   * up: a platform-wide outage fails every send at once, and a scorecard that waited out a
   * two-hour Slack outage should still arrive. Permanent failures are given up at once.
   */
  giveUpAfterMs: number;
}

const iso = (ms: number): string => new Date(ms).toISOString();
/** Back-off after each failed attempt; the last step repeats (hourly) until the give-up window ends. */
const BACKOFF_MS = [30_000, 60_000, 120_000, 300_000, 600_000, 1_800_000, 3_600_000];

/** The item as stored, without its claim: what goes back to the outbox after an attempt. */
export function unclaimed(item: OutboxItem): Omit<OutboxItem, 'claimedBy' | 'claimExpiresAt' | 'recovered'> {
  const { claimedBy: _c, claimExpiresAt: _e, recovered: _r, ...base } = item;
  return base;
}

/** Whether this attempt was made with the platform maybe already having the message. */
export const wasAmbiguous = (item: OutboxItem): boolean => item.ambiguous === true || item.recovered === true;

/**
 * Records one attempt's outcome. Sent: done. A 429: pending again after the wait the platform
 * asked for, not counted as a failure. A permanent failure, or a transient one past the give-up
 * policy: failed (an operator can resend it: `npm run jobs -- outbox resend`). Otherwise pending
 * with back-off. An attempt that may have reached the platform leaves the item `ambiguous`, so
 * the next attempt checks before sending; the flag stays until the item is sent.
 */
export async function recordOutcome(deps: Pick<AppDeps, 'store' | 'logger'>, item: OutboxItem, outcome: Outcome, at: number, policy: GiveUpPolicy, report: DispatchReport): Promise<'sent' | 'rate_limited' | 'retried' | 'failed'> {
  const { ambiguous: _a, ...base } = unclaimed(item);
  if (outcome.kind === 'sent') {
    report.sent++;
    await deps.store.outbox.put({ ...base, state: 'sent', attempts: item.attempts + 1, sentAt: iso(at), platformMessageId: outcome.messageId });
    return 'sent';
  }
  const { error } = outcome;
  const ambiguous = wasAmbiguous(item) || error.ambiguous ? { ambiguous: true } : {};
  const lastError = error.message.slice(0, 2000);
  if (error.failure === 'rate_limited') {
    report.rateLimited++;
    await deps.store.outbox.put({ ...base, ...ambiguous, state: 'pending', nextAttemptAt: iso(at + (error.retryAfterMs ?? 1000)), lastError });
    return 'rate_limited';
  }
  const attempts = item.attempts + 1;
  const retryingFor = at - Date.parse(item.notBefore);
  if (error.failure === 'permanent' || (attempts >= policy.maxAttempts && retryingFor >= policy.giveUpAfterMs)) {
    report.failed++;
    deps.logger.error({ key: item.key, attempts, failure: error.failure, err: error.message }, 'delivery given up');
    await deps.store.outbox.put({ ...base, ...ambiguous, state: 'failed', attempts, lastError });
    return 'failed';
  }
  report.retried++;
  const backoff = BACKOFF_MS[Math.min(attempts - 1, BACKOFF_MS.length - 1)]!;
  deps.logger.warn({ key: item.key, attempts, err: error.message, ambiguous: ambiguous.ambiguous === true }, 'delivery failed; will retry');
  await deps.store.outbox.put({ ...base, ...ambiguous, state: 'pending', attempts, nextAttemptAt: iso(at + backoff), lastError });
  return 'retried';
}
