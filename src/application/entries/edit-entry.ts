import { AppError } from '../../domain/errors.js';
import type { Activity, Feedback, Intel, Payment } from '../../domain/model/entries.js';
import type { Person } from '../../domain/model/people.js';
import type { AppDeps } from '../deps.js';
import { parseInput } from '../validate.js';
import { editDeal } from './edit-deal.js';
import { EditInputs, type EditInput } from './inputs.js';
import { feedbackFields } from './log-feedback.js';
import { paidOn, paymentFields, perDeal, receivedDateOf } from './log-payment.js';
import { visitFields } from './log-visit.js';
import type { AnyEntry, EntryKind } from '../../domain/model/entry-kinds.js';
import { assertEditable, auditEntry, EntryRef, identityOf, ownEntry } from './own-entry.js';
import { newAccountWrite, resolveAccount } from './resolve-account.js';
import { intelFields } from './share-intel.js';

export type EntryEdit = { [K in EntryKind]: { kind: K; id: string; input: EditInput<K> } }[EntryKind];

export interface EntryEdited {
  kind: EntryKind;
  before: AnyEntry['record'];
  after: AnyEntry['record'];
}

/**
 * Replaces one of the actor's own entries with a submitted form, by the same rules as logging it
 * (the `*Fields` functions of the log use cases). The id, requestId, author and creation time stay;
 * a date left out keeps the entry's date. Both the old and the new record go to the audit log.
 */
export async function editEntry(deps: AppDeps, actor: Person, edit: EntryEdit): Promise<EntryEdited> {
  const ref = parseInput(EntryRef, { kind: edit.kind, id: edit.id });
  const entry = await ownEntry(deps, actor, ref);
  await assertEditable(deps, entry);
  const after = await replace(deps, actor, entry, edit.input);
  await auditEntry(deps, actor, 'entry.edit', entry, { before: entry.record, after });
  return { kind: entry.kind, before: entry.record, after };
}

function replace(deps: AppDeps, actor: Person, entry: AnyEntry, raw: unknown): Promise<AnyEntry['record']> {
  switch (entry.kind) {
    case 'visit':
      return editVisit(deps, actor, entry.record, raw as EditInput<'visit'>);
    case 'deal':
      return editDeal(deps, entry.record, raw as EditInput<'deal'>);
    case 'payment':
      return editPayment(deps, actor, entry.record, raw as EditInput<'payment'>);
    case 'feedback':
      return editFeedback(deps, entry.record, raw as EditInput<'feedback'>);
    case 'intel':
      return editIntel(deps, entry.record, raw as EditInput<'intel'>);
  }
}

/** A visit may move to another account, a new one included (created only once the rest is valid). */
async function editVisit(deps: AppDeps, actor: Person, before: Activity, raw: EditInput<'visit'>): Promise<Activity> {
  const input = parseInput(EditInputs.visit, raw);
  const fields = await visitFields(deps, { ...input, date: input.date ?? before.date });
  const { account, created } = await resolveAccount(deps, actor, input.account);
  const after: Activity = { ...identityOf(before), accountId: account.id, ...fields };
  // A new account and the moved visit are one batch: both stored, or neither.
  const result = await deps.store.writeBatch([...(created ? [newAccountWrite(account)] : []), { op: 'put', collection: 'activities', record: after }]);
  return result.created ? (result.records.at(-1) as Activity) : after;
}

/**
 * A payment stays on its deal and may not exceed what is still due without counting itself. Checked
 * and written under the deal's lock, against the payment as stored at that moment.
 */
async function editPayment(deps: AppDeps, actor: Person, before: Payment, raw: EditInput<'payment'>): Promise<Payment> {
  const input = parseInput(EditInputs.payment, raw);
  if (input.dealId !== before.dealId) {
    const message = 'a payment cannot move to another deal: delete it and log it again';
    throw new AppError('VALIDATION', message, { params: { messageId: 'error.paymentDealFixed' }, issues: [{ path: 'dealId', message }] });
  }
  const deal = (await deps.store.deals.get(before.dealId))!;
  return perDeal(deal.id, async () => {
    const current = (await ownEntry(deps, actor, { kind: 'payment', id: before.id })).record as Payment;
    const receivedDate = await receivedDateOf(deps, deal, input.receivedDate ?? current.receivedDate);
    const paidByOthers = (await paidOn(deps, deal.id)) - current.amountBase;
    return deps.store.payments.put({ ...identityOf(current), ...paymentFields(deal, input.amount, receivedDate, paidByOthers) });
  });
}

async function editFeedback(deps: AppDeps, before: Feedback, raw: EditInput<'feedback'>): Promise<Feedback> {
  const input = parseInput(EditInputs.feedback, raw);
  const { fields } = await feedbackFields(deps, { ...input, date: input.date ?? before.date });
  return deps.store.feedback.put({ ...identityOf(before), ...fields });
}

/** Intel keeps the day it was shared. */
async function editIntel(deps: AppDeps, before: Intel, raw: EditInput<'intel'>): Promise<Intel> {
  const input = parseInput(EditInputs.intel, raw);
  return deps.store.intel.put({ ...identityOf(before), date: before.date, ...intelFields(input) });
}
