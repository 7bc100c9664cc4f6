import type { z } from 'zod';
import { AppError, type FieldIssue } from './errors.js';
import { AccountSchema } from './model/accounts.js';
import {
  AdjustmentSchema,
  AppealSchema,
  LateEntrySchema,
  AuditEntrySchema,
  AwardSchema,
  ImprovementPlanSchema,
  InterviewSchema,
  PublishedResultSchema,
  ReviewCycleSchema,
} from './model/cycle.js';
import { ActivitySchema, DealSchema, FeedbackSchema, IntelSchema, PaymentSchema, PeerReviewSchema } from './model/entries.js';
import { PersonSchema, TeamSchema } from './model/people.js';
import { AbsenceSchema, SelfReviewSchema } from './model/self-and-leave.js';
import { ProcessedEventSchema, SettingSchema } from './model/settings.js';
import { LeaseSchema, OutboxItemSchema } from './model/delivery.js';
import { TargetSchema } from './model/targets.js';
import { SurveySchema } from './model/survey.js';
import { KpiTemplateSchema } from './model/template.js';

/**
 * The one registry of stored records: each collection's schema, the references it must satisfy,
 * the fields it can be queried by, and its unique keys. Both store adapters build their tables,
 * collections and indexes from this, and both validate every write through `validateRecord`.
 */
export const COLLECTION_NAMES = [
  'people',
  'teams',
  'accounts',
  'activities',
  'deals',
  'payments',
  'feedback',
  'peerReviews',
  'intel',
  'templates',
  'targets',
  'cycles',
  'adjustments',
  'results',
  'interviews',
  'plans',
  'awards',
  'audit',
  'settings',
  'processedEvents',
  'outbox',
  'leases',
  'appeals',
  'lateEntries',
  'selfReviews',
  'absences',
  'surveys',
] as const;
export type CollectionName = (typeof COLLECTION_NAMES)[number];

export interface CollectionSpec<S extends z.ZodType = z.ZodType> {
  schema: S;
  /** field → collection it must point at; a function when the target depends on the record. */
  refs: Record<string, CollectionName | ((record: Record<string, unknown>) => CollectionName | null)>;
  /** Scalar fields that `find` can filter and sort on (each gets an index). */
  indexed: readonly string[];
  /** Array fields whose every element is indexed and unique across the collection. */
  uniqueArrays: readonly string[];
  /** Unique keys (besides `id`, and `requestId` which is always unique when present). */
  unique: readonly (readonly string[])[];
}

const spec = <S extends z.ZodType>(s: Partial<CollectionSpec<S>> & { schema: S }): CollectionSpec<S> => ({
  refs: {},
  indexed: [],
  uniqueArrays: [],
  unique: [],
  ...s,
});

