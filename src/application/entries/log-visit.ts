import type { z } from 'zod';
import { AppError } from '../../domain/errors.js';
import { nextStepIssues, type Activity } from '../../domain/model/entries.js';
import type { Person } from '../../domain/model/people.js';
import type { VisitLogged } from '../../domain/read-models/entry-logged.js';
import { quarterOf } from '../../domain/period.js';
import { indexTargets, resolveTargets } from '../../domain/scoring/targets.js';
import type { AppDeps } from '../deps.js';
import { assertDateOpen, requireRole, today, type EntryOptions } from '../guards.js';
import { templateForPeriod } from '../templates.js';
import { parseInput } from '../validate.js';
import { VisitInput } from './inputs.js';
import { newAccountWrite, resolveAccount } from './resolve-account.js';

/** A visit's stored fields, apart from who, where and the record's identity. */
export type VisitFields = Omit<Activity, 'id' | 'repId' | 'accountId' | 'requestId' | 'createdAt'>;

/**
 * Checks a visit form's input and returns the fields to store: the same rules for a new visit and an
 * edited one. The date defaults to today and must be open; the next step follows the record's rule
 * (nextStepIssues). Nothing is written, so a refused visit never leaves a new account behind.
 */
export async function visitFields(deps: AppDeps, input: Omit<z.output<typeof VisitInput>, 'requestId'>, opts: EntryOptions = {}): Promise<VisitFields> {
  const date = input.date ?? today(deps);
  await assertDateOpen(deps, date, 'date', opts);
  const issues = nextStepIssues({ date, nextStep: input.nextStep, nextStepDate: input.nextStepDate });
  if (issues.length > 0) throw new AppError('VALIDATION', `bad next step: ${issues.map((i) => i.message).join('; ')}`, { issues });
  return {
    kind: input.kind,
    mode: input.mode,
    date,
    contacts: input.contacts,
    purpose: input.purpose,
    outcome: input.outcome,
    ...(input.nextStep ? { nextStep: input.nextStep } : {}),
    ...(input.nextStepDate ? { nextStepDate: input.nextStepDate } : {}),
  };
}

/** A new account and its visit are one batch: both are stored, or neither. */
async function storeVisit(deps: AppDeps, actor: Person, input: z.output<typeof VisitInput>, fields: VisitFields) {
  const { account, created: accountCreated } = await resolveAccount(deps, actor, input.account);
  const visit: Activity = {
    id: deps.newId(),
    repId: actor.id,
    accountId: account.id,
    ...fields,
    requestId: input.requestId,
    createdAt: deps.clock.now().toISOString(),
  };
  const result = await deps.store.writeBatch([...(accountCreated ? [newAccountWrite(account)] : []), { op: 'insert', collection: 'activities', record: visit }]);
  if (result.created) return { record: result.records.at(-1) as Activity, account, accountCreated, created: true };
  // The same request was stored meanwhile (a platform retry racing the first delivery).
  const stored = result.stored.record as Activity;
  return { record: stored, account: (await deps.store.accounts.get(stored.accountId))!, accountCreated: false, created: false };
}

/** `/visit`: records a client visit, call or follow-up for the acting rep. */
export async function logVisit(deps: AppDeps, actor: Person, raw: VisitInput, opts: EntryOptions = {}): Promise<VisitLogged> {
  requireRole(actor, ['rep', 'manager'], 'log visits');
  const input = parseInput(VisitInput, raw);
  const fields = await visitFields(deps, input, opts);
  // A retried submission must not create the account twice: look the request up first.
  const [prior] = await deps.store.activities.find({ requestId: input.requestId }, { limit: 1 });
  const { record, account, accountCreated, created } = prior
    ? { record: prior, account: (await deps.store.accounts.get(prior.accountId))!, accountCreated: false, created: false }
    : await storeVisit(deps, actor, input, fields);

  const period = quarterOf(today(deps));
  // The visits indicator counts every activity of the quarter: one indexed count, not the full actuals.
  const [visits, template, targets] = await Promise.all([
    deps.store.activities.count({ repId: actor.id, date: { gte: period.from, lte: period.to } }),
    templateForPeriod(deps, period),
    deps.store.targets.find({ periodKey: period.key, scopeId: { in: [actor.id, ...(actor.teamId ? [actor.teamId] : [])] } }),
  ]);
  const target = resolveTargets(template, period, actor, indexTargets(targets)).visits?.value ?? null;
  return {
    activity: record,
    accountName: account.name,
    accountCreated,
    created,
    quarter: { key: period.key, visits, target },
  };
}
