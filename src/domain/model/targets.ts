import { z } from 'zod';
import { Id, PeriodKeyField, Timestamp } from './fields.js';
import { INDICATOR_KEYS } from './indicators.js';

/** A target for one indicator and period, set for a whole team or for one rep (the rep's wins). */
export const TargetSchema = z.object({
  id: Id,
  periodKey: PeriodKeyField,
  indicator: z.enum(INDICATOR_KEYS),
  scope: z.enum(['team', 'rep']),
  scopeId: Id,
  value: z.number().positive('must be more than 0').max(1e12),
  createdAt: Timestamp,
  createdBy: Id.optional(),
});
export type Target = z.infer<typeof TargetSchema>;
