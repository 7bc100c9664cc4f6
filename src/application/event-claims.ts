import { isAppError } from '../domain/errors.js';
import type { ProcessedEvent } from '../domain/model/settings.js';
import type { AppDeps } from './deps.js';

/**
 * Platforms redeliver an event they think was not handled (Slack after a timeout, Lark after 3
 * seconds without an answer). Each event id is claimed in the store before it is handled, so
 * replicas behind one database agree: a redelivery while the first is being handled is dropped, one
 * after it was handled is dropped, and one after the handler died (its claim expired, or it failed
 * and gave the claim back) is handled. Marking the event only once handled is what keeps a crash
 * mid-handling from losing the platform's retry.
 */
export const EVENT_CLAIM_MS = 60_000;

type Deps = Pick<AppDeps, 'store' | 'clock'>;

/** True when this caller should handle the event (first delivery, or the earlier handler died). */
export async function claimEvent(deps: Deps, id: string, claimMs = EVENT_CLAIM_MS): Promise<boolean> {
  const now = deps.clock.now();
  const claim = { id, receivedAt: now.toISOString(), state: 'handling' as const, claimExpiresAt: new Date(now.getTime() + claimMs).toISOString() };
  try {
    await deps.store.processedEvents.insert(claim);
    return true;
  } catch (e) {
    if (!(isAppError(e) && e.code === 'CONFLICT')) throw e;
  }
  const seen = await deps.store.processedEvents.get(id);
  if (!seen) return claimEvent(deps, id, claimMs); // given back in between: try again
  if (seen.state !== 'handling' || (seen.claimExpiresAt ?? '') > claim.receivedAt) return false;
  await deps.store.processedEvents.put(claim);
  return true;
}

/** The event was handled: later redeliveries are dropped (and given `answer`, when one is kept). */
export async function finishEvent(deps: Deps, id: string, answer?: ProcessedEvent['answer']): Promise<void> {
  const seen = await deps.store.processedEvents.get(id);
  await deps.store.processedEvents.put({ id, receivedAt: seen?.receivedAt ?? deps.clock.now().toISOString(), state: 'done', ...(answer !== undefined ? { answer } : {}) });
}

/** Handling failed: a redelivery is handled again. */
export async function releaseEvent(deps: Deps, id: string): Promise<void> {
  await deps.store.processedEvents.delete(id);
}
