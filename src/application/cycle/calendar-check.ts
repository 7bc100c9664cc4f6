import { cycleCalendar, isEarly, type CycleCalendar } from '../../domain/cycle-calendar.js';
import { AppError } from '../../domain/errors.js';
import type { ReviewCycle } from '../../domain/model/cycle.js';
import { parsePeriod } from '../../domain/period.js';
import { displayWidth, normaliseText, REASON_MIN_WIDTH } from '../../domain/text.js';
import type { AppDeps } from '../deps.js';
import { today } from '../guards.js';

/** The steps that freeze a period for its reps, and so wait for it to be over. */
export type CycleStep = 'review' | 'publish' | 'close';

const EARLY_REASON_MAX = 2000;

export const calendarOf = (deps: Pick<AppDeps, 'clock' | 'settings'>, cycle: ReviewCycle): CycleCalendar =>
  cycleCalendar(parsePeriod(cycle.periodKey), cycle.entryCloseDate, today(deps));

/**
 * Refuses a step that would freeze the period while reps may still log entries for it, unless HR
 * says so explicitly with a reason (`… early <reason>`). Returns what the step's audit entry must
 * record: for an override, the reason and how many days were cut off; nothing when on time (an
 * "early" said after the end is not an override, and is not recorded as one).
 */
export function checkCalendar(
  deps: Pick<AppDeps, 'clock' | 'settings'>,
  cycle: ReviewCycle,
  step: CycleStep,
  early: string | undefined,
): Record<string, unknown> {
  const cal = calendarOf(deps, cycle);
  if (!isEarly(cal)) return {};
  const params = { period: cycle.periodKey, days: cal.daysLeft, lastDay: cal.lastEntryDay, openFrom: cal.openFrom };
  if (early === undefined) {
    throw new AppError('CONFLICT', `${cycle.periodKey} still has ${cal.daysLeft} day(s) to run: ${step} refused`, {
      params: { messageId: `cycle.error.early.${step}`, ...params },
    });
  }
  const reason = normaliseText(early).trim();
  // Counted in display width, as every written reason is: 10 Latin characters or 5 Chinese ones.
  if (displayWidth(reason) < REASON_MIN_WIDTH || reason.length > EARLY_REASON_MAX) {
    throw new AppError('VALIDATION', `an early ${step} needs a reason of ${REASON_MIN_WIDTH}–${EARLY_REASON_MAX} characters`, {
      params: { messageId: 'cycle.error.earlyReason', min: REASON_MIN_WIDTH, minWide: REASON_MIN_WIDTH / 2, ...params },
    });
  }
  return { early: true, reason, daysLeft: cal.daysLeft, lastEntryDay: cal.lastEntryDay };
}
