import type { RecordOf } from '../../domain/records.js';
import type { Store } from '../../ports/store.js';
import { fromDocument } from './documents.js';
import { duplicateKey } from './errors.js';
import type { MongoModels } from './models.js';

/**
 * Leases and outbox claims on MongoDB, each made of single-document atomic updates, so several
 * replicas on one database never hold the same lease or claim the same delivery.
 */
export function mongoDelivery(models: MongoModels): Pick<Store, 'acquireLease' | 'releaseLease' | 'claimDeliveries'> {
  return {
    acquireLease: async ({ id, owner, expiresAt, now }) => {
      try {
        // Matches a free (expired) lease or our own; when someone else holds it the upsert tries
        // to insert the same _id and the unique _id index refuses: not ours.
        await models.leases.updateOne(
          { _id: id, $or: [{ expiresAt: { $lte: now } }, { owner }] },
          { $set: { owner, expiresAt, acquiredAt: now } },
          { upsert: true },
        );
        return true;
      } catch (e) {
        if (duplicateKey(e)) return false;
        throw e;
      }
    },
    releaseLease: async (id, owner) => {
      await models.leases.deleteOne({ _id: id, owner });
    },
    claimDeliveries: async ({ now, owner, claimUntil, limit, platform }) => {
      const claimed: RecordOf<'outbox'>[] = [];
      const due = {
        $or: [
          { state: 'pending', nextAttemptAt: { $lte: now }, notBefore: { $lte: now } },
          { state: 'sending', claimExpiresAt: { $lte: now } },
        ],
        ...(platform ? { platform } : {}),
      };
      for (let i = 0; i < limit; i++) {
        // One document per update: atomic, and two dispatchers never get the same one.
        const doc = await models.outbox
          .findOneAndUpdate(due, [
            {
              $set: {
                recovered: { $eq: ['$state', 'sending'] },
                state: 'sending',
                claimedBy: owner,
                claimExpiresAt: claimUntil,
              },
            },
          ], { sort: { nextAttemptAt: 1, _id: 1 }, returnDocument: 'after', updatePipeline: true })
          .lean<Record<string, unknown>>();
        if (!doc) break;
        const item = fromDocument<RecordOf<'outbox'> & { recovered?: boolean }>(doc);
        const { recovered, ...rest } = item;
        claimed.push(recovered ? { ...rest, recovered } : rest);
      }
      return claimed;
    },
  };
}
