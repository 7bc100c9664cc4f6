/**
 * Serialises work per key inside this process (e.g. payments on one deal, so two submissions at
 * once cannot both pass the "not more than is due" check). Across several replicas the store's
 * own guarantees apply; see the note in log-payment.ts.
 */
export function keyedLock(): <T>(key: string, fn: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<unknown>>();
  return async (key, fn) => {
    const prev = tails.get(key) ?? Promise.resolve();
    const run = prev.then(fn, fn);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    try {
      return await run;
    } finally {
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}
