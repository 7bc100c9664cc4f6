import { z } from 'zod';
import { Id, ShortText, Timestamp } from './fields.js';

/**
 * A one-time customer survey (issue 14: customer satisfaction without the rep in between). The bot
 * gives a rep a link for one contact of an account; the customer answers on a page the bot serves,
 * once, before it expires. Only a hash of the link's token is stored: a database reader cannot
 * answer surveys. `formKey` is the page's anti-forgery value (the form must carry it back).
 */
export const SurveySchema = z.object({
  id: Id,
  tokenHash: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hex digest'),
  formKey: z.string().regex(/^[0-9a-f]{32}$/, '16 random bytes in hex'),
  accountId: Id,
  /** The rep whose customer satisfaction the answer counts for (the one who asked). */
  repId: Id,
  contact: ShortText.default(''),
  createdBy: Id,
  createdAt: Timestamp,
  expiresAt: Timestamp,
  /** Set when answered: the link is spent. */
  answeredAt: Timestamp.optional(),
  feedbackId: Id.optional(),
});
export type Survey = z.infer<typeof SurveySchema>;
