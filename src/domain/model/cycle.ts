import { z } from 'zod';
import { reasonText } from '../text.js';
import { Id, LocalDateField, LongText, Name, PeriodKeyField, RequestId, ShortText, Timestamp } from './fields.js';
import { INDICATOR_KEYS } from './indicators.js';
import { ScorecardSchema } from './scorecard.js';

/** The review cycle and everything HR and managers record around it. */

export const CYCLE_STATES = ['planned', 'collecting', 'in_review', 'published', 'closed'] as const;
export type CycleState = (typeof CYCLE_STATES)[number];

/** Whether a cycle in this state has published its results (a closed one has too): they are frozen. */
export const isPublishedState = (state: CycleState): boolean => state === 'published' || state === 'closed';

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

export const Reason = reasonText(2000);

/** A calibration adjustment: only with a written reason; every one is also in the audit log. */
export const AdjustmentSchema = z.object({
  id: Id,
  periodKey: PeriodKeyField,
  repId: Id,
  delta: z.number().min(-100).max(100).refine((d) => d !== 0, 'an adjustment of 0 changes nothing'),
  reason: Reason,
  byId: Id,
  at: Timestamp,
  /**
   * A manager's adjustment is a proposal until HR accepts it; HR's own applies at once. Absent:
   * applied (HR's, and every adjustment stored before proposals existed).
   */
  state: z.enum(['pending', 'accepted', 'rejected']).optional(),
  decidedBy: Id.optional(),
  decidedAt: Timestamp.optional(),
});
export type Adjustment = z.infer<typeof AdjustmentSchema>;

/** Whether an adjustment counts in the score: HR's, or a manager's that HR accepted. */
export const isApplied = (a: Pick<Adjustment, 'state'>): boolean => a.state === undefined || a.state === 'accepted';

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
  /** The accepted appeal this version answers. */
  appealId: Id.optional(),
});
export type PublishedResult = z.infer<typeof PublishedResultSchema>;

export const INTERVIEW_STATES = ['scheduled', 'held'] as const;

/** The feedback interview (面谈) after a published quarter: scheduled, then logged. One per rep and period. */
export const InterviewSchema = z.object({
  id: Id,
  periodKey: PeriodKeyField,
  repId: Id,
  managerId: Id,
  state: z.enum(INTERVIEW_STATES),
  scheduledAt: Timestamp.optional(),
  /** Room, call link … */
  place: ShortText.optional(),
  heldOn: LocalDateField.optional(),
  notes: LongText.default(''),
  /** The rep's own view of the quarter, as said in the interview. */
  repView: LongText.default(''),
  createdAt: Timestamp,
  updatedAt: Timestamp.optional(),
});
export type Interview = z.infer<typeof InterviewSchema>;

/** A measurable goal of an improvement plan: "visits 8 of 12 → 12 by 2026-12-31". */
export const PlanGoalSchema = z.object({
  text: ShortText.min(1, 'must not be empty'),
  indicator: z.enum(INDICATOR_KEYS).optional(),
  /** The value the rep reached in the reviewed period. */
  baseline: z.number().finite().optional(),
  /** The value to reach in the plan's period. */
  target: z.number().finite().optional(),
  dueDate: LocalDateField,
});
export type PlanGoal = z.infer<typeof PlanGoalSchema>;

export const PLAN_STATES = ['open', 'completed', 'failed', 'cancelled'] as const;

export const ImprovementPlanSchema = z.object({
  id: Id,
  /** The reviewed period whose results led to the plan. */
  periodKey: PeriodKeyField,
  /** The period the goals are measured in (usually the next quarter). */
  targetPeriodKey: PeriodKeyField,
  repId: Id,
  managerId: Id,
  interviewId: Id.optional(),
  goals: z.array(PlanGoalSchema).min(1, 'needs at least one goal').max(20),
  checkIns: z.array(z.object({ date: LocalDateField, note: ShortText.default(''), done: z.boolean() })).max(52),
  state: z.enum(PLAN_STATES),
  acknowledgedAt: Timestamp.optional(),
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
  decidedAt: Timestamp.optional(),
  decisionNote: ShortText.optional(),
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

export const DECISION_STATES = ['pending', 'accepted', 'rejected'] as const;

/** A rep contesting a published result; an accepted appeal creates a new version of that result. */
export const AppealSchema = z.object({
  id: Id,
  /** The short number people use (#12): one sequence per store (one company); older appeals may have none. */
  number: z.number().int().min(1).optional(),
  periodKey: PeriodKeyField,
  repId: Id,
  /** The version of the result contested. */
  resultVersion: z.number().int().min(1),
  reason: Reason,
  state: z.enum(DECISION_STATES),
  decidedBy: Id.optional(),
  decidedAt: Timestamp.optional(),
  decisionReason: Reason.optional(),
  /** The result version an acceptance created. */
  newVersion: z.number().int().min(2).optional(),
  createdAt: Timestamp,
  requestId: RequestId.optional(),
});
export type Appeal = z.infer<typeof AppealSchema>;

export const LATE_ENTRY_KINDS = ['visit', 'deal', 'payment', 'feedback', 'intel'] as const;
export type LateEntryKind = (typeof LATE_ENTRY_KINDS)[number];

/**
 * An entry for a period past its cycle's close date, waiting for the rep's manager: the rep's
 * validated form input is kept as it was submitted and stored as the entry when approved.
 */
export const LateEntrySchema = z.object({
  id: Id,
  periodKey: PeriodKeyField,
  repId: Id,
  managerId: Id,
  kind: z.enum(LATE_ENTRY_KINDS),
  input: z.record(z.string(), z.json()),
  /** One line for the manager: "Visit to Acme on 2026-09-28". */
  summary: ShortText,
  state: z.enum(['pending', 'approved', 'declined']),
  decidedBy: Id.optional(),
  decidedAt: Timestamp.optional(),
  /** The stored entry, once approved. */
  recordId: Id.optional(),
  createdAt: Timestamp,
  requestId: RequestId.optional(),
});
export type LateEntry = z.infer<typeof LateEntrySchema>;