export const COLLECTIONS = {
  people: spec({
    schema: PersonSchema,
    refs: { teamId: 'teams', managerId: 'people' },
    indexed: ['teamId', 'managerId', 'active'],
    uniqueArrays: ['identities'],
  }),
  teams: spec({ schema: TeamSchema, refs: { managerId: 'people' }, indexed: ['name'], unique: [['name']] }),
  accounts: spec({
    schema: AccountSchema,
    refs: { ownerId: 'people', firstWonBy: 'people' },
    indexed: ['nameKey', 'ownerId', 'tier'],
    unique: [['nameKey']],
  }),
  activities: spec({
    schema: ActivitySchema,
    refs: { repId: 'people', accountId: 'accounts' },
    indexed: ['repId', 'accountId', 'date', 'nextStepDate'],
  }),
  deals: spec({
    schema: DealSchema,
    refs: { repId: 'people', accountId: 'accounts' },
    indexed: ['repId', 'accountId', 'signedDate', 'dueDate'],
  }),
  payments: spec({
    schema: PaymentSchema,
    refs: { dealId: 'deals', repId: 'people' },
    indexed: ['dealId', 'repId', 'dueDate', 'receivedDate'],
  }),
  feedback: spec({
    schema: FeedbackSchema,
    refs: { repId: 'people', accountId: 'accounts' },
    indexed: ['repId', 'accountId', 'date'],
  }),
  peerReviews: spec({
    schema: PeerReviewSchema,
    refs: { fromId: 'people', toId: 'people' },
    indexed: ['fromId', 'toId', 'periodKey'],
    unique: [['fromId', 'toId', 'periodKey']],
  }),
  intel: spec({ schema: IntelSchema, refs: { repId: 'people' }, indexed: ['repId', 'date'] }),
  templates: spec({ schema: KpiTemplateSchema, indexed: ['key', 'version'], unique: [['key', 'version']] }),
  targets: spec({
    schema: TargetSchema,
    refs: { scopeId: (t: Record<string, unknown>) => (t.scope === 'team' ? 'teams' : 'people') },
    indexed: ['periodKey', 'scopeId'],
    unique: [['periodKey', 'indicator', 'scope', 'scopeId']],
  }),
  cycles: spec({ schema: ReviewCycleSchema, indexed: ['periodKey', 'state'], unique: [['periodKey']] }),
  adjustments: spec({ schema: AdjustmentSchema, refs: { repId: 'people', byId: 'people' }, indexed: ['periodKey', 'repId'] }),
  results: spec({
    schema: PublishedResultSchema,
    refs: { repId: 'people', publishedBy: 'people' },
    indexed: ['periodKey', 'repId', 'version'],
    unique: [['periodKey', 'repId', 'version']],
  }),
  interviews: spec({
    schema: InterviewSchema,
    refs: { repId: 'people', managerId: 'people' },
    indexed: ['periodKey', 'repId', 'managerId'],
    unique: [['periodKey', 'repId']],
  }),
  plans: spec({
    schema: ImprovementPlanSchema,
    refs: { repId: 'people', managerId: 'people' },
    indexed: ['periodKey', 'repId', 'managerId', 'state'],
  }),
  awards: spec({
    schema: AwardSchema,
    refs: { repId: 'people', grantedBy: 'people' },
    indexed: ['periodKey', 'repId', 'state'],
  }),
  audit: spec({ schema: AuditEntrySchema, indexed: ['actorId', 'action', 'subjectId', 'at'] }),
  settings: spec({ schema: SettingSchema }),
  processedEvents: spec({ schema: ProcessedEventSchema, indexed: ['receivedAt'] }),
  outbox: spec({ schema: OutboxItemSchema, indexed: ['state', 'job', 'runKey', 'platform', 'nextAttemptAt'], unique: [['key']] }),
  leases: spec({ schema: LeaseSchema, indexed: ['expiresAt'] }),
  appeals: spec({
    schema: AppealSchema,
    refs: { repId: 'people', decidedBy: 'people' },
    indexed: ['periodKey', 'repId', 'state'],
  }),
  lateEntries: spec({
    schema: LateEntrySchema,
    refs: { repId: 'people', managerId: 'people', decidedBy: 'people' },
    indexed: ['periodKey', 'repId', 'managerId', 'state'],
  }),
  selfReviews: spec({ schema: SelfReviewSchema, refs: { repId: 'people' }, indexed: ['periodKey', 'repId'], unique: [['periodKey', 'repId']] }),
  absences: spec({ schema: AbsenceSchema, refs: { personId: 'people', createdBy: 'people' }, indexed: ['personId', 'from', 'to'] }),
  surveys: spec({
    schema: SurveySchema,
    refs: { accountId: 'accounts', repId: 'people', createdBy: 'people', feedbackId: 'feedback' },
    indexed: ['tokenHash', 'repId'],
    unique: [['tokenHash']],
  }),
} as const satisfies Record<CollectionName, CollectionSpec>;

export type Collections = typeof COLLECTIONS;
export type RecordOf<N extends CollectionName> = z.output<Collections[N]['schema']>;
/** What callers pass in: defaults (locale, active …) may be left out. */
export type RecordInput<N extends CollectionName> = z.input<Collections[N]['schema']>;


/** zod issues → field issues with dotted paths. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(record)', message: i.message }));
}

/** Parses a record with its collection's schema; a bad value throws VALIDATION naming each field. */
export function validateRecord<N extends CollectionName>(name: N, input: unknown): RecordOf<N> {
  const result = COLLECTIONS[name].schema.safeParse(input);
  if (!result.success) {
    const issues = toFieldIssues(result.error);
    throw new AppError('VALIDATION', `invalid ${name} record: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`, {
      params: { collection: name },
      issues,
    });
  }
  return result.data as RecordOf<N>;
}

/** The references a record makes: [field, collection, id] for every ref field that is set. */
export function referencesOf(name: CollectionName, record: Record<string, unknown>): [string, CollectionName, string][] {
  const out: [string, CollectionName, string][] = [];
  for (const [field, target] of Object.entries(COLLECTIONS[name].refs)) {
    const value = record[field];
    if (typeof value !== 'string') continue;
    const coll = typeof target === 'function' ? target(record) : target;
    if (coll) out.push([field, coll, value]);
  }
  return out;
}

/** Throws REFERENCE naming the first reference whose target does not exist. */
export function assertReferences(
  name: CollectionName,
  record: Record<string, unknown>,
  exists: (coll: CollectionName, id: string) => boolean,
): void {
  const missing = referencesOf(name, record).filter(([, coll, id]) => !exists(coll, id));
  if (missing.length > 0) {
    throw new AppError(
      'REFERENCE',
      missing.map(([field, coll, id]) => `${field}: no ${coll} record with id ${id}`).join('; '),
      {
        params: { collection: name, missing: missing.map(([field, coll, id]) => ({ field, collection: coll, id })) },
        issues: missing.map(([field, coll, id]) => ({ path: field, message: `no ${coll} record with id ${id}` })),
      },
    );
  }
}
