import { AppError } from '../../domain/errors.js';
import { COLLECTION_NAMES, type CollectionName } from '../../domain/records.js';
import type { Collection, Store } from '../../ports/store.js';

export interface DeadlineOptions {
  /** The most a point call (a read, a write, a lease, a ping) may take before it fails with UNAVAILABLE. */
  callMs: number;
  /** The most a bulk call (insertMany, periodActuals) may take: imports and reports legitimately run longer. */
  bulkMs: number;
}

const BULK = new Set(['insertMany', 'periodActuals']);

/**
 * Runs a store call under a deadline: a database that hangs (a lost network, a stuck primary)
 * answers UNAVAILABLE in time for the platform's 3-second ack instead of never. The call itself
 * may still complete afterwards; writes carry request ids, so a retry stores nothing twice.
 */
export function withDeadline<T>(call: () => Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError('UNAVAILABLE', `the store did not answer ${what} within ${ms} ms; nothing was saved`, { params: { what, ms } })), ms);
  });
  const running = Promise.resolve().then(call);
  running.catch(() => undefined); // a late failure after the deadline is not an unhandled rejection
  return Promise.race([running, deadline]).finally(() => clearTimeout(timer));
}

function wrapObject<T extends object>(target: T, prefix: string, opts: DeadlineOptions, skip: ReadonlySet<string> = new Set()): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver) as unknown;
      if (typeof prop !== 'string' || typeof value !== 'function' || skip.has(prop)) return value;
      const ms = BULK.has(prop) ? opts.bulkMs : opts.callMs;
      return (...args: unknown[]) => withDeadline(() => (value as (...a: unknown[]) => Promise<unknown>).apply(obj, args), ms, `${prefix}${prop}`);
    },
  });
}

/**
 * The store with a deadline on every call (close excepted). The bot's composition root wraps its
 * store with this; scripts (seeding, reports, benchmarks) use the store as it is.
 */
export function deadlineStore(store: Store, opts: DeadlineOptions): Store {
  const collections = Object.fromEntries(
    COLLECTION_NAMES.map((c) => [c, wrapObject(store[c] as Collection<CollectionName>, `${c}.`, opts)]),
  ) as unknown as Pick<Store, CollectionName>;
  const top = wrapObject(store, '', opts, new Set(['close', ...COLLECTION_NAMES]));
  return new Proxy(top, {
    get(obj, prop, receiver) {
      if (typeof prop === 'string' && prop in collections) return collections[prop as CollectionName];
      return Reflect.get(obj, prop, receiver) as unknown;
    },
  });
}
