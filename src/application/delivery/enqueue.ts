import { createHash } from 'node:crypto';
import { isJsonData, type DeliveryTarget, type JSONType, type OutboxItem, type PlatformName } from '../../domain/model/delivery.js';
import type { OutgoingMessage } from '../../ports/chat.js';
import type { AppDeps } from '../deps.js';

export interface Delivery {
  job: string;
  /** The run this message belongs to (a date, a week, a period): with job and recipient, its idempotency key. */
  runKey: string;
  platform: PlatformName;
  target: DeliveryTarget;
  message: OutgoingMessage;
  /** Earliest send time (UTC ISO); now when omitted. */
  notBefore?: string;
}

export const deliveryKey = (d: Pick<Delivery, 'job' | 'runKey' | 'target'>): string =>
  `${d.job}:${d.runKey}:${d.target.kind === 'dm' ? d.target.identity : d.target.channel}`;

/** An outbox item's id: a digest of its key. */
export const outboxId = (key: string): string => createHash('sha256').update(key).digest('hex').slice(0, 40);

/**
 * A view or chart as plain JSON data. Ours are that already, and are stored as they are: copying
 * each through JSON was ~10 % of queuing a 5,000-rep round (issue 16). One holding something JSON
 * would change (an undefined field, a date) is copied through JSON, as every one used to be.
 */
const plain = (value: object): JSONType => (isJsonData(value) ? (value as JSONType) : (JSON.parse(JSON.stringify(value)) as JSONType));

/**
 * Writes messages to the outbox. A message whose key (job, run, recipient) is already there is
 * skipped, so running a job twice — a rerun, a second replica, a restart — queues nothing twice.
 */
export async function enqueue(deps: Pick<AppDeps, 'store' | 'clock'>, deliveries: readonly Delivery[]): Promise<{ queued: number; skipped: number }> {
  const now = deps.clock.now().toISOString();
  const keys = deliveries.map(deliveryKey);
  // Each key's digest once: they are looked up, then become the ids of the new items.
  const ids = keys.map(outboxId);
  const existing = new Set((await deps.store.outbox.find({ id: { in: ids } })).map((o) => o.id));
  const fresh = new Map<string, OutboxItem>();
  deliveries.forEach((d, i) => {
    const key = keys[i]!;
    const id = ids[i]!;
    if (existing.has(id) || fresh.has(id)) return;
    fresh.set(id, {
      id,
      key,
      job: d.job,
      runKey: d.runKey,
      platform: d.platform,
      target: d.target,
      // The chart goes in as its spec (data), never as image bytes: it is rendered at send time.
      message: {
        text: d.message.text,
        ...(d.message.view ? { view: plain(d.message.view) } : {}),
        ...(d.message.chart ? { chart: plain(d.message.chart) } : {}),
      },
      state: 'pending',
      attempts: 0,
      notBefore: d.notBefore ?? now,
      nextAttemptAt: d.notBefore ?? now,
      createdAt: now,
    });
  });
  const queued = await deps.store.outbox.insertMany([...fresh.values()]);
  return { queued, skipped: deliveries.length - queued };
}
