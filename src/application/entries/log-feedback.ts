import type { z } from 'zod';
import type { Account } from '../../domain/model/accounts.js';
import type { Feedback } from '../../domain/model/entries.js';
import type { Person } from '../../domain/model/people.js';
import type { AppDeps } from '../deps.js';
import { assertDateOpen, requireRole, today, unknownRef, type EntryOptions } from '../guards.js';
import { parseInput } from '../validate.js';
import { FeedbackInput } from './inputs.js';

export type FeedbackFields = Omit<Feedback, 'id' | 'repId' | 'requestId' | 'createdAt'>;

/**
 * Checks a feedback form's input and returns the fields to store: the same rules for new and
 * edited feedback. The account must exist; the date defaults to today and must be open.
 */
export async function feedbackFields(
  deps: AppDeps,
  input: Omit<z.output<typeof FeedbackInput>, 'requestId'>,
  opts: EntryOptions = {},
): Promise<{ fields: FeedbackFields; account: Account }> {
  const account = await deps.store.accounts.get(input.accountId);
  if (!account) throw unknownRef('accountId', 'account', input.accountId);
  const date = input.date ?? today(deps);
  await assertDateOpen(deps, date, 'date', opts);
  const { service, product, comment, source } = input;
  return { fields: { accountId: account.id, date, service, product, comment, source }, account };
}

/** `/feedback`: records what a customer said about the acting rep's service and the product. */
export async function logFeedback(deps: AppDeps, actor: Person, raw: FeedbackInput, opts: EntryOptions = {}): Promise<{ feedback: Feedback; accountName: string; created: boolean }> {
  requireRole(actor, ['rep', 'manager'], 'log customer feedback');
  const input = parseInput(FeedbackInput, raw);
  const { fields, account } = await feedbackFields(deps, input, opts);
  const { record, created } = await deps.store.feedback.insert({
    id: deps.newId(),
    repId: actor.id,
    ...fields,
    requestId: input.requestId,
    createdAt: deps.clock.now().toISOString(),
  });
  return { feedback: record, accountName: account.name, created };
}
