import { AppError } from '../../src/domain/errors.js';
import { COLLECTION_NAMES } from '../../src/domain/records.js';
import type { Store } from '../../src/ports/store.js';

export type FlakyMode = 'up' | 'down' | 'hang';

/**
 * A Store test double that delegates to a real store and can be switched, at any moment, to
 * throw UNAVAILABLE on every call (`down`) or to never answer (`hang`), and back (`up`).
 * `close` always goes through, so a test can clean up whatever the mode.
 */
export class FlakyStore {
  mode: FlakyMode = 'up';
  /** Calls that were left hanging; released (as UNAVAILABLE) by `release()`. */
  private readonly hung: (() => void)[] = [];
  readonly store: Store;

  constructor(private readonly inner: Store) {
    const wrap = <T extends object>(target: T, skip: ReadonlySet<string>): T =>
      new Proxy(target, {
        get: (obj, prop, receiver) => {
          const value = Reflect.get(obj, prop, receiver) as unknown;
          if (typeof prop !== 'string' || typeof value !== 'function' || skip.has(prop)) return value;
          return (...args: unknown[]) => this.call(() => (value as (...a: unknown[]) => Promise<unknown>).apply(obj, args));
        },
      });
    const collections = Object.fromEntries(COLLECTION_NAMES.map((c) => [c, wrap(inner[c], new Set())]));
    const top = wrap(inner, new Set(['close']));
    this.store = new Proxy(top, {
      get: (obj, prop, receiver) => (typeof prop === 'string' && prop in collections ? collections[prop] : Reflect.get(obj, prop, receiver)) as unknown,
    });
  }

  private call<T>(fn: () => Promise<T>): Promise<T> {
    if (this.mode === 'down') return Promise.reject(new AppError('UNAVAILABLE', 'flaky store: down'));
    if (this.mode === 'hang') return new Promise<T>((_, reject) => this.hung.push(() => reject(new AppError('UNAVAILABLE', 'flaky store: released'))));
    return fn();
  }

  /** Fails the calls left hanging (so nothing stays pending after a test). */
  release(): void {
    for (const r of this.hung.splice(0)) r();
  }
}
