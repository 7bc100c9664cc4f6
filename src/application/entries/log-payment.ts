import { AppError } from '../../domain/errors.js';
import type { Payment } from '../../domain/model/entries.js';
import type { Person } from '../../domain/model/people.js';
import type { AppDeps } from '../deps.js';
import { assertDateOpen, requireRole, today, unknownRef } from '../guards.js';
import { parseInput } from '../validate.js';
import { PaymentInput } from './inputs.js';
import { keyedLock } from '../keyed-lock.js';

/**
 * Payments on one deal are checked and stored one at a time in this process. With several
 * replicas on MongoDB two simultaneous payments on the same deal could still both pass the check;
 * that needs a conditional update in the store (a paid-so-far counter on the deal), not done yet.
 */
const perDeal = keyedLock();

export interface PaymentLogged {
  payment: Payment;
  created: boolean;
  /** What is still due on the deal after this payment, in the deal's currency. */
  remaining: number;
  currency: string;
}

export interface OpenDeal {
  dealId: string;
  accountId: string;
  product: string;
  signedDate: string;
  currency: string;
  amount: number;
  /** Still due, in the deal's currency. */
  outstanding: number;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

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

/** `/payment`: records money received on one of the rep's deals; more than is still due is refused. */
export async function logPayment(deps: AppDeps, actor: Person, raw: PaymentInput): Promise<PaymentLogged> {
  requireRole(actor, ['rep', 'manager'], 'log payments');
  const input = parseInput(PaymentInput, raw);
  const deal = await deps.store.deals.get(input.dealId);
  if (!deal || deal.repId !== actor.id) throw unknownRef('dealId', 'deal', input.dealId);
  const receivedDate = input.receivedDate ?? today(deps);
  await assertDateOpen(deps, receivedDate, 'receivedDate');
  if (receivedDate < deal.signedDate) {
    throw new AppError('VALIDATION', 'received before the deal was signed', { issues: [{ path: 'receivedDate', message: 'must not be before the deal was signed' }] });
  }
  return perDeal(deal.id, async () => {
  const [prior] = await deps.store.payments.find({ requestId: input.requestId }, { limit: 1 });
  const rate = deal.amountBase / deal.amount;
  const paidBase = (await deps.store.dealBalances([deal.id])).get(deal.id)?.paidBase ?? 0;
  if (prior) return { payment: prior, created: false, remaining: round2((deal.amountBase - paidBase) / rate), currency: deal.currency };
  const outstanding = round2((deal.amountBase - paidBase) / rate);
  if (input.amount > outstanding + 0.005) {
    throw new AppError('VALIDATION', `payment ${input.amount} is more than the ${outstanding} still due`, {
      params: { messageId: 'error.overpaid', outstanding, currency: deal.currency },
      issues: [{ path: 'amount', message: `more than the ${outstanding} ${deal.currency} still due` }],
    });
  }
  const { record, created } = await deps.store.payments.insert({
    id: deps.newId(),
    dealId: deal.id,
    repId: actor.id,
    amount: input.amount,
    amountBase: round2(input.amount * rate),
    dueDate: deal.dueDate,
    receivedDate,
    requestId: input.requestId,
    createdAt: deps.clock.now().toISOString(),
  });
  return { payment: record, created, remaining: round2(outstanding - (created ? input.amount : 0)), currency: deal.currency };
  });
}
