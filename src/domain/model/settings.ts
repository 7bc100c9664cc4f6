import { z } from 'zod';
import { Id, Timestamp } from './fields.js';

/**
 * Company settings changed in chat by administrators (channels, ranking privacy …). Each key's
 * value has its own schema where it is read (application/settings.ts); stored here as JSON.
 */
export const SettingSchema = z.object({
  id: z.string().regex(/^[a-z][a-zA-Z0-9.:_-]{0,63}$/),
  value: z.json(),
  updatedAt: Timestamp,
  updatedBy: Id.optional(),
});
export type Setting = z.infer<typeof SettingSchema>;

/**
 * A platform event already handled (`slack:<event_id>`, `lark:<event_id>`): platforms redeliver
 * events after a timeout, and a redelivery must not act twice. Commands and buttons are recorded
 * the same way under `req:<platform request id>` (src/chat/once.ts), with their answer.
 */
export const ProcessedEventSchema = z.object({
  id: z.string().min(1).max(200),
  receivedAt: Timestamp,
  /**
   * `handling` while a replica works on it, until `claimExpiresAt`: a redelivery then is dropped,
   * one after the claim expired (the handler crashed) is handled. `done` (or absent, records of
   * earlier versions) once handled.
   */
  state: z.enum(['handling', 'done']).optional(),
  claimExpiresAt: Timestamp.optional(),
  /** For a command (`req:<platform request id>`): the first answer, given again to a replay. */
  answer: z.json().optional(),
});
export type ProcessedEvent = z.infer<typeof ProcessedEventSchema>;
