import type { z } from 'zod';
import { AppError } from '../../domain/errors.js';
import { addDays } from '../../domain/dates.js';
import type { Deal } from '../../domain/model/entries.js';
import type { Person } from '../../domain/model/people.js';
import type { DealLogged } from '../../domain/read-models/entry-logged.js';
import type { AppDeps } from '../deps.js';
import { assertDateOpen, requireRole, today, type EntryOptions } from '../guards.js';
import { parseInput } from '../validate.js';
import { DealInput } from './inputs.js';
import { newAccountWrite, resolveAccount } from './resolve-account.js';
import type { BatchWrite } from '../../ports/store.js';

/** Converts an amount to the base currency with the configured rates; an unknown currency is refused. */
export function toBase(deps: Pick<AppDeps, 'settings'>, amount: number, currency: string): number {
  const rate = deps.settings.fxRates[currency];
  if (rate === undefined) {
    throw new AppError('VALIDATION', `no exchange rate for ${currency}`, {
      params: { messageId: 'error.noFxRate', currency, base: deps.settings.baseCurrency },
      issues: [{ path: 'currency', message: `no exchange rate for ${currency}: use ${deps.settings.baseCurrency} or ask an admin to add it to FX_RATES` }],
    });
  }
  return Math.round(amount * rate * 100) / 100;
}

/** A deal's stored fields, apart from who, which account, the first-win flag and the record's identity. */
export type DealFields = Omit<Deal, 'id' | 'repId' | 'accountId' | 'firstWin' | 'requestId' | 'createdAt'>;

/**
 * Checks a deal form's input and returns the fields to store: the same rules for a new deal and an
 * edited one. The signed date defaults to today and must be open; the due date defaults to the
 * payment terms and must not be before signing; the amount is converted at the configured rate.
 */
export async function dealFields(deps: AppDeps, input: Omit<z.output<typeof DealInput>, 'requestId' | 'account'>, opts: EntryOptions = {}): Promise<DealFields> {
  const signedDate = input.signedDate ?? today(deps);
  await assertDateOpen(deps, signedDate, 'signedDate', opts);
  const dueDate = input.dueDate ?? addDays(signedDate, deps.settings.paymentTermsDays);
  if (dueDate < signedDate) {
    throw new AppError('VALIDATION', 'due before signed', { issues: [{ path: 'dueDate', message: 'must not be before the signed date' }] });
  }
  const currency = input.currency ?? deps.settings.baseCurrency;
  const amountBase = toBase(deps, input.amount, currency);
  return { amount: input.amount, currency, amountBase, units: input.units, product: input.product, signedDate, dueDate };
}

/** `/deal`: records a signed deal; the account's first deal marks it won (a new customer). */
export async function logDeal(deps: AppDeps, actor: Person, raw: DealInput, opts: EntryOptions = {}): Promise<DealLogged> {
  requireRole(actor, ['rep', 'manager'], 'log deals');
  const input = parseInput(DealInput, raw);
  const fields = await dealFields(deps, input, opts);

  const [prior] = await deps.store.deals.find({ requestId: input.requestId }, { limit: 1 });
  if (prior) {
    const account = await deps.store.accounts.get(prior.accountId);
    return { deal: prior, accountName: account?.name ?? prior.accountId, created: false, newCustomer: prior.firstWin };
  }
  const { account, created: accountCreated } = await resolveAccount(deps, actor, input.account);
  const firstWin = accountCreated || (await deps.store.deals.count({ accountId: account.id })) === 0;
  const deal: Deal = {
    id: deps.newId(),
    repId: actor.id,
    accountId: account.id,
    ...fields,
    firstWin,
    requestId: input.requestId,
    createdAt: deps.clock.now().toISOString(),
  };
  // A new account, the deal and the account's first win are one batch: all stored, or none.
  const won = firstWin && !account.firstWonDate ? { ...account, firstWonDate: fields.signedDate, firstWonBy: actor.id } : account;
  const writes: BatchWrite[] = accountCreated
    ? [newAccountWrite(won), { op: 'insert', collection: 'deals', record: deal }]
    : [{ op: 'insert', collection: 'deals', record: deal }, ...(won !== account ? [{ op: 'put', collection: 'accounts', record: won } as const] : [])];
  const result = await deps.store.writeBatch(writes);
  if (result.created) return { deal, accountName: account.name, created: true, newCustomer: firstWin };
  // The same request was stored meanwhile (a platform retry racing the first delivery).
  const stored = result.stored.record as Deal;
  const storedAccount = await deps.store.accounts.get(stored.accountId);
  return { deal: stored, accountName: storedAccount?.name ?? stored.accountId, created: false, newCustomer: stored.firstWin };
}
