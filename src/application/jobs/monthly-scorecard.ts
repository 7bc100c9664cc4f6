import { firstWorkDayOfMonth } from '../../domain/work-calendar.js';
import { periodsBefore, quarterOf } from '../../domain/period.js';
import { monthlyScorecardView } from '../../views/job-views.js';
import type { Locale } from '../../domain/model/fields.js';
import type { TrendChartSpec } from '../../views/trend-chart.js';
import type { Delivery } from '../delivery/enqueue.js';
import type { ScorecardReport } from '../../domain/read-models/scorecard-report.js';
import { assembleReport } from '../get-scorecard.js';
import { scorePeriod } from '../score-period.js';
import { HISTORY_PERIODS, pastTotals } from '../past-totals.js';
import { comparisonFor, comparisonPrivacy } from '../team-comparison.js';
import type { Job } from './job.js';
import { atLocalTime, dmTargetOf } from './recipients.js';

/**
 * The first work day of each month: every rep gets their explained scorecard for the quarter so
 * far by DM, at 09:00 their time. Each period is scored once for everybody, not once per rep.
 */
export const monthlyScorecard: Job = {
  name: 'monthly-scorecard',
  description: 'DM every rep their scorecard for the quarter so far (first work day of the month, 09:00 local)',
  defaultSchedule: '0 7 * * *',
  workDaysOnly: true,
  whileAway: 'defer',
  runKey: (date) => date.slice(0, 7),
  dueOn: (date, calendar) => firstWorkDayOfMonth(calendar, date) === date,
  async plan(deps, run) {
    const period = quarterOf(run.date);
    // periodsBefore is oldest first, as the report's history wants.
    const everyone = await deps.store.people.find();
    const [current, past] = await Promise.all([scorePeriod(deps, period, { everyone }), pastTotals(deps, periodsBefore(period, HISTORY_PERIODS), { everyone })]);
    const teams = new Map((await deps.store.teams.find()).map((t) => [t.id, t]));
    const privacy = await comparisonPrivacy(deps);
    const deliveries: Delivery[] = [];
    for (const { rep } of current.reps.values()) {
      if (!rep.active) continue;
      const to = dmTargetOf(rep, run.platforms);
      if (!to) continue;
      // The rep reads it: the team comparison as far as it reveals nobody else's figures.
      const report = comparisonFor(rep, assembleReport(deps, { rep, team: (rep.teamId && teams.get(rep.teamId)) || null, current, past }), privacy);
      const view = monthlyScorecardView({ locale: rep.locale, currency: deps.settings.baseCurrency }, report);
      const chart = trendChartOf(rep.locale, report);
      deliveries.push({ job: this.name, runKey: run.runKey, ...to, message: { text: view.title, view, chart }, notBefore: atLocalTime(deps, rep, run.date, 9) });
    }
    return deliveries;
  },
};

/** The trend chart's data: past quarters' totals, the forecast for this quarter, the grade bands. */
export function trendChartOf(locale: Locale, report: ScorecardReport): TrendChartSpec {
  // While the quarter runs (pacing is set) the forecast is for it; once over, its total is a point
  // and the forecast is for the quarter after. The report says which, and its number is the text's.
  const running = report.pacing !== null;
  const points = report.history.map((h) => ({ period: h.periodKey, total: h.total }));
  if (!running) points.push({ period: report.period.key, total: report.card.noData ? null : report.card.total });
  const f = report.forecast;
  return {
    kind: 'trend',
    locale,
    points,
    forecast: f ? { period: f.periodKey, total: f.value, low: f.low, high: f.high } : null,
    bands: report.template.grades.map((g) => ({ grade: g.grade, minScore: g.minScore })),
  };
}
