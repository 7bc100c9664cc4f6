import { z } from 'zod';
import {
  Currency,
  Id,
  LocalDateField,
  LongText,
  Money,
  Name,
  PeriodKeyField,
  Rating,
  RequestId,
  ShortText,
  Timestamp,
} from './fields.js';
import type { FieldIssue } from '../errors.js';
import { line, text } from '../text.js';

/** What reps record: activities, deals, payments, customer feedback, peer reviews, market intel. */

export const ACTIVITY_KINDS = ['visit', 'call', 'follow_up'] as const;
export const ACTIVITY_MODES = ['in_person', 'phone', 'video'] as const;

/**
 * A visit's next step, the one rule for the stored record and the visit form (log, edit, late
 * entry): a follow-up date needs a step saying what happens then, and is not before the visit.
 * Every broken part is reported, so the form marks all the fields to fix at once.
 */
export function nextStepIssues(visit: { date: string; nextStep?: string | undefined; nextStepDate?: string | undefined }): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (visit.nextStepDate && !visit.nextStep) issues.push({ path: 'nextStep', message: 'say what the next step is' });
  if (visit.nextStepDate && visit.nextStepDate < visit.date) issues.push({ path: 'nextStepDate', message: 'must not be before the visit date' });
  return issues;
}

export const ActivitySchema = z
  .object({
    id: Id,
    repId: Id,
    accountId: Id,
    kind: z.enum(ACTIVITY_KINDS),
    mode: z.enum(ACTIVITY_MODES).default('in_person'),
    date: LocalDateField,
    contacts: z.array(line(100).min(1)).max(20, 'at most 20 contacts'),
    purpose: ShortText,
    outcome: LongText,
    nextStep: ShortText.optional(),
    nextStepDate: LocalDateField.optional(),
    requestId: RequestId.optional(),
    createdAt: Timestamp,
  })
  .superRefine((a, ctx) => {
    for (const issue of nextStepIssues(a)) ctx.addIssue({ code: 'custom', path: [issue.path], message: issue.message });
  });
export type Activity = z.infer<typeof ActivitySchema>;

export const DealSchema = z
  .object({
    id: Id,
    repId: Id,
    accountId: Id,
    amount: Money,
    currency: Currency,
    /** The amount in the company's base currency, fixed when the deal is recorded. */
    amountBase: Money,
    units: z.number().int('must be a whole number').min(0, 'must not be negative').max(1e9),
    product: Name,
    signedDate: LocalDateField,
    /** When the customer must have paid: collection rate (回款率) counts against this date. */
    dueDate: LocalDateField,
    /** The account's first deal ever: counts as a new customer for the rep. */
    firstWin: z.boolean().default(false),
    requestId: RequestId.optional(),
    createdAt: Timestamp,
  })
  .refine((d) => d.dueDate >= d.signedDate, { path: ['dueDate'], message: 'must not be before the signed date' });
export type Deal = z.infer<typeof DealSchema>;

export const PaymentSchema = z.object({
  id: Id,
  dealId: Id,
  repId: Id,
  amount: Money,
  amountBase: Money,
  /** The deal's due date, copied so collection can be aggregated without a join. */
  dueDate: LocalDateField,
  receivedDate: LocalDateField,
  requestId: RequestId.optional(),
  createdAt: Timestamp,
});
export type Payment = z.infer<typeof PaymentSchema>;

export const FEEDBACK_SOURCES = ['customer', 'survey', 'complaint'] as const;

export const FeedbackSchema = z.object({
  id: Id,
  repId: Id,
  accountId: Id,
  date: LocalDateField,
  service: Rating,
  product: Rating,
  comment: LongText.default(''),
  source: z.enum(FEEDBACK_SOURCES),
  requestId: RequestId.optional(),
  createdAt: Timestamp,
});
export type Feedback = z.infer<typeof FeedbackSchema>;

export const PeerReviewSchema = z
  .object({
    id: Id,
    fromId: Id,
    toId: Id,
    periodKey: PeriodKeyField,
    collaboration: Rating,
    comment: LongText.default(''),
    date: LocalDateField,
    requestId: RequestId.optional(),
    createdAt: Timestamp,
  })
  .refine((r) => r.fromId !== r.toId, { path: ['toId'], message: 'you cannot review yourself' });
export type PeerReview = z.infer<typeof PeerReviewSchema>;

export const IntelSchema = z.object({
  id: Id,
  repId: Id,
  date: LocalDateField,
  topic: Name,
  text: text(4000).min(1, 'must not be empty'),
  requestId: RequestId.optional(),
  createdAt: Timestamp,
});
export type Intel = z.infer<typeof IntelSchema>;
