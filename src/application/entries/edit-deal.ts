import { AppError } from '../../domain/errors.js';
import type { Deal } from '../../domain/model/entries.js';
import type { AppDeps } from '../deps.js';
import type { BatchWrite } from '../../ports/store.js';
import { parseInput } from '../validate.js';
import { EditInputs, type EditInput } from './inputs.js';
import { dealFields } from './log-deal.js';
import { perDeal, round2 } from './log-payment.js';
import { identityOf } from './own-entry.js';

const refuse = (path: string, messageId: string, message: string, params: Record<string, string | number> = {}): AppError =>
  new AppError('VALIDATION', message, { params: { messageId, ...params }, issues: [{ path, message }] });

/**
 * Replaces a deal's fields with the form's, by the rules of `/deal`, plus what its history requires:
 * - the account stays (changing it would move a new-customer win between accounts): delete and log again;
 * - the exchange rate stays as fixed when the deal was recorded, unless the currency changes;
 * - with payments, the currency stays, the amount covers what was received, and signing stays on or
 *   before the first payment; a new due date is copied onto the payments (collection counts by it);
 * - a first-win deal whose signed date moves takes the account's firstWonDate along.
 * The writes (deal, payments, account) are one batch: all of them, or none.
 */
export async function editDeal(deps: AppDeps, before: Deal, raw: EditInput<'deal'>): Promise<Deal> {
  const input = parseInput(EditInputs.deal, raw);
  if (!('accountId' in input.account) || input.account.accountId !== before.accountId) {
    throw refuse('account', 'error.dealAccountFixed', "a deal's account cannot be changed: delete the deal and log it again");
  }
  return perDeal(before.id, async () => {
    const fields = await dealFields(deps, { ...input, signedDate: input.signedDate ?? before.signedDate });
    if (fields.currency === before.currency) fields.amountBase = round2(fields.amount * (before.amountBase / before.amount));
    const payments = await deps.store.payments.find({ dealId: before.id });
    if (payments.length > 0) {
      if (fields.currency !== before.currency) {
        throw refuse('currency', 'error.dealCurrencyFixed', 'the deal has payments: its currency cannot change');
      }
      const received = round2(payments.reduce((s, p) => s + p.amount, 0));
      if (fields.amount < received - 0.005) {
        throw refuse('amount', 'error.dealBelowPaid', `must not be less than the ${received} ${before.currency} already received`, { received, currency: before.currency });
      }
      const firstPayment = payments.map((p) => p.receivedDate).sort()[0]!;
      if (fields.signedDate > firstPayment) {
        throw refuse('signedDate', 'error.dealSignedAfterPayment', `must not be after the first payment, received on ${firstPayment}`, { date: firstPayment });
      }
    }
    const after: Deal = { ...identityOf(before), accountId: before.accountId, ...fields, firstWin: before.firstWin };
    const writes: BatchWrite[] = [{ op: 'put', collection: 'deals', record: after }];
    if (after.dueDate !== before.dueDate) {
      for (const p of payments) writes.push({ op: 'put', collection: 'payments', record: { ...p, dueDate: after.dueDate } });
    }
    if (before.firstWin && after.signedDate !== before.signedDate) {
      const account = await deps.store.accounts.get(before.accountId);
      if (account && account.firstWonDate === before.signedDate && account.firstWonBy === before.repId) {
        writes.push({ op: 'put', collection: 'accounts', record: { ...account, firstWonDate: after.signedDate } });
      }
    }
    // The deal, its payments' due date and the account's first win change together, or not at all.
    const result = await deps.store.writeBatch(writes);
    return result.created ? (result.records[0] as Deal) : after;
  });
}
