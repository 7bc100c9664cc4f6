import type { AppDeps } from '../../application/deps.js';
import { isAppError } from '../../domain/errors.js';

/**
 * Lark re-sends an event it got no answer to within 3 seconds, up to 4 times: each `event_id` is
 * handled once. The id is recorded in the store, so replicas behind one database agree.
 * https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/request-url-configuration-case
 */
export async function firstDelivery(deps: AppDeps, eventId: unknown): Promise<boolean> {
  if (typeof eventId !== 'string' || eventId === '') return true;
  try {
    await deps.store.processedEvents.insert({ id: `lark:${eventId}`.slice(0, 200), receivedAt: deps.clock.now().toISOString() });
    return true;
  } catch (e) {
    if (isAppError(e) && e.code === 'CONFLICT') return false;
    throw e;
  }
}
