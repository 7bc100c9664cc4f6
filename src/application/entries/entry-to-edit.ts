import type { Person } from '../../domain/model/people.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../validate.js';
import type { EntryToEdit } from '../../domain/read-models/entries.js';
import { outstandingOn, paidOn } from './log-payment.js';
import { assertEditable, EntryRef, ownEntry } from './own-entry.js';

/**
 * The entry an Edit button points at, refused exactly as the edit itself would be (someone else's
 * entry reads as unknown; a closed quarter is locked), so a form is never opened for nothing.
 */
export async function entryToEdit(deps: Pick<AppDeps, 'store' | 'clock' | 'settings'>, actor: Person, raw: unknown): Promise<EntryToEdit> {
  const entry = await ownEntry(deps, actor, parseInput(EntryRef, raw));
  await assertEditable(deps, entry);
  const accountOf = async (id: string) => ({ id, name: (await deps.store.accounts.get(id))?.name ?? id });
  switch (entry.kind) {
    case 'visit':
    case 'deal':
    case 'feedback':
      return { entry, account: await accountOf(entry.record.accountId), deal: null };
    case 'intel':
      return { entry, account: null, deal: null };
    case 'payment': {
      const deal = (await deps.store.deals.get(entry.record.dealId))!;
      const account = await accountOf(deal.accountId);
      const outstanding = outstandingOn(deal, (await paidOn(deps, deal.id)) - entry.record.amountBase);
      const { id: dealId, accountId, product, signedDate, currency, amount } = deal;
      return { entry, account, deal: { dealId, accountId, product, signedDate, currency, amount, outstanding, accountName: account.name } };
    }
  }
}
