import { AppError } from '../../domain/errors.js';
import type { LocalDate } from '../../domain/dates.js';
import type { Deal, Payment } from '../../domain/model/entries.js';
import type { Person } from '../../domain/model/people.js';
import type { OpenDeal } from '../../domain/read-models/entries.js';
import type { PaymentLogged } from '../../domain/read-models/entry-logged.js';
import type { AppDeps } from '../deps.js';
import { assertDateOpen, requireRole, today, unknownRef, type EntryOptions } from '../guards.js';
import { parseInput } from '../validate.js';
import { PaymentInput } from './inputs.js';
import { keyedLock } from '../keyed-lock.js';

/**
 * Payments on one deal are checked and stored one at a time in this process. With several
 * replicas on MongoDB two simultaneous payments on the same deal could still both pass the check;
 * that needs a conditional update in the store (a paid-so-far counter on the deal), not done yet.
 * Editing a payment (edit-entry.ts) takes the same lock.
 */
export const perDeal = keyedLock();

/** Money rounded to cents. */
export const round2 = (x: number): number => Math.round(x * 100) / 100;

/** The rep's deals with an amount still due (for the `/payment` form's choice). */
export async function openDeals(deps: Pick<AppDeps, 'store'>, repId: string): Promise<OpenDeal[]> {
  const deals = await deps.store.deals.find({ repId }, { sort: { field: 'signedDate', dir: 'desc' }, limit: 500 });
  const balances = await deps.store.dealBalances(deals.map((d) => d.id));
  return deals
    .map((d) => {
      const paidShare = (balances.get(d.id)?.paidBase ?? 0) / d.amountBase;
      return { dealId: d.id, accountId: d.accountId, product: d.product, signedDate: d.signedDate, currency: d.currency, amount: d.amount, outstanding: round2(d.amount * (1 - paidShare)) };
    })
    .filter((d) => d.outstanding > 0.005);
}

/** What is still due on a deal, in the deal's currency, after `paidBase` (base currency) was paid. */
export const outstandingOn = (deal: Deal, paidBase: number): number => round2((deal.amountBase - paidBase) / (deal.amountBase / deal.amount));

/** A payment's received date, checked the same way for a new and an edited payment: open and not before signing. */
export async function receivedDateOf(deps: AppDeps, deal: Deal, date: LocalDate | undefined, opts: EntryOptions = {}): Promise<LocalDate> {
  const receivedDate = date ?? today(deps);
  await assertDateOpen(deps, receivedDate, 'receivedDate', opts);
  if (receivedDate < deal.signedDate) {
    throw new AppError('VALIDATION', 'received before the deal was signed', { issues: [{ path: 'receivedDate', message: 'must not be before the deal was signed' }] });
  }
  return receivedDate;
}

/**
 * A payment's stored fields (apart from who and the record's identity): the amount must not be more
 * than is still due, given `paidBase` paid so far without this payment. Call inside `perDeal`.
 */
export function paymentFields(deal: Deal, amount: number, receivedDate: LocalDate, paidBase: number): Omit<Payment, 'id' | 'repId' | 'requestId' | 'createdAt'> {
  const outstanding = outstandingOn(deal, paidBase);
  if (amount > outstanding + 0.005) {
    throw new AppError('VALIDATION', `payment ${amount} is more than the ${outstanding} still due`, {
      params: { messageId: 'error.overpaid', outstanding, currency: deal.currency },
      issues: [{ path: 'amount', message: `more than the ${outstanding} ${deal.currency} still due` }],
    });
  }
  return { dealId: deal.id, amount, amountBase: round2(amount * (deal.amountBase / deal.amount)), dueDate: deal.dueDate, receivedDate };
}

/** What has been received on a deal so far, in the base currency. */
export const paidOn = async (deps: Pick<AppDeps, 'store'>, dealId: string): Promise<number> =>
  (await deps.store.dealBalances([dealId])).get(dealId)?.paidBase ?? 0;

/** `/payment`: records money received on one of the rep's deals; more than is still due is refused. */
export async function logPayment(deps: AppDeps, actor: Person, raw: PaymentInput, opts: EntryOptions = {}): Promise<PaymentLogged> {
  requireRole(actor, ['rep', 'manager'], 'log payments');
  const input = parseInput(PaymentInput, raw);
  const deal = await deps.store.deals.get(input.dealId);
  if (!deal || deal.repId !== actor.id) throw unknownRef('dealId', 'deal', input.dealId);
  const receivedDate = await receivedDateOf(deps, deal, input.receivedDate, opts);
  return perDeal(deal.id, async () => {
    const [prior] = await deps.store.payments.find({ requestId: input.requestId }, { limit: 1 });
    const paidBase = await paidOn(deps, deal.id);
    if (prior) return { payment: prior, created: false, remaining: outstandingOn(deal, paidBase), currency: deal.currency };
    const fields = paymentFields(deal, input.amount, receivedDate, paidBase);
    const { record, created } = await deps.store.payments.insert({
      id: deps.newId(),
      repId: actor.id,
      ...fields,
      requestId: input.requestId,
      createdAt: deps.clock.now().toISOString(),
    });
    return { payment: record, created, remaining: round2(outstandingOn(deal, paidBase) - (created ? input.amount : 0)), currency: deal.currency };
  });
}
