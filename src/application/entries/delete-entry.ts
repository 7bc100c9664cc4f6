import { AppError } from '../../domain/errors.js';
import type { Person } from '../../domain/model/people.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../validate.js';
import { firstWinWrites, type FirstWinMoved } from './first-win.js';
import { perDeal } from './log-payment.js';
import { ENTRY_COLLECTION, type AnyEntry, type EntryKind } from '../../domain/model/entry-kinds.js';
import { assertEditable, auditWrite, EntryRef, ownEntry } from './own-entry.js';

export interface EntryDeleted {
  kind: EntryKind;
  id: string;
  /** Set when a deleted deal was its account's first win. */
  firstWin: FirstWinMoved | null;
}

/**
 * Deletes one of the actor's own entries while its quarter is open. A deal with payments is refused
 * (its payments go first); a deal that won its account hands the first win on (first-win.ts). The
 * deleted record is kept in the audit log.
 */
export async function deleteEntry(deps: AppDeps, actor: Person, raw: EntryRef): Promise<EntryDeleted> {
  const ref = parseInput(EntryRef, raw);
  const entry = await ownEntry(deps, actor, ref);
  await assertEditable(deps, entry);
  const run = async (): Promise<EntryDeleted> => {
    if (entry.kind === 'deal') await assertNoPayments(deps, entry.record.id);
    const { moved: firstWin, writes } = entry.kind === 'deal' ? await firstWinWrites(deps, entry.record) : { moved: null, writes: [] };
    // The deletion, the first win handed on and the audit record: one batch, all or nothing.
    await deps.store.writeBatch([
      { op: 'delete', collection: ENTRY_COLLECTION[entry.kind], id: entry.record.id },
      ...writes,
      auditWrite(deps, actor, 'entry.delete', entry, { record: entry.record, ...(firstWin ? { firstWin } : {}) }),
    ]);
    return { kind: entry.kind, id: entry.record.id, firstWin };
  };
  // Under the deal's lock, so a payment being logged at the same moment cannot slip in between.
  const dealId = dealOf(entry);
  return dealId ? perDeal(dealId, run) : run();
}

const dealOf = (entry: AnyEntry): string | null =>
  entry.kind === 'deal' ? entry.record.id : entry.kind === 'payment' ? entry.record.dealId : null;

async function assertNoPayments(deps: Pick<AppDeps, 'store'>, dealId: string): Promise<void> {
  const count = await deps.store.payments.count({ dealId });
  if (count === 0) return;
  throw new AppError('CONFLICT', `deal ${dealId} has ${count} payment(s): delete its payments first`, {
    params: { messageId: 'error.dealHasPayments', count },
  });
}
