import { isoWeek } from '../../domain/dates.js';
import { quarterOf } from '../../domain/period.js';
import { t } from '../../views/i18n.js';
import { rankingView } from '../../views/ranking-view.js';
import type { Delivery } from '../delivery/enqueue.js';
import { channelLocale } from '../deps.js';
import { getRanking } from '../get-ranking.js';
import type { Job } from './job.js';
import { channelTargets } from './recipients.js';

/**
 * Friday afternoon: the quarter-so-far ranking in each rankings channel, as the privacy setting
 * allows (full scores, ranks only, the top N; people who opted out left out). With rankings set to
 * "own position only" the channel is told to use /ranking instead.
 */
export const weeklyRanking: Job = {
  name: 'weekly-ranking',
  description: 'Post the ranking to the rankings channel(s) (Fridays, 16:00)',
  defaultSchedule: '0 16 * * 5',
  workDaysOnly: false,
  runKey: (date) => isoWeek(date),
  async plan(deps, run) {
    const targets = await channelTargets(deps, 'rankings', run.platforms);
    if (targets.length === 0) return [];
    const period = quarterOf(run.date);
    const r = await getRanking(deps, null, { period });
    // Channels are company-wide: written in the company's language (COMPANY_LOCALE).
    const locale = channelLocale(deps.settings);
    const view =
      r.mode === 'own_only'
        ? { title: t(locale, 'job.ranking.private'), blocks: [{ type: 'text' as const, text: t(locale, 'job.ranking.private') }] }
        : rankingView(locale, {
            periodKey: period.key,
            entries: r.entries,
            teamNames: r.teamNames,
            unrankedNames: [],
            showScores: r.showScores,
            ...(r.topN ? { topN: r.topN } : {}),
          });
    const title = t(locale, 'job.ranking.title', { period: period.key });
    return targets.map((to): Delivery => ({ job: this.name, runKey: run.runKey, ...to, message: { text: title, view: { ...view, title } } }));
  },
};
