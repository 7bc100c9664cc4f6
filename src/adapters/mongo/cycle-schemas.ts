import type { SchemaDefinition } from 'mongoose';
import { CYCLE_STATES, DECISION_STATES, INTERVIEW_STATES, LATE_ENTRY_KINDS, PLAN_STATES } from '../../domain/model/cycle.js';
import { INDICATOR_KEYS } from '../../domain/model/indicators.js';
import { CATEGORY_KEYS } from '../../domain/model/template.js';
import type { CollectionName } from '../../domain/records.js';
import { atMost, id, localDate, mixed, name, nonEmpty, oneOf, oneOfOrNull, periodKey, requestId, sub, text, timestamp, wholeNumber } from './schema-fields.js';

/**
 * Mongoose definitions of what HR and managers record around a review cycle (domain/model/cycle.ts,
 * template.ts, targets.ts, scorecard.ts). See schemas.ts for how they become schemas.
 */

const weight = { type: Number, required: true, max: 100, validate: { validator: (v: number) => v > 0, message: '{PATH} must be more than 0' } };
const num = { type: Number, required: true };
/** A zod `.nullable()` number: present, possibly null. */
const nullableNum = { type: Number };

const scorecard = sub({
  repId: id(),
  periodKey: periodKey(),
  templateId: id(),
  templateVersion: wholeNumber(1),
  indicators: [
    sub({
      key: oneOf(INDICATOR_KEYS),
      category: oneOf(CATEGORY_KEYS),
      actual: nullableNum,
      inputs: { type: Map, of: Number, required: true },
      target: nullableNum,
      targetSource: oneOfOrNull(['template', 'team', 'rep']),
      proration: { type: Number, required: true, min: 0, max: 1 },
      leaveDays: { type: Number, min: 0 },
      scoring: mixed(),
      score: nullableNum,
      missing: oneOfOrNull(['no_data', 'no_target']),
      applied: oneOfOrNull(['excluded', 'neutral']),
      capped: { type: Boolean, required: true },
      weight: num,
      effectiveWeight: num,
      contribution: num,
    }),
  ],
  categories: [sub({ key: oneOf(CATEGORY_KEYS), weight: num, effectiveWeight: num, score: nullableNum, contribution: num })],
  baseTotal: num,
  adjustments: [sub({ id: id(), delta: num, reason: text('reason'), by: id() })],
  total: num,
  grade: text('grade'),
  bonusMultiplier: num,
  penalty: { type: Boolean, required: true },
  noData: { type: Boolean, required: true },
});

const reason = { type: String, required: true, minlength: 10, maxlength: 2000 };

type CycleCollection = Extract<
  CollectionName,
  'templates' | 'targets' | 'cycles' | 'adjustments' | 'results' | 'interviews' | 'plans' | 'awards' | 'audit' | 'appeals' | 'lateEntries'
>;

