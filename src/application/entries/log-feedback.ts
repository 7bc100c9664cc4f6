import type { Feedback } from '../../domain/model/entries.js';
import type { Person } from '../../domain/model/people.js';
import type { AppDeps } from '../deps.js';
import { assertDateOpen, requireRole, today, unknownRef } from '../guards.js';
import { parseInput } from '../validate.js';
import { FeedbackInput } from './inputs.js';

/** `/feedback`: records what a customer said about the acting rep's service and the product. */
export async function logFeedback(deps: AppDeps, actor: Person, raw: FeedbackInput): Promise<{ feedback: Feedback; accountName: string; created: boolean }> {
  requireRole(actor, ['rep', 'manager'], 'log customer feedback');
  const input = parseInput(FeedbackInput, raw);
  const account = await deps.store.accounts.get(input.accountId);
  if (!account) throw unknownRef('accountId', 'account', input.accountId);
  const date = input.date ?? today(deps);
  await assertDateOpen(deps, date, 'date');
  const { record, created } = await deps.store.feedback.insert({
    id: deps.newId(),
    repId: actor.id,
    accountId: account.id,
    date,
    service: input.service,
    product: input.product,
    comment: input.comment,
    source: input.source,
    requestId: input.requestId,
    createdAt: deps.clock.now().toISOString(),
  });
  return { feedback: record, accountName: account.name, created };
}
