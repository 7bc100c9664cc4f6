import { Schema, type SchemaDefinition } from 'mongoose';
import { DELIVERY_STATES, PLATFORMS } from '../../domain/model/delivery.js';
import type { CollectionName } from '../../domain/records.js';
import { mixed, oneOf, sub, timestamp } from './schema-fields.js';

/** The outbox and job leases (domain/model/delivery.ts). */
export const DELIVERY_DEFINITIONS: Record<Extract<CollectionName, 'outbox' | 'leases'>, SchemaDefinition> = {
  outbox: {
    key: { type: String, required: true, minlength: 1, maxlength: 300 },
    job: { type: String, required: true, minlength: 1, maxlength: 64 },
    runKey: { type: String, required: true, minlength: 1, maxlength: 64 },
    platform: oneOf(PLATFORMS),
    target: mixed(),
    message: sub({ text: { type: String, maxlength: 40_000 }, view: { type: Schema.Types.Mixed }, chart: { type: Schema.Types.Mixed } }),
    state: oneOf(DELIVERY_STATES),
    attempts: { type: Number, required: true, min: 0, max: 1000 },
    notBefore: timestamp(),
    nextAttemptAt: timestamp(),
    claimedBy: { type: String, maxlength: 100 },
    claimExpiresAt: timestamp(false),
    recovered: { type: Boolean },
    ambiguous: { type: Boolean },
    sentAt: timestamp(false),
    platformMessageId: { type: String, maxlength: 200 },
    lastError: { type: String, maxlength: 2000 },
    createdAt: timestamp(),
  },
  leases: {
    owner: { type: String, required: true, minlength: 1, maxlength: 100 },
    expiresAt: timestamp(),
    acquiredAt: timestamp(),
    completedAt: timestamp(false),
  },
};
