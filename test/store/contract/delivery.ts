import { describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../../src/domain/model/delivery.js';
import type { Store } from '../../../src/ports/store.js';

/** Leases and outbox claims: the primitives that make scheduled posts go out exactly once. */

const T = (minute: number): string => new Date(Date.UTC(2026, 10, 27, 1, minute)).toISOString();

export function outboxItem(id: string, over: Partial<OutboxItem> = {}): OutboxItem {
  return {
    id,
    key: `nudge:2026-W48:${id}`,
    job: 'nudge',
    runKey: '2026-W48',
    platform: 'slack',
    target: { kind: 'dm', identity: 'slack:UANN' },
    message: { text: `hello ${id}` },
    state: 'pending',
    attempts: 0,
    notBefore: T(0),
    nextAttemptAt: T(0),
    createdAt: T(0),
    ...over,
  };
}

export function deliveryContract(store: () => Store): void {
  describe('leases', () => {
    it('gives a free lease to the first asker only, until it expires', async () => {
      const s = store();
      expect(await s.acquireLease({ id: 'job:nudge:2026-W48', owner: 'replica-a', expiresAt: T(10), now: T(0) })).toBe(true);
      expect(await s.acquireLease({ id: 'job:nudge:2026-W48', owner: 'replica-b', expiresAt: T(10), now: T(5) })).toBe(false);
      // The holder renews it.
      expect(await s.acquireLease({ id: 'job:nudge:2026-W48', owner: 'replica-a', expiresAt: T(20), now: T(9) })).toBe(true);
      expect(await s.acquireLease({ id: 'job:nudge:2026-W48', owner: 'replica-b', expiresAt: T(30), now: T(15) })).toBe(false);
      // Expired: the next asker takes it over.
      expect(await s.acquireLease({ id: 'job:nudge:2026-W48', owner: 'replica-b', expiresAt: T(30), now: T(20) })).toBe(true);
      expect((await s.leases.get('job:nudge:2026-W48'))!).toMatchObject({ owner: 'replica-b', expiresAt: T(30) });
    });

    it('of several replicas asking at once, exactly one gets the lease', async () => {
      const s = store();
      const results = await Promise.all(['a', 'b', 'c', 'd'].map((o) => s.acquireLease({ id: 'job:x', owner: o, expiresAt: T(10), now: T(0) })));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('lets only the owner release a lease', async () => {
      const s = store();
      await s.acquireLease({ id: 'job:y', owner: 'a', expiresAt: T(10), now: T(0) });
      await s.releaseLease('job:y', 'b');
      expect(await s.acquireLease({ id: 'job:y', owner: 'b', expiresAt: T(10), now: T(1) })).toBe(false);
      await s.releaseLease('job:y', 'a');
      expect(await s.acquireLease({ id: 'job:y', owner: 'b', expiresAt: T(10), now: T(1) })).toBe(true);
    });
  });

  describe('outbox claims', () => {
    it('stores one item per idempotency key', async () => {
      const s = store();
      await s.outbox.insert(outboxItem('o1'));
      await expect(s.outbox.insert(outboxItem('o2', { key: 'nudge:2026-W48:o1' }))).rejects.toMatchObject({ code: 'CONFLICT' });
      expect(await s.outbox.count()).toBe(1);
    });

    it('claims due pending items oldest first, up to the limit, and marks them sending', async () => {
      const s = store();
      await s.outbox.insertMany([
        outboxItem('o1', { nextAttemptAt: T(2) }),
        outboxItem('o2', { nextAttemptAt: T(1) }),
        outboxItem('o3', { nextAttemptAt: T(9) }), // not due yet
        outboxItem('o4', { notBefore: T(9) }), // waits for the recipient's morning
        outboxItem('o5', { state: 'sent', sentAt: T(0) }),
        outboxItem('o6', { platform: 'lark', target: { kind: 'dm', identity: 'lark:ou_abc1' } }),
      ]);
      const claimed = await s.claimDeliveries({ now: T(5), owner: 'd1', claimUntil: T(6), limit: 2, platform: 'slack' });
      expect(claimed.map((c) => c.id)).toEqual(['o2', 'o1']);
      expect(claimed[0]).toMatchObject({ state: 'sending', claimedBy: 'd1', claimExpiresAt: T(6) });
      expect(claimed[0]!.recovered).toBeUndefined();
      expect((await s.claimDeliveries({ now: T(5), owner: 'd1', claimUntil: T(6), limit: 10, platform: 'slack' })).map((c) => c.id)).toEqual([]);
      expect((await s.claimDeliveries({ now: T(5), owner: 'd1', claimUntil: T(6), limit: 10 })).map((c) => c.id)).toEqual(['o6']);
      expect((await s.outbox.get('o1'))!.state).toBe('sending');
    });

    it('never hands the same item to two dispatchers', async () => {
      const s = store();
      await s.outbox.insertMany(Array.from({ length: 20 }, (_, i) => outboxItem(`o${String(i).padStart(2, '0')}`)));
      const batches = await Promise.all(['a', 'b', 'c'].map((owner) => s.claimDeliveries({ now: T(5), owner, claimUntil: T(6), limit: 10 })));
      const ids = batches.flat().map((c) => c.id);
      expect(ids).toHaveLength(20);
      expect(new Set(ids).size).toBe(20);
    });

    it('reclaims an item whose claim expired, marked recovered', async () => {
      const s = store();
      await s.outbox.insert(outboxItem('o1'));
      await s.claimDeliveries({ now: T(1), owner: 'dead', claimUntil: T(3), limit: 5 });
      expect(await s.claimDeliveries({ now: T(2), owner: 'alive', claimUntil: T(4), limit: 5 })).toEqual([]);
      const [again] = await s.claimDeliveries({ now: T(3), owner: 'alive', claimUntil: T(5), limit: 5 });
      expect(again).toMatchObject({ id: 'o1', claimedBy: 'alive', recovered: true });
    });
  });
}
