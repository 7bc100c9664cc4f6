import { isoWeek } from '../../domain/dates.js';
import { quarterOf } from '../../domain/period.js';
import { t } from '../../views/i18n.js';
import { nudgeView } from '../../views/job-views.js';
import { pacing } from '../../domain/scoring/analysis.js';
import { byOwner, findDormantAccounts } from '../accounts/dormant-accounts.js';
import { scorePeriod } from '../score-period.js';
import type { Job } from './job.js';
import { atLocalTime, dmTargetOf } from './recipients.js';

/** The indicators a nudge looks at: the ones a rep moves week by week. */
const WATCHED = ['visits', 'revenue'] as const;

/**
 * Monday morning: a rep behind pace on visits or revenue gets a DM with where they stand, what it
 * takes to reach the next grade, and a one-click "log a visit"; a rep with key accounts past their
 * visit cadence (dormant) gets them listed. Nobody on pace without dormant accounts is nagged.
 */
export const weeklyNudge: Job = {
  name: 'weekly-nudge',
  description: 'DM reps behind pace on visits or revenue (Mondays, 09:00 local)',
  defaultSchedule: '0 7 * * 1',
  workDaysOnly: false,
  runKey: (date) => isoWeek(date),
  async plan(deps, run) {
    const period = quarterOf(run.date);
    const [scores, dormant] = await Promise.all([scorePeriod(deps, period), findDormantAccounts(deps, { asOf: run.date })]);
    const dormantBy = byOwner(dormant);
    const deliveries = [];
    // One scoring pass for everyone; pacing is pure arithmetic on what it already loaded.
    for (const { rep, card, actuals, targets } of scores.reps.values()) {
      if (!rep.active) continue;
      const to = dmTargetOf(rep, run.platforms);
      if (!to) continue;
      const pace = card.noData ? null : pacing(scores.template, period, run.date, rep.id, actuals, targets);
      const behind = (pace?.indicators ?? []).filter((i) => (WATCHED as readonly string[]).includes(i.key) && i.onPace === false);
      const mine = dormantBy.get(rep.id) ?? [];
      if (behind.length === 0 && mine.length === 0) continue;
      const view = nudgeView(
        { locale: rep.locale, currency: deps.settings.baseCurrency },
        { week: run.runKey, behind: behind.map((b) => t(rep.locale, `indicator.${b.key}`)), pacing: behind.length ? pace : null, dormant: mine },
      );
      deliveries.push({ job: this.name, runKey: run.runKey, ...to, message: { text: view.title, view }, notBefore: atLocalTime(deps, rep, run.date, 9) });
    }
    return deliveries;
  },
};
