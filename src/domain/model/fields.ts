import { z } from 'zod';
import { isLocalDate } from '../dates.js';
import { isPeriodKey } from '../period.js';
import { line, text } from '../text.js';
import { IDENTITY_RE } from './platforms.js';

/** Shared field schemas: one definition of "a date", "an id", "a 1–5 rating" for every record. */
export const Id = z.string().min(1, 'must not be empty').max(64, 'at most 64 characters');
export const LocalDateField = z.string().refine(isLocalDate, 'must be a real date written YYYY-MM-DD');
export const Timestamp = z.iso.datetime({ offset: true });
export const PeriodKeyField = z.string().refine(isPeriodKey, 'must be a quarter like 2026-Q3 or a year like 2026');
export const Rating = z.number().int('must be a whole number').min(1, 'must be 1 to 5').max(5, 'must be 1 to 5');
export const Money = z.number().finite().positive('must be more than 0').max(1e12, 'is implausibly large');
export const Currency = z.string().regex(/^[A-Z]{3}$/, 'must be a 3-letter currency code such as CNY');
// Text fields are normalised (domain/text.ts): no control, bidi or zero-width characters, NFC.
export const ShortText = text(500);
export const LongText = text(4000);
export const Name = line(200).min(1, 'must not be empty');
/** Present on every record written from a user submission: storing the same request twice stores it once. */
export const RequestId = z.string().min(1).max(200);
export const LOCALES = ['en', 'zh-CN'] as const;
export const Locale = z.enum(LOCALES);
export type Locale = z.infer<typeof Locale>;

/** Platform identity: `slack:<user id>`, `lark:<open_id>` or `console:<name>`, per platforms.ts. */
export { IDENTITY_RE };
export const Identity = z.string().regex(IDENTITY_RE, 'must look like slack:U0123ABC or lark:ou_abc123');
