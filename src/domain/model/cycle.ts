import { z } from 'zod';
import { Id, LocalDateField, LongText, Name, PeriodKeyField, ShortText, Timestamp } from './fields.js';
import { ScorecardSchema } from './scorecard.js';

/** The review cycle and everything HR and managers record around it. */

export const CYCLE_STATES = ['planned', 'collecting', 'in_review', 'published', 'closed'] as const;
export type CycleState = (typeof CYCLE_STATES)[number];

export const ReviewCycleSchema = z.object({
  id: Id,
  periodKey: PeriodKeyField,
  templateId: Id,
  templateVersion: z.number().int().min(1),
  state: z.enum(CYCLE_STATES),
  /** After this day, entries for the period need the manager's approval. */
  entryCloseDate: LocalDateField.optional(),
  meeting: z
    .object({
      at: z.iso.datetime({ offset: true }),
      place: ShortText,
      participantIds: z.array(Id).max(200),
    })
    .optional(),
  createdAt: Timestamp,
  createdBy: Id,
  updatedAt: Timestamp,
});
export type ReviewCycle = z.infer<typeof ReviewCycleSchema>;

const Reason = z.string().trim().min(10, 'give a reason of at least 10 characters').max(2000);

/** A calibration adjustment: only with a written reason; every one is also in the audit log. */
export const AdjustmentSchema = z.object({
  id: Id,
  periodKey: PeriodKeyField,
  repId: Id,
  delta: z.number().min(-100).max(100).refine((d) => d !== 0, 'an adjustment of 0 changes nothing'),
  reason: Reason,
  byId: Id,
  at: Timestamp,
});
export type Adjustment = z.infer<typeof AdjustmentSchema>;

/** A frozen, versioned result. A new version (appeal) never overwrites an older one. */
export const PublishedResultSchema = z.object({
  id: Id,
  periodKey: PeriodKeyField,
  repId: Id,
  version: z.number().int().min(1),
  scorecard: ScorecardSchema,
  bonusAmount: z.number().min(0).optional(),
  awardIds: z.array(Id),
  publishedAt: Timestamp,
  publishedBy: Id,
  /** Why this version exists (first publication, accepted appeal …). */
  reason: ShortText,
});
export type PublishedResult = z.infer<typeof PublishedResultSchema>;

export const InterviewSchema = z.object({
  id: Id,
  periodKey: PeriodKeyField,
  repId: Id,
  managerId: Id,
  scheduledAt: Timestamp.optional(),
  heldOn: LocalDateField.optional(),
  notes: LongText.default(''),
  createdAt: Timestamp,
});
export type Interview = z.infer<typeof InterviewSchema>;

export const ImprovementPlanSchema = z.object({
  id: Id,
  periodKey: PeriodKeyField,
  repId: Id,
  managerId: Id,
  goals: z.array(ShortText.min(1)).min(1, 'needs at least one goal').max(20),
  checkIns: z.array(z.object({ date: LocalDateField, note: ShortText.default(''), done: z.boolean() })).max(52),
  state: z.enum(['open', 'completed', 'failed', 'cancelled']),
  createdAt: Timestamp,
});
export type ImprovementPlan = z.infer<typeof ImprovementPlanSchema>;

export const AwardSchema = z.object({
  id: Id,
  periodKey: PeriodKeyField,
  repId: Id,
  title: Name,
  reason: Reason,
  grantedBy: Id,
  state: z.enum(['pending', 'approved', 'rejected']),
  decidedBy: Id.optional(),
  createdAt: Timestamp,
});
export type Award = z.infer<typeof AwardSchema>;

export const AuditEntrySchema = z.object({
  id: Id,
  at: Timestamp,
  actorId: Id,
  action: z.string().min(1).max(64),
  subjectId: Id.optional(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
