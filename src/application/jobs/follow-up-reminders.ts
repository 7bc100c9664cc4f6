import { addDays } from '../../domain/dates.js';
import { isWorkDay } from '../../domain/work-calendar.js';
import type { Job } from './job.js';
import { atLocalTime, dmTargetOf } from './recipients.js';
import { followUpView, type FollowUpItem } from '../../views/job-views.js';

/**
 * Work-day mornings: a rep whose visit had a next step due today gets one DM listing those
 * follow-ups, each with a button to log the follow-up visit. Sent at 09:00 the rep's local time.
 * Follow-ups that fell due on the days off since the last work day come with the next work day's.
 */
export const followUpReminders: Job = {
  name: 'follow-up-reminders',
  description: 'DM reps the follow-ups due today (work days, 09:00 local)',
  defaultSchedule: '0 7 * * *',
  workDaysOnly: true,
  runKey: (date) => date,
  async plan(deps, run) {
    let from = run.date;
    for (let i = 0; i < 30 && !isWorkDay(run.calendar, addDays(from, -1)); i++) from = addDays(from, -1);
    const due = await deps.store.activities.find({ nextStepDate: { gte: from, lte: run.date } }, { sort: { field: 'nextStepDate', dir: 'asc' } });
    const byRep = new Map<string, FollowUpItem[]>();
    const accountNames = new Map<string, string>();
    for (const a of due) {
      if (!a.nextStep) continue;
      if (!accountNames.has(a.accountId)) accountNames.set(a.accountId, (await deps.store.accounts.get(a.accountId))?.name ?? a.accountId);
      const items = byRep.get(a.repId) ?? [];
      items.push({ activityId: a.id, accountId: a.accountId, accountName: accountNames.get(a.accountId)!, step: a.nextStep, visitDate: a.date });
      byRep.set(a.repId, items);
    }
    const deliveries = [];
    for (const [repId, items] of byRep) {
      const rep = await deps.store.people.get(repId);
      const to = rep?.active ? dmTargetOf(rep, run.platforms) : null;
      if (!rep || !to) continue;
      const view = followUpView(rep.locale, items);
      deliveries.push({ job: this.name, runKey: run.runKey, ...to, message: { text: view.title, view }, notBefore: atLocalTime(deps, rep, run.date, 9) });
    }
    return deliveries;
  },
};
