import type { CycleCalendar } from '../../domain/cycle-calendar.js';
import type { ReviewCycle } from '../../domain/model/cycle.js';
import type { Person } from '../../domain/model/people.js';
import { quarterOf, type Period } from '../../domain/period.js';
import type { AppDeps } from '../deps.js';
import { today } from '../guards.js';
import { scorePeriod } from '../score-period.js';
import { calendarOf } from './calendar-check.js';
import { findCycle, periodFrom, requireHr } from './cycles.js';

export interface CycleStatus {
  period: Period;
  cycle: ReviewCycle | null;
  graded: number;
  noData: number;
  /** Null without a cycle: then there is nothing to review yet. */
  calendar: CycleCalendar | null;
}

/** `/cycle status [period]` (HR): the cycle's state and close date, how many days reps may still log, how many reps are graded or lack data. */
export async function cycleStatus(deps: AppDeps, actor: Person, input: { period?: string | undefined }): Promise<CycleStatus> {
  requireHr(actor, 'see the review cycle');
  const period = input.period ? periodFrom(input.period) : quarterOf(today(deps));
  const cycle = await findCycle(deps, period);
  const scores = await scorePeriod(deps, period);
  const cards = [...scores.reps.values()].map((s) => s.card);
  const calendar = cycle ? calendarOf(deps, cycle) : null;
  return { period, cycle, calendar, graded: cards.filter((c) => !c.noData).length, noData: cards.filter((c) => c.noData).length };
}
