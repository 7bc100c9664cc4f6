import type { SchemaDefinition } from 'mongoose';
import type { CollectionName } from '../../domain/records.js';
import { id, mixed, timestamp } from './schema-fields.js';

/** Settings changed in chat and the processed-event log (domain/model/settings.ts). */
export const SETTINGS_DEFINITIONS: Record<Extract<CollectionName, 'settings' | 'processedEvents'>, SchemaDefinition> = {
  settings: { value: mixed(), updatedAt: timestamp(), updatedBy: id(false) },
  processedEvents: { receivedAt: timestamp(), state: { type: String, enum: ['handling', 'done'] }, claimExpiresAt: timestamp(false), answer: mixed(false) },
};
