import type Database from 'better-sqlite3';
import type { RecordOf } from '../../domain/records.js';
import type { Store } from '../../ports/store.js';

/**
 * Leases and outbox claims on SQLite: each is one statement, so it is atomic against other
 * connections to the same file (SQLite serialises writers).
 */
export function prepareDelivery(db: Database.Database): Pick<Store, 'acquireLease' | 'releaseLease' | 'claimDeliveries'> {
  const lease = db.prepare(
    `INSERT INTO leases (id, doc) VALUES (@id, @doc)
     ON CONFLICT(id) DO UPDATE SET doc = excluded.doc
     WHERE leases.expires_at <= @now OR leases.owner = @owner`,
  );
  const release = db.prepare(`DELETE FROM leases WHERE id = ? AND owner = ?`);
  const claim = (platform: boolean) =>
    db.prepare(
      `UPDATE outbox SET doc = json_set(doc,
          '$.state', 'sending', '$.claimedBy', @owner, '$.claimExpiresAt', @claimUntil,
          '$.recovered', json(CASE WHEN state = 'sending' THEN 'true' ELSE 'false' END))
       WHERE id IN (
         SELECT id FROM outbox
         WHERE ((state = 'pending' AND next_attempt_at <= @now AND not_before <= @now)
             OR (state = 'sending' AND claim_expires_at <= @now))
           ${platform ? 'AND platform = @platform' : ''}
         ORDER BY next_attempt_at, id LIMIT @limit)
       RETURNING doc`,
    );
  const claims = { all: claim(false), platform: claim(true) };
  return {
    acquireLease: async ({ id, owner, expiresAt, now }) =>
      lease.run({ id, owner, now, doc: JSON.stringify({ id, owner, expiresAt, acquiredAt: now }) }).changes > 0,
    releaseLease: async (id, owner) => {
      release.run(id, owner);
    },
    claimDeliveries: async ({ now, owner, claimUntil, limit, platform }) => {
      const stmt = platform ? claims.platform : claims.all;
      const rows = stmt.all({ now, owner, claimUntil, limit, ...(platform ? { platform } : {}) }) as { doc: string }[];
      return rows
        .map((r) => JSON.parse(r.doc) as RecordOf<'outbox'>)
        .map(({ recovered, ...item }) => (recovered ? { ...item, recovered } : item))
        .sort((a, b) => a.nextAttemptAt.localeCompare(b.nextAttemptAt) || a.id.localeCompare(b.id));
    },
  };
}
