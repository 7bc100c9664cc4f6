import type { AppDeps } from '../../application/deps.js';
import { claimEvent, finishEvent, releaseEvent } from '../../application/event-claims.js';

/**
 * Lark re-sends an event it got no answer to within 3 seconds, up to 4 times: each `event_id` is
 * handled once (application/event-claims.ts: claimed before handling, marked done after, so a
 * crash mid-handling does not swallow the retry).
 * https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/request-url-configuration-case
 */
const idOf = (eventId: string): string => `lark:${eventId}`.slice(0, 200);

/** True when this delivery of the event should be handled. */
export async function firstDelivery(deps: AppDeps, eventId: unknown): Promise<boolean> {
  if (typeof eventId !== 'string' || eventId === '') return true;
  return claimEvent(deps, idOf(eventId));
}

/** Runs the handling of a claimed event, then marks it done, or gives the claim back if it failed. */
export async function handleClaimed<T>(deps: AppDeps, eventId: unknown, work: () => Promise<T>): Promise<T> {
  if (typeof eventId !== 'string' || eventId === '') return work();
  try {
    const result = await work();
    await finishEvent(deps, idOf(eventId));
    return result;
  } catch (e) {
    await releaseEvent(deps, idOf(eventId)).catch(() => undefined);
    throw e;
  }
}
