import { daysBetween, todayIn, type LocalDate } from '../../domain/dates.js';
import type { Clock } from '../../ports/clock.js';

/**
 * The console's clock: the real one moved by whole days (`/date 2027-01-04`), so a newcomer can see
 * what month-end scorecards and Monday digests say. Only this console's answers and jobs see it.
 */
export function movableClock(real: Clock, timeZone: string): Clock & { moveTo(date: LocalDate): LocalDate } {
  let offsetMs = 0;
  const now = () => new Date(real.now().getTime() + offsetMs);
  return {
    now,
    moveTo(date) {
      offsetMs += daysBetween(todayIn(timeZone, now()), date) * 86_400_000;
      return todayIn(timeZone, now());
    },
  };
}
