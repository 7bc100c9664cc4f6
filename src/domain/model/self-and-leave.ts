import { z } from 'zod';
import { daysBetween, isLocalDate } from '../dates.js';
import { Id, LocalDateField, LongText, PeriodKeyField, Rating, RequestId, ShortText, Timestamp } from './fields.js';
import { CATEGORY_KEYS } from './template.js';

/**
 * What a rep says about themselves and when they are away: a self-review per cycle (shown beside
 * the computed score, never part of it unless a template weights it), and leave / out-of-office.
 */

/** `/self-review`: the rep's own rating per category (1–5) and a comment; one per rep and period, a new one replaces it. */
export const SelfReviewSchema = z.object({
  id: Id,
  periodKey: PeriodKeyField,
  repId: Id,
  ratings: z.object(Object.fromEntries(CATEGORY_KEYS.map((c) => [c, Rating])) as Record<(typeof CATEGORY_KEYS)[number], typeof Rating>),
  comment: LongText.default(''),
  createdAt: Timestamp,
  updatedAt: Timestamp.optional(),
  requestId: RequestId.optional(),
});
export type SelfReview = z.infer<typeof SelfReviewSchema>;

/** The longest absence one record may cover. */
export const MAX_ABSENCE_DAYS = 366;

/** `/away <from> <to>`: leave or out-of-office; no nudge or reminder reaches the person on those days. */
export const AbsenceSchema = z
  .object({
    id: Id,
    personId: Id,
    from: LocalDateField,
    to: LocalDateField,
    note: ShortText.default(''),
    createdBy: Id,
    createdAt: Timestamp,
    requestId: RequestId.optional(),
    /**
     * Leave prorates targets only once the person's manager or HR approves it; until then (and
     * when rejected) it still silences nudges. Absent: approved (recorded by HR or an
     * administrator, or before approvals existed).
     */
    approval: z.enum(['pending', 'approved', 'rejected']).optional(),
    decidedBy: Id.optional(),
    decidedAt: Timestamp.optional(),
  })
  .superRefine((a, ctx) => {
    if (!isLocalDate(a.from) || !isLocalDate(a.to)) return;
    if (a.to < a.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must not be before the first day' });
    else if (daysBetween(a.from, a.to) >= MAX_ABSENCE_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `at most ${MAX_ABSENCE_DAYS} days at a time` });
  });
export type Absence = z.infer<typeof AbsenceSchema>;

/** Whether an absence may change targets: approved, or recorded before approvals existed. */
export const isApprovedLeave = (a: Pick<Absence, 'approval'>): boolean => a.approval === undefined || a.approval === 'approved';
