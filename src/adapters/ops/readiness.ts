import type { Store } from '../../ports/store.js';
import { withDeadline } from './deadline-store.js';

export interface Readiness {
  ready: boolean;
  /** Each check: 'ok', or why it is not ready. */
  checks: Record<string, string>;
}

export interface ReadinessOptions {
  /** Its writability probe: a store that answers reads but cannot commit a write is not ready. */
  store: Pick<Store, 'checkWritable'>;
  /** Each started platform's connection state (`slack`, `lark`). */
  platforms: Readonly<Record<string, () => boolean>>;
  /** How long the store may take to answer the ping. */
  timeoutMs: number;
  /** True once a shutdown has begun: a replica that is stopping takes no new traffic. */
  stopping?: () => boolean;
}

/**
 * Whether this replica can serve: the store proves in time that a write can commit (a ping would
 * pass on a full disk, a read-only or damaged file, or a lock held by another process, while every
 * submission failed), and every platform is connected.
 */
export function readinessCheck(opts: ReadinessOptions): () => Promise<Readiness> {
  return async () => {
    const checks: Record<string, string> = {};
    try {
      await withDeadline(() => opts.store.checkWritable(), opts.timeoutMs, 'ping');
      checks.store = 'ok';
    } catch (e) {
      checks.store = `unreachable: ${(e as Error)?.message ?? String(e)}`;
    }
    for (const [name, connected] of Object.entries(opts.platforms)) checks[name] = connected() ? 'ok' : 'not connected';
    if (opts.stopping?.()) checks.shutdown = 'shutting down';
    return { ready: Object.values(checks).every((c) => c === 'ok'), checks };
  };
}
