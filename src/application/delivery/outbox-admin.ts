import { AppError } from '../../domain/errors.js';
import type { OutboxItem } from '../../domain/model/delivery.js';
import type { AppDeps } from '../deps.js';
import { outboxId } from './enqueue.js';

/**
 * The operator's view of the outbox (`npm run jobs -- outbox`): what is waiting or was given up,
 * and a way to send it again once the platform is back or the cause is fixed.
 */
export interface OutboxRow {
  key: string;
  job: string;
  target: string;
  state: OutboxItem['state'];
  attempts: number;
  /** Milliseconds since the message was queued. */
  ageMs: number;
  nextAttemptAt: string;
  lastError?: string;
  /** An earlier attempt may have gone out: the next one checks first. */
  ambiguous: boolean;
}

const targetOf = (o: OutboxItem): string => (o.target.kind === 'dm' ? o.target.identity : o.target.channel);

/** Items not sent (pending, being sent, failed), by job then age, oldest first. */
export async function listUnsent(deps: Pick<AppDeps, 'store' | 'clock'>): Promise<OutboxRow[]> {
  const now = deps.clock.now().getTime();
  const items = (await Promise.all((['pending', 'sending', 'failed'] as const).map((state) => deps.store.outbox.find({ state })))).flat();
  return items
    .map((o) => ({
      key: o.key,
      job: o.job,
      target: targetOf(o),
      state: o.state,
      attempts: o.attempts,
      ageMs: now - Date.parse(o.createdAt),
      nextAttemptAt: o.nextAttemptAt,
      ...(o.lastError ? { lastError: o.lastError } : {}),
      ambiguous: o.ambiguous === true,
    }))
    .sort((a, b) => a.job.localeCompare(b.job) || b.ageMs - a.ageMs || a.key.localeCompare(b.key));
}

/**
 * Makes items due again now with a fresh count of attempts: one by key, or every failed one. A
 * message already sent, or being sent right now, is refused with the reason. An item that may have
 * gone out earlier stays marked so, and is checked for before it is sent.
 */
export async function resend(deps: Pick<AppDeps, 'store' | 'clock'>, which: { key: string } | { allFailed: true }): Promise<OutboxItem[]> {
  const now = deps.clock.now().toISOString();
  let items: OutboxItem[];
  if ('key' in which) {
    const item = await deps.store.outbox.get(outboxId(which.key));
    if (!item) throw new AppError('NOT_FOUND', `no outbox item with the key "${which.key}"; \`npm run jobs -- outbox\` lists them`);
    if (item.state === 'sent') throw new AppError('VALIDATION', `"${which.key}" was already sent at ${item.sentAt ?? '?'}; resending it would post it twice`);
    if (item.state === 'sending' && (item.claimExpiresAt ?? '') > now) throw new AppError('VALIDATION', `"${which.key}" is being sent right now (by ${item.claimedBy ?? '?'}); try again after ${item.claimExpiresAt}`);
    items = [item];
  } else {
    items = await deps.store.outbox.find({ state: 'failed' });
  }
  const out: OutboxItem[] = [];
  for (const item of items) {
    // A claim that expired mid-send (state still `sending`) may have sent it: check first.
    const { claimedBy: _c, claimExpiresAt: _e, recovered, ...base } = item;
    out.push(await deps.store.outbox.put({ ...base, ...(recovered || item.state === 'sending' ? { ambiguous: true } : {}), state: 'pending', attempts: 0, nextAttemptAt: now }));
  }
  return out;
}
