import { z } from 'zod';
import { ACTIVITY_KINDS, ACTIVITY_MODES, FEEDBACK_SOURCES } from '../../domain/model/entries.js';
import { Currency, Id, LocalDateField, Name, Rating, RequestId } from '../../domain/model/fields.js';
import { line, text } from '../../domain/text.js';

/**
 * What the forms submit, platform-neutral. Each platform adapter turns its payload into one of
 * these; field names are the form's field ids, so a VALIDATION issue's path points at the field.
 */

/** An existing account by id, or a new one by name and tier. */
export const AccountChoice = z.union([
  z.object({ accountId: Id }),
  z.object({ newAccountName: Name, newAccountTier: line(32).min(1) }),
]);
export type AccountChoice = z.infer<typeof AccountChoice>;

/** Multi-line text of a form, normalised (domain/text.ts); one-line fields use `line` or `Name`. */
const Text = text;

export const VisitInput = z.object({
  requestId: RequestId,
  account: AccountChoice,
  date: LocalDateField.optional(),
  kind: z.enum(ACTIVITY_KINDS).default('visit'),
  mode: z.enum(ACTIVITY_MODES).default('in_person'),
  contacts: z.array(line(100).min(1)).max(20, 'at most 20 contacts').default([]),
  purpose: line(500).default(''),
  outcome: Text(4000).default(''),
  nextStep: line(500).optional(),
  nextStepDate: LocalDateField.optional(),
});
export type VisitInput = z.input<typeof VisitInput>;

export const DealInput = z.object({
  requestId: RequestId,
  account: AccountChoice,
  amount: z.number().finite().positive('must be more than 0').max(1e12, 'is implausibly large'),
  currency: Currency.optional(),
  units: z.number().int('must be a whole number').min(0, 'must not be negative').max(1e9),
  product: Name,
  signedDate: LocalDateField.optional(),
  dueDate: LocalDateField.optional(),
});
export type DealInput = z.input<typeof DealInput>;

export const PaymentInput = z.object({
  requestId: RequestId,
  dealId: Id,
  amount: z.number().finite().positive('must be more than 0').max(1e12),
  receivedDate: LocalDateField.optional(),
});
export type PaymentInput = z.input<typeof PaymentInput>;

export const FeedbackInput = z.object({
  requestId: RequestId,
  accountId: Id,
  date: LocalDateField.optional(),
  service: Rating,
  product: Rating,
  comment: Text(4000).default(''),
  source: z.enum(FEEDBACK_SOURCES),
});
export type FeedbackInput = z.input<typeof FeedbackInput>;

export const IntelInput = z.object({
  requestId: RequestId,
  topic: Name,
  text: text(4000).min(1, 'must not be empty'),
});
export type IntelInput = z.input<typeof IntelInput>;

export const PeerReviewInput = z.object({
  requestId: RequestId,
  toId: Id,
  collaboration: Rating,
  comment: Text(4000).default(''),
});
export type PeerReviewInput = z.input<typeof PeerReviewInput>;

/**
 * Editing an entry submits the same form as logging it. Its requestId may be left out: the edited
 * entry keeps its own id, requestId, author and creation time.
 */
export const EditInputs = {
  visit: VisitInput.partial({ requestId: true }),
  deal: DealInput.partial({ requestId: true }),
  payment: PaymentInput.partial({ requestId: true }),
  feedback: FeedbackInput.partial({ requestId: true }),
  intel: IntelInput.partial({ requestId: true }),
} as const;
export type EditInput<K extends keyof typeof EditInputs> = z.input<(typeof EditInputs)[K]>;
