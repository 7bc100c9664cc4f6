import type { SchemaDefinition } from 'mongoose';
import type { CollectionName } from '../../domain/records.js';
import { id, localDate, oneOf, periodKey, rating, requestId, sub, text, timestamp } from './schema-fields.js';

/** Self-reviews and absences (domain/model/self-and-leave.ts). */
export const SELF_AND_LEAVE_DEFINITIONS: Record<Extract<CollectionName, 'selfReviews' | 'absences' | 'surveys'>, SchemaDefinition> = {
  /** One-time customer surveys (domain/model/survey.ts). */
  surveys: {
    tokenHash: { type: String, required: true, match: /^[0-9a-f]{64}$/ },
    formKey: { type: String, required: true, match: /^[0-9a-f]{32}$/ },
    accountId: id(),
    repId: id(),
    contact: text('contact', 500),
    createdBy: id(),
    createdAt: timestamp(),
    expiresAt: timestamp(),
    answeredAt: timestamp(false),
    feedbackId: id(false),
  },
  selfReviews: {
    periodKey: periodKey(),
    repId: id(),
    ratings: { type: sub({ performance: rating(), behaviour: rating(), teamwork: rating() }), required: true },
    comment: text('comment', 4000),
    createdAt: timestamp(),
    updatedAt: timestamp(false),
    requestId: requestId(),
  },
  absences: {
    personId: id(),
    from: localDate(),
    to: localDate(),
    note: text('note', 500),
    createdBy: id(),
    createdAt: timestamp(),
    requestId: requestId(),
    approval: oneOf(['pending', 'approved', 'rejected'], false),
    decidedBy: id(false),
    decidedAt: timestamp(false),
  },
};
