import { isLocalDate } from '../../domain/dates.js';
import { AppError, isAppError } from '../../domain/errors.js';
import type { ReviewCycle } from '../../domain/model/cycle.js';
import type { Person } from '../../domain/model/people.js';
import type { AppDeps } from '../deps.js';
import { ensureDefaultTemplate } from '../templates.js';
import { audit, findCycle, periodFrom, requireHr, transition } from './cycles.js';

/**
 * `/cycle plan <period> [close YYYY-MM-DD]` (HR): the cycle is prepared (targets can be set) but
 * not yet open; `/cycle open` starts data collection.
 */
export const planCycle = (deps: AppDeps, actor: Person, input: { period: string | undefined; closeDate?: string | undefined }): Promise<ReviewCycle> =>
  openCycle(deps, actor, input, 'planned');

/**
 * `/cycle open <period> [close YYYY-MM-DD]` (HR): the period's cycle, collecting data, scored with
 * the current version of the default template. One cycle per period; a planned one is opened.
 */
export async function openCycle(
  deps: AppDeps,
  actor: Person,
  input: { period: string | undefined; closeDate?: string | undefined },
  state: 'planned' | 'collecting' = 'collecting',
): Promise<ReviewCycle> {
  requireHr(actor, state === 'planned' ? 'plan a review cycle' : 'open a review cycle');
  const period = periodFrom(input.period);
  if (input.closeDate !== undefined && !isLocalDate(input.closeDate)) {
    throw new AppError('VALIDATION', `not a date: ${input.closeDate}`, { params: { messageId: 'cycle.error.badDate', value: input.closeDate } });
  }
  if (input.closeDate !== undefined && input.closeDate < period.to) {
    // Entries close after the period: before its last day, reps could not log what they are doing.
    throw new AppError('VALIDATION', `close date ${input.closeDate} is before ${period.key} ends`, {
      params: { messageId: 'cycle.error.closeBeforeEnd', date: input.closeDate, period: period.key, end: period.to },
    });
  }
  const existing = await findCycle(deps, period);
  if (existing?.state === 'planned' && state === 'collecting') {
    const opened = { ...existing, ...(input.closeDate ? { entryCloseDate: input.closeDate } : {}) };
    return transition(deps, actor, opened, 'collecting', { entryCloseDate: opened.entryCloseDate ?? null });
  }
  if (existing) throw exists(period.key, existing.state);
  const template = await ensureDefaultTemplate(deps);
  const at = deps.clock.now().toISOString();
  let cycle: ReviewCycle;
  try {
    ({ record: cycle } = await deps.store.cycles.insert({
      id: deps.newId(),
      periodKey: period.key,
      templateId: template.key,
      templateVersion: template.version,
      state,
      ...(input.closeDate ? { entryCloseDate: input.closeDate } : {}),
      createdAt: at,
      createdBy: actor.id,
      updatedAt: at,
    }));
  } catch (e) {
    // Two HR people opening the same period at once: the unique key refuses the second.
    if (isAppError(e) && e.code === 'CONFLICT') throw exists(period.key, state);
    throw e;
  }
  await audit(deps, actor, state === 'planned' ? 'cycle.plan' : 'cycle.open', cycle.id, { periodKey: period.key, templateVersion: template.version, entryCloseDate: input.closeDate ?? null });
  return cycle;
}

const exists = (period: string, state: string): AppError =>
  new AppError('CONFLICT', `a review cycle for ${period} already exists`, { params: { messageId: 'cycle.error.exists', period, state } });
