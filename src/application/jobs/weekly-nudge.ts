import { isoWeek } from '../../domain/dates.js';
import { quarterOf } from '../../domain/period.js';
import { t } from '../../views/i18n.js';
import { nudgeView } from '../../views/job-views.js';
import { pacing } from '../../domain/scoring/analysis.js';
import { scorePeriod } from '../score-period.js';
import type { Job } from './job.js';
import { atLocalTime, dmTargetOf } from './recipients.js';

/** The indicators a nudge looks at: the ones a rep moves week by week. */
const WATCHED = ['visits', 'revenue'] as const;

/**
 * Monday morning: a rep behind pace on visits or revenue gets a DM with where they stand, what it
 * takes to reach the next grade, and a one-click "log a visit". Nobody on pace is nagged.
 */
export const weeklyNudge: Job = {
  name: 'weekly-nudge',
  description: 'DM reps behind pace on visits or revenue (Mondays, 09:00 local)',
  defaultSchedule: '0 7 * * 1',
  workDaysOnly: false,
  runKey: (date) => isoWeek(date),
  async plan(deps, run) {
    const period = quarterOf(run.date);
    const scores = await scorePeriod(deps, period);
    const deliveries = [];
    // One scoring pass for everyone; pacing is pure arithmetic on what it already loaded.
    for (const { rep, card, actuals, targets } of scores.reps.values()) {
      if (!rep.active || card.noData) continue;
      const to = dmTargetOf(rep, run.platforms);
      if (!to) continue;
      const pace = pacing(scores.template, period, run.date, rep.id, actuals, targets);
      const behind = pace.indicators.filter((i) => (WATCHED as readonly string[]).includes(i.key) && i.onPace === false);
      if (behind.length === 0) continue;
      const view = nudgeView(
        { locale: rep.locale, currency: deps.settings.baseCurrency },
        { week: run.runKey, behind: behind.map((b) => t(rep.locale, `indicator.${b.key}`)), pacing: pace },
      );
      deliveries.push({ job: this.name, runKey: run.runKey, ...to, message: { text: view.title, view }, notBefore: atLocalTime(deps, rep, run.date, 9) });
    }
    return deliveries;
  },
};
