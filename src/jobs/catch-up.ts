import cron from 'node-cron';
import { todayIn } from '../domain/dates.js';

/**
 * The last minute at or before `now`, on the same company-local day, that the cron expression
 * matches, or null. A replica that was down over a job's minute (a deploy, a crash, a restart at
 * 08:59 that came back at 09:01) runs that slot when it starts; earlier days are not caught up
 * (yesterday's nudge is no use today, and a day's window keeps a long outage from replaying a
 * backlog of runs).
 */
export function lastSlotToday(schedule: string, timeZone: string, now: Date): Date | null {
  const probe = cron.createTask(schedule, () => undefined, { timezone: timeZone });
  try {
    const today = todayIn(timeZone, now);
    for (let t = Math.floor(now.getTime() / 60_000) * 60_000, i = 0; i < 24 * 60 + 60; i++, t -= 60_000) {
      const at = new Date(t);
      if (todayIn(timeZone, at) !== today) return null;
      if (probe.match(at)) return at;
    }
    return null;
  } finally {
    void probe.destroy();
  }
}
