import { z } from 'zod';
import { line, normaliseLine } from '../text.js';
import { Id, LocalDateField, Name, Timestamp } from './fields.js';

export const DEFAULT_TIERS = ['strategic', 'A', 'B', 'C'] as const;

export const AccountSchema = z.object({
  id: Id,
  name: Name,
  /** Lower-cased, whitespace-collapsed name: the unique key that stops duplicate accounts. */
  nameKey: z.string().min(1).max(200),
  tier: line(32).min(1),
  industry: line(100).optional(),
  ownerId: Id.optional(),
  /** Day of the account's first signed deal: the rep who signed it won a new customer. */
  firstWonDate: LocalDateField.optional(),
  firstWonBy: Id.optional(),
  createdAt: Timestamp,
});
export type Account = z.infer<typeof AccountSchema>;

export function accountNameKey(name: string): string {
  return normaliseLine(name).normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}
