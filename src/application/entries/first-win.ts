import type { Deal } from '../../domain/model/entries.js';
import type { AppDeps } from '../deps.js';
import type { BatchWrite } from '../../ports/store.js';

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
 * stays as it was. Returns the writes that do so, to store in the same batch as the deletion (the
 * deal may still be stored: it is left out of the remaining ones).
 */
export async function firstWinWrites(deps: Pick<AppDeps, 'store'>, deleted: Deal): Promise<{ moved: FirstWinMoved | null; writes: BatchWrite[] }> {
  if (!deleted.firstWin) return { moved: null, writes: [] };
  const writes: BatchWrite[] = [];
  const remaining = (await deps.store.deals.find({ accountId: deleted.accountId })).filter((d) => d.id !== deleted.id);
  const [earliest] = remaining.sort((a, b) => a.signedDate.localeCompare(b.signedDate) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  if (earliest && !earliest.firstWin) writes.push({ op: 'put', collection: 'deals', record: { ...earliest, firstWin: true } });

  const account = await deps.store.accounts.get(deleted.accountId);
  const fromDeleted = !account?.firstWonDate || (account.firstWonDate === deleted.signedDate && account.firstWonBy === deleted.repId);
  if (account && fromDeleted) {
    const { firstWonDate: _date, firstWonBy: _by, ...rest } = account;
    writes.push({ op: 'put', collection: 'accounts', record: earliest ? { ...rest, firstWonDate: earliest.signedDate, firstWonBy: earliest.repId } : rest });
  }
  return { moved: { accountId: deleted.accountId, movedTo: earliest?.id ?? null }, writes };
}