export const CYCLE_DEFINITIONS: Record<CycleCollection, SchemaDefinition> = {
  templates: {
    key: { type: String, required: true, match: /^[a-z0-9][a-z0-9_-]{0,40}$/ },
    version: wholeNumber(1),
    name: name(),
    categories: {
      type: [
        sub({
          key: oneOf(CATEGORY_KEYS),
          weight,
          indicators: {
            type: [sub({ key: oneOf(INDICATOR_KEYS), weight, scoring: mixed(), missing: mixed(), defaultTarget: { type: Number, min: 0 } })],
            validate: nonEmpty,
          },
        }),
      ],
      validate: nonEmpty,
    },
    grades: {
      type: [
        sub({
          grade: { type: String, required: true, minlength: 1, maxlength: 8 },
          minScore: { type: Number, required: true, min: 0 },
          bonusMultiplier: { type: Number, required: true, min: 0, max: 10 },
        }),
      ],
      validate: { validator: (v: unknown[]) => v.length >= 2, message: '{PATH} needs at least two grades' },
    },
    annualQuarterWeights: {
      type: [{ type: Number, min: 0 }],
      validate: { validator: (v: unknown[]) => v.length === 4, message: '{PATH} needs one weight per quarter' },
    },
    accountTiers: {
      type: [
        sub({
          tier: { type: String, required: true, minlength: 1, maxlength: 32 },
          visitWeight: { type: Number, required: true, min: 0, max: 10 },
          cadenceDays: wholeNumber(1, 366, false),
        }),
      ],
      default: undefined,
    },
    createdAt: timestamp(),
    createdBy: id(false),
  },
  targets: {
    periodKey: periodKey(),
    indicator: oneOf(INDICATOR_KEYS),
    scope: oneOf(['team', 'rep']),
    scopeId: id(),
    value: { type: Number, required: true, max: 1e12, validate: { validator: (v: number) => v > 0, message: '{PATH} must be more than 0' } },
    createdAt: timestamp(),
    createdBy: id(false),
  },
  cycles: {
    periodKey: periodKey(),
    templateId: id(),
    templateVersion: wholeNumber(1),
    state: oneOf(CYCLE_STATES),
    entryCloseDate: localDate(false),
    meeting: sub({
      at: { type: String, required: true },
      place: text('place', 500),
      participantIds: { type: [id()], validate: atMost(200) },
    }),
    createdAt: timestamp(),
    createdBy: id(),
    updatedAt: timestamp(),
  },
  adjustments: {
    periodKey: periodKey(),
    repId: id(),
    delta: { type: Number, required: true, min: -100, max: 100, validate: { validator: (v: number) => v !== 0, message: 'an adjustment of 0 changes nothing' } },
    reason,
    byId: id(),
    at: timestamp(),
    state: oneOf(['pending', 'accepted', 'rejected'], false),
    decidedBy: id(false),
    decidedAt: timestamp(false),
  },
  results: {
    periodKey: periodKey(),
    repId: id(),
    version: wholeNumber(1),
    scorecard: { type: scorecard, required: true },
    bonusAmount: { type: Number, min: 0 },
    awardIds: [id()],
    publishedAt: timestamp(),
    publishedBy: id(),
    reason: text('reason', 500),
    appealId: id(false),
  },
  interviews: {
    periodKey: periodKey(),
    repId: id(),
    managerId: id(),
    state: oneOf(INTERVIEW_STATES),
    scheduledAt: timestamp(false),
    place: { type: String, maxlength: 500 },
    heldOn: localDate(false),
    notes: text('notes', 4000),
    repView: text('repView', 4000),
    createdAt: timestamp(),
    updatedAt: timestamp(false),
  },
  plans: {
    periodKey: periodKey(),
    targetPeriodKey: periodKey(),
    repId: id(),
    managerId: id(),
    interviewId: id(false),
    goals: {
      type: [
        sub({
          text: { type: String, required: true, minlength: 1, maxlength: 500 },
          indicator: oneOf(INDICATOR_KEYS, false),
          baseline: { type: Number },
          target: { type: Number },
          dueDate: localDate(),
        }),
      ],
      validate: [nonEmpty, atMost(20)],
    },
    checkIns: { type: [sub({ date: localDate(), note: text('note', 500), done: { type: Boolean, required: true } })], validate: atMost(52) },
    state: oneOf(PLAN_STATES),
    acknowledgedAt: timestamp(false),
    createdAt: timestamp(),
  },
  awards: {
    periodKey: periodKey(),
    repId: id(),
    title: name(),
    reason,
    grantedBy: id(),
    state: oneOf(['pending', 'approved', 'rejected']),
    decidedBy: id(false),
    decidedAt: timestamp(false),
    decisionNote: { type: String, maxlength: 500 },
    createdAt: timestamp(),
  },
  appeals: {
    number: wholeNumber(1, undefined, false),
    periodKey: periodKey(),
    repId: id(),
    resultVersion: wholeNumber(1),
    reason,
    state: oneOf(DECISION_STATES),
    decidedBy: id(false),
    decidedAt: timestamp(false),
    decisionReason: { type: String, minlength: 10, maxlength: 2000 },
    newVersion: wholeNumber(2, undefined, false),
    createdAt: timestamp(),
    requestId: requestId(),
  },
  lateEntries: {
    periodKey: periodKey(),
    repId: id(),
    managerId: id(),
    kind: oneOf(LATE_ENTRY_KINDS),
    input: mixed(),
    summary: text('summary', 500),
    state: oneOf(['pending', 'approved', 'declined']),
    decidedBy: id(false),
    decidedAt: timestamp(false),
    recordId: id(false),
    createdAt: timestamp(),
    requestId: requestId(),
  },
  audit: {
    at: timestamp(),
    actorId: id(),
    action: { type: String, required: true, minlength: 1, maxlength: 64 },
    subjectId: id(false),
    details: mixed(),
  },
};
