import type { Deal } from '../../domain/model/entries.js';
import type { AppDeps } from '../deps.js';

export interface FirstWinMoved {
  accountId: string;
  /** The deal that now counts as the account's first win; null when the account has no deal left. */
  movedTo: string | null;
}

/**
 * After the deal that won an account was deleted: the earliest remaining deal of the account (by
 * signed date, then by when it was recorded) becomes the first win, whoever's it is; with no deal
 * left the account is no longer won. The account's firstWonDate/firstWonBy are only rewritten when
 * they came from the deleted deal (or are unset), so a first win recorded another way (an import)
 * stays as it was.
 */
export async function moveFirstWin(deps: Pick<AppDeps, 'store'>, deleted: Deal): Promise<FirstWinMoved | null> {
  if (!deleted.firstWin) return null;
  const remaining = await deps.store.deals.find({ accountId: deleted.accountId });
  const [earliest] = remaining.sort((a, b) => a.signedDate.localeCompare(b.signedDate) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  if (earliest && !earliest.firstWin) await deps.store.deals.put({ ...earliest, firstWin: true });

  const account = await deps.store.accounts.get(deleted.accountId);
  const fromDeleted = !account?.firstWonDate || (account.firstWonDate === deleted.signedDate && account.firstWonBy === deleted.repId);
  if (account && fromDeleted) {
    const { firstWonDate: _date, firstWonBy: _by, ...rest } = account;
    await deps.store.accounts.put(earliest ? { ...rest, firstWonDate: earliest.signedDate, firstWonBy: earliest.repId } : rest);
  }
  return { accountId: deleted.accountId, movedTo: earliest?.id ?? null };
}
