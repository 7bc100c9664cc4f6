import type { AppDeps } from '../../application/deps.js';
import { dispatchDue } from '../../application/delivery/dispatch.js';
import type { Job } from '../../application/jobs/job.js';
import { runJob } from '../../application/jobs/job.js';
import { todayIn, zonedInstant } from '../../domain/dates.js';
import type { WorkCalendar } from '../../domain/work-calendar.js';
import type { ChatPlatform } from '../../ports/chat.js';

/**
 * The console's `/jobs`: runs every job for today as if its time had come (calendar rules still
 * apply) and sends what they queue at once, with the clock moved to the end of today so messages
 * waiting for a recipient's morning go out too. The same jobs, outbox and dispatcher as production.
 */
export async function fastForwardJobs(deps: AppDeps, jobs: readonly Job[], platform: ChatPlatform, calendar: WorkCalendar): Promise<string> {
  const tz = deps.settings.companyTimeZone;
  const date = todayIn(tz, deps.clock.now());
  const results = [];
  for (const job of jobs) {
    results.push(await runJob(deps, job, { date, platforms: [platform.name], calendar, owner: 'console' }));
  }
  const endOfDay = zonedInstant(date, 23, 59, tz);
  const later = { ...deps, clock: { now: () => (deps.clock.now() > endOfDay ? deps.clock.now() : endOfDay) } };
  const report = await dispatchDue(later, new Map([[platform.name, platform]]), { owner: 'console', sleep: async () => {} });
  return [
    ...results.map((r) => `${r.job} ${r.ran ? `${r.queued} queued` : `skipped (${r.skipped})`}`),
    `${report.sent} sent`,
  ].join(', ');
}
