import { Schema, type SchemaDefinition } from 'mongoose';
import { ACTIVITY_KINDS, ACTIVITY_MODES, FEEDBACK_SOURCES } from '../../domain/model/entries.js';
import { LOCALES } from '../../domain/model/fields.js';
import { ROLES } from '../../domain/model/people.js';
import { COLLECTION_NAMES, type CollectionName } from '../../domain/records.js';
import { indexesFor } from './indexes.js';
import { CYCLE_DEFINITIONS } from './cycle-schemas.js';
import { SETTINGS_DEFINITIONS } from './settings-schemas.js';
import { DELIVERY_DEFINITIONS } from './delivery-schemas.js';
import { SELF_AND_LEAVE_DEFINITIONS } from './self-and-leave-schemas.js';
import { atMost, currency, id, identity, localDate, money, name, nonEmpty, oneOf, periodKey, rating, requestId, text, timestamp, wholeNumber } from './schema-fields.js';

/**
 * One mongoose schema per collection of the registry (domain/records.ts), mirroring its zod
 * schema field by field. The record id is the document's `_id` (a string); there is no `id`
 * field in the database. Cross-field rules (a deal due before it was signed, a review of oneself,
 * template weights summing to 100) stay in zod, which every write passes first.
 */

/** The people, accounts and what reps record (domain/model/people.ts, accounts.ts, entries.ts). */
const ENTRY_DEFINITIONS = {
  people: {
    name: name(),
    roles: { type: [oneOf(ROLES)], validate: nonEmpty },
    teamId: id(false),
    managerId: id(false),
    joinDate: localDate(),
    leaveDate: localDate(false),
    identities: { type: [identity()], validate: atMost(8) },
    locale: oneOf(LOCALES),
    timeZone: { type: String, maxlength: 64 },
    active: { type: Boolean, required: true },
    createdAt: timestamp(),
    profileFetchedAt: timestamp(false),
    unplaced: { type: Boolean },
  },
  teams: { name: name(), managerId: id(false), createdAt: timestamp() },
  accounts: {
    name: name(),
    nameKey: { type: String, required: true, minlength: 1, maxlength: 200 },
    tier: { type: String, required: true, minlength: 1, maxlength: 32 },
    industry: { type: String, maxlength: 100 },
    ownerId: id(false),
    firstWonDate: localDate(false),
    firstWonBy: id(false),
    createdAt: timestamp(),
  },
  activities: {
    repId: id(),
    accountId: id(),
    kind: oneOf(ACTIVITY_KINDS),
    mode: oneOf(ACTIVITY_MODES),
    date: localDate(),
    contacts: { type: [{ type: String, minlength: 1, maxlength: 100 }], validate: atMost(20) },
    purpose: text('purpose', 500),
    outcome: text('outcome', 4000),
    nextStep: { type: String, maxlength: 500 },
    nextStepDate: localDate(false),
    requestId: requestId(),
    createdAt: timestamp(),
  },
  deals: {
    repId: id(),
    accountId: id(),
    amount: money(),
    currency: currency(),
    amountBase: money(),
    units: wholeNumber(0, 1e9),
    product: name(),
    signedDate: localDate(),
    dueDate: localDate(),
    firstWin: { type: Boolean, required: true },
    requestId: requestId(),
    createdAt: timestamp(),
  },
  payments: {
    dealId: id(),
    repId: id(),
    amount: money(),
    amountBase: money(),
    dueDate: localDate(),
    receivedDate: localDate(),
    requestId: requestId(),
    createdAt: timestamp(),
  },
  feedback: {
    repId: id(),
    accountId: id(),
    date: localDate(),
    service: rating(),
    product: rating(),
    comment: text('comment', 4000),
    source: oneOf(FEEDBACK_SOURCES),
    enteredBy: oneOf(['rep', 'customer'], false),
    requestId: requestId(),
    createdAt: timestamp(),
  },
  peerReviews: {
    fromId: id(),
    toId: id(),
    periodKey: periodKey(),
    collaboration: rating(),
    comment: text('comment', 4000),
    date: localDate(),
    requestId: requestId(),
    createdAt: timestamp(),
  },
  intel: {
    repId: id(),
    date: localDate(),
    topic: name(),
    text: { type: String, required: true, minlength: 1, maxlength: 4000 },
    requestId: requestId(),
    createdAt: timestamp(),
  },
} satisfies Partial<Record<CollectionName, SchemaDefinition>>;

const DEFINITIONS: Record<CollectionName, SchemaDefinition> = {
  ...ENTRY_DEFINITIONS,
  ...CYCLE_DEFINITIONS,
  ...SETTINGS_DEFINITIONS,
  ...DELIVERY_DEFINITIONS,
  ...SELF_AND_LEAVE_DEFINITIONS,
};

/** The collection's schema with its indexes. A new object on every call: models may not share one. */
export function buildSchema(collection: CollectionName): Schema {
  const definition = DEFINITIONS[collection];
  const schema = new Schema(
    { _id: { type: String, required: true, minlength: 1, maxlength: 64 }, ...definition },
    {
      collection,
      versionKey: false,
      id: false,
      // Empty objects are data here (an audit entry without details, a scorecard line without inputs).
      minimize: false,
      // The store creates collections and indexes itself when it opens, and never queues commands
      // while disconnected: a write either reaches the database or fails with UNAVAILABLE.
      autoIndex: false,
      autoCreate: false,
      bufferCommands: false,
    },
  );
  for (const ix of indexesFor(collection, 'requestId' in definition)) schema.index(ix.fields, ix.options);
  return schema;
}
