import { z } from 'zod';
import { Id, Identity } from './fields.js';
import { CHANNEL_REF_RE, PLATFORMS } from './platforms.js';

/**
 * What the bot sends without being asked goes through an outbox: each message is stored first
 * under an idempotency key (job, run, recipient), then a dispatcher claims and sends it, so a
 * rerun or a crash never sends twice and a platform outage delays but loses nothing.
 */

/** UTC instants (`…Z`): compared as strings in both stores, so one format only. */
export const UtcTimestamp = z.iso.datetime();

// The platform list lives in platforms.ts; re-exported here, where most code has always found it.
export { PLATFORMS, type PlatformName } from './platforms.js';

export const DeliveryTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('dm'), identity: Identity }),
  z.object({ kind: z.literal('channel'), channel: z.string().regex(CHANNEL_REF_RE) }),
]);
export type DeliveryTarget = z.infer<typeof DeliveryTargetSchema>;

/**
 * Plain JSON data: strings, finite numbers, booleans, null, arrays and plain objects of them, what
 * z.json() accepts. Checked by one walk instead of z.json()'s union parse, which copied every node
 * and was ~10 % of queuing a 5,000-rep scorecard round (issue 16). Views come out of our own code
 * already as plain data (enqueue copies them through JSON), so the check is a guard, not a cleaner.
 */
export function isJsonData(v: unknown): boolean {
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(v);
    case 'object': {
      if (v === null) return true;
      if (Array.isArray(v)) {
        for (const x of v) if (!isJsonData(x)) return false;
        return true;
      }
      const proto = Object.getPrototypeOf(v) as unknown;
      if (proto !== Object.prototype && proto !== null) return false;
      for (const k in v) if (!isJsonData((v as Record<string, unknown>)[k])) return false;
      return true;
    }
    default:
      return false;
  }
}
export type JSONType = z.core.util.JSONType;
// An unknown with a refinement stores as a free-form value in MongoDB too (zod-to-mongoose), as z.json() did.
const JsonData = z.unknown().refine(isJsonData, 'must be plain JSON data') as unknown as z.ZodType<JSONType>;

export const DELIVERY_STATES = ['pending', 'sending', 'sent', 'failed'] as const;

export const OutboxItemSchema = z.object({
  /** A digest of `key` (ids are short; keys are readable). */
  id: Id,
  /** `<job>:<run>:<recipient>`: the same message for the same run is stored once. */
  key: z.string().min(1).max(300),
  job: z.string().min(1).max(64),
  runKey: z.string().min(1).max(64),
  platform: z.enum(PLATFORMS),
  target: DeliveryTargetSchema,
  /** The message: text for notifications, and a neutral view (blocks) or chart spec as JSON. */
  message: z.object({ text: z.string().max(40_000), view: JsonData.optional(), chart: JsonData.optional() }),
  state: z.enum(DELIVERY_STATES),
  attempts: z.number().int().min(0).max(1000),
  /** Not before this instant: personal messages wait for the recipient's local morning. */
  notBefore: UtcTimestamp,
  nextAttemptAt: UtcTimestamp,
  claimedBy: z.string().max(100).optional(),
  claimExpiresAt: UtcTimestamp.optional(),
  /** Set when a claim expired mid-send: the platform may already have the message. */
  recovered: z.boolean().optional(),
  /**
   * An earlier attempt may have reached the platform without us hearing back (a timeout, a reset
   * connection, a 5xx, a crash or shutdown mid-send): every later attempt checks first whether
   * the message is already there. Cleared once sent.
   */
  ambiguous: z.boolean().optional(),
  sentAt: UtcTimestamp.optional(),
  platformMessageId: z.string().max(200).optional(),
  lastError: z.string().max(2000).optional(),
  createdAt: UtcTimestamp,
});
export type OutboxItem = z.infer<typeof OutboxItemSchema>;

/** A job run's lease: with several replicas, the holder runs it; the others skip. */
export const LeaseSchema = z.object({
  id: z.string().min(1).max(200),
  owner: z.string().min(1).max(100),
  expiresAt: UtcTimestamp,
  acquiredAt: UtcTimestamp,
  /**
   * A job run's lease: when the run finished queuing its messages. A lease without it belongs to a
   * run that died on the way (or is still running): the start-up catch-up runs it again.
   */
  completedAt: UtcTimestamp.optional(),
});
export type Lease = z.infer<typeof LeaseSchema>;
