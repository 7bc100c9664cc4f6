import type { DormantAccount } from '../domain/accounts/dormancy.js';
import { dormantPhrase } from './account-views.js';
import type { Locale } from '../domain/model/fields.js';
import type { ScorecardReport } from '../domain/read-models/scorecard-report.js';
import type { Pacing } from '../domain/scoring/analysis.js';
import { HOME_ACTIONS } from './home-view.js';
import { t } from './i18n.js';
import { pacingBlocks, scorecardView, type ViewContext } from './scorecard-view.js';
import type { Block, View } from './view.js';

/** The scheduled messages as platform-neutral views. */

export const REMINDER_ACTIONS = { logFollowUp: 'reminder.log-follow-up' } as const;

export interface FollowUpItem {
  activityId: string;
  accountId: string;
  accountName: string;
  step: string;
  visitDate: string;
}

/** One DM a morning with every follow-up due today, each with a button to log it. */
export function followUpView(locale: Locale, items: readonly FollowUpItem[]): View {
  return {
    title: t(locale, 'job.followUp.text', { n: items.length }),
    blocks: [
      { type: 'header', text: t(locale, 'job.followUp.title') },
      ...items.map((i) => ({
        type: 'item' as const,
        text: t(locale, 'job.followUp.line', { account: i.accountName, step: i.step, date: i.visitDate }),
        buttons: [{ id: REMINDER_ACTIONS.logFollowUp, label: t(locale, 'job.followUp.button'), value: JSON.stringify({ accountId: i.accountId, activityId: i.activityId }), style: 'primary' as const }],
      })),
    ],
  };
}

/** Monday's nudge for a rep behind pace: where they stand and what it takes, with a one-click log. */
export function nudgeView(ctx: ViewContext, input: { week: string; behind: string[]; pacing: Pacing | null; dormant?: readonly DormantAccount[] }): View {
  const { locale } = ctx;
  // `2026-W48` → 48: the year is plain from the date the message arrives.
  const week = String(Number(input.week.slice(-2)));
  const indicators = input.behind.join(t(locale, 'job.list.separator'));
  const dormant = input.dormant ?? [];
  const dormantText: Block[] = dormant.length
    ? [{ type: 'text', text: t(locale, 'job.nudge.dormant', { list: dormant.slice(0, 10).map((d) => dormantPhrase(locale, d)).join(t(locale, 'job.list.separator')) }) }]
    : [];
  const behind = input.behind.length > 0 && input.pacing !== null;
  return {
    title: behind ? t(locale, 'job.nudge.summary', { week, indicators }) : t(locale, 'job.nudge.dormantTitle', { week }),
    blocks: [
      { type: 'header', text: behind ? t(locale, 'job.nudge.title', { week }) : t(locale, 'job.nudge.dormantTitle', { week }) },
      ...(behind ? [{ type: 'text' as const, text: t(locale, 'job.nudge.behind', { indicators }) }, ...pacingBlocks(ctx, { pacing: input.pacing! })] : []),
      ...dormantText,
      { type: 'actions', buttons: [{ id: HOME_ACTIONS.logVisit, label: t(locale, 'job.nudge.button'), value: 'nudge', style: 'primary' }] },
    ],
  };
}

/** The monthly scorecard DM: the explained scorecard of the quarter so far. */
export function monthlyScorecardView(ctx: ViewContext, report: ScorecardReport): View {
  const card = scorecardView(ctx, report);
  const intro = t(ctx.locale, 'job.scorecard.intro', { period: report.period.key });
  return { title: intro, blocks: [{ type: 'text', text: intro }, ...card.blocks] };
}
