import { AppError } from '../../domain/errors.js';
import type { Appeal } from '../../domain/model/cycle.js';
import type { AppDeps } from '../deps.js';
import { keyedLock } from '../keyed-lock.js';

/**
 * Appeals have short numbers (#12) that people can say and type instead of an id: one sequence per
 * store, which is one company. Numbers are handed out under a lock in this process; two replicas
 * filing at the same instant could pick the same number (the store has no unique key on it), in
 * which case `appealByRef` refuses the ambiguous number and the UUID still works.
 */
const numbering = keyedLock();

/** Runs `insert` with the next free number, serialised so two appeals filed at once get two numbers. */
export function withNextAppealNumber<T>(deps: Pick<AppDeps, 'store'>, insert: (number: number) => Promise<T>): Promise<T> {
  return numbering('appeal-number', async () => {
    const all = await deps.store.appeals.find();
    const highest = all.reduce((max, a) => Math.max(max, a.number ?? 0), 0);
    return insert(highest + 1);
  });
}

/** How an appeal is shown: `#12`, or its id when it predates numbers. */
export const appealLabel = (a: Pick<Appeal, 'id' | 'number'>): string => (a.number ? `#${a.number}` : a.id);

/** The appeal a typed reference names: `12`, `#12`, or the id itself (older messages show ids). */
export async function appealByRef(deps: Pick<AppDeps, 'store'>, ref: string): Promise<Appeal | null> {
  const m = /^[#＃]?(\d{1,9})$/.exec(ref.trim());
  if (!m) return deps.store.appeals.get(ref.trim());
  const n = Number(m[1]);
  const found = (await deps.store.appeals.find()).filter((a) => a.number === n);
  if (found.length > 1) throw new AppError('CONFLICT', `appeal number ${n} is ambiguous`, { params: { messageId: 'fairness.appeal.ambiguous', number: n } });
  return found[0] ?? null;
}
