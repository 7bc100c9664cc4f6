import { z } from 'zod';
import { Id, PeriodKeyField } from './fields.js';
import { INDICATOR_KEYS } from './indicators.js';
import { CATEGORY_KEYS, ScoringSchema } from './template.js';

/**
 * A scorecard explains every number: the inputs an actual came from, the target and where it came
 * from, the scoring function, the weight after any renormalisation, and the points it contributed.
 * Stored as part of published results, so it has a schema like every other record.
 */
export const IndicatorLineSchema = z.object({
  key: z.enum(INDICATOR_KEYS),
  category: z.enum(CATEGORY_KEYS),
  /** The actual value, or null when the indicator has no data. */
  actual: z.number().nullable(),
  /** The raw inputs behind the actual: {sum, count} for ratings, {collected, due} for collection. */
  inputs: z.record(z.string(), z.number()),
  target: z.number().nullable(),
  targetSource: z.enum(['template', 'team', 'rep']).nullable(),
  /** Share of the target that applies (1 unless the rep joined or left during the period). */
  proration: z.number().min(0).max(1),
  /** Days of leave the proration took off (leave longer than the policy's threshold). */
  leaveDays: z.number().int().min(0).optional(),
  scoring: ScoringSchema,
  score: z.number().nullable(),
  /** Why there is no computed score: no actual data, or no target to compare it with. */
  missing: z.enum(['no_data', 'no_target']).nullable(),
  /** What the missing-data policy did: null when the indicator was scored normally. */
  applied: z.enum(['excluded', 'neutral']).nullable(),
  capped: z.boolean(),
  /** Weight within its category, as in the template. */
  weight: z.number(),
  /** Share of the total, in percent, after renormalisation. */
  effectiveWeight: z.number(),
  /** Points added to the total: score × effectiveWeight / 100. */
  contribution: z.number(),
});
export type IndicatorLine = z.infer<typeof IndicatorLineSchema>;

export const CategoryLineSchema = z.object({
  key: z.enum(CATEGORY_KEYS),
  weight: z.number(),
  effectiveWeight: z.number(),
  score: z.number().nullable(),
  contribution: z.number(),
});
export type CategoryLine = z.infer<typeof CategoryLineSchema>;

export const AppliedAdjustmentSchema = z.object({ id: Id, delta: z.number(), reason: z.string(), by: Id });

export const ScorecardSchema = z.object({
  repId: Id,
  periodKey: PeriodKeyField,
  templateId: Id,
  templateVersion: z.number().int().min(1),
  indicators: z.array(IndicatorLineSchema),
  categories: z.array(CategoryLineSchema),
  /** Total before calibration adjustments. */
  baseTotal: z.number(),
  adjustments: z.array(AppliedAdjustmentSchema),
  total: z.number(),
  grade: z.string(),
  bonusMultiplier: z.number(),
  /** The lowest grade: flagged to HR for bonus deduction / performance plan. */
  penalty: z.boolean(),
  /** True when no indicator had data: the rep is listed as lacking data, not graded on nothing. */
  noData: z.boolean(),
});
export type Scorecard = z.infer<typeof ScorecardSchema>;
