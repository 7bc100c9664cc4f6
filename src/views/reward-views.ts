import type { ScorecardReport } from '../domain/read-models/scorecard-report.js';
import type { Appeal, Award, PublishedResult } from '../domain/model/cycle.js';
import type { Locale } from '../domain/model/fields.js';
import { fmtMoneyExact, fmtNumber, fmtScore } from './format.js';
import { t } from './i18n.js';
import { scorecardView, type ViewContext } from './scorecard-view.js';
import { fullScorecardLabel, movedText } from './summary-views.js';
import { yesNoButtons, type Block, type Button, type View } from './view.js';

/** Special awards and appeals: requests to HR with buttons, lists, decisions told to the people concerned. */

export const AWARD_APPROVE = 'decide:award.approve';
export const AWARD_REJECT = 'decide:award.reject';

const awardState = (locale: Locale, a: Pick<Award, 'state'>) => t(locale, `rewards.award.state.${a.state}`);
const appealState = (locale: Locale, a: Pick<Appeal, 'state'>) => t(locale, `rewards.appeal.state.${a.state}`);

/** HR's copy of a manager's award proposal, with Approve / Reject. */
export function awardRequestView(locale: Locale, x: { award: Award; repName: string; grantedByName: string }): View {
  const title = t(locale, 'rewards.award.request.title', { name: x.repName, period: x.award.periodKey });
  return {
    title,
    blocks: [
      { type: 'header', text: title },
      { type: 'text', text: t(locale, 'rewards.award.request.body', { by: x.grantedByName, name: x.repName, title: x.award.title, reason: x.award.reason }) },
      { type: 'actions', buttons: yesNoButtons(x.award.id, { id: AWARD_APPROVE, label: t(locale, 'rewards.award.approve') }, { id: AWARD_REJECT, label: t(locale, 'rewards.award.reject') }) },
    ],
  };
}

/** What replaces the request once decided (and what the proposer is told). */
export function awardDecidedView(locale: Locale, x: { award: Award; repName: string; deciderName: string }): View {
  const text = t(locale, `rewards.award.decided.${x.award.state === 'approved' ? 'approved' : 'rejected'}`, { name: x.repName, title: x.award.title, period: x.award.periodKey, by: x.deciderName });
  return { title: text, blocks: [{ type: 'text', text }] };
}

export function awardAlreadyDecidedView(locale: Locale, x: { award: Award; repName: string }): View {
  const text = t(locale, 'rewards.award.already', { name: x.repName, title: x.award.title, state: awardState(locale, x.award) });
  return { title: text, blocks: [{ type: 'text', text }] };
}

/** The answer to `/award …`: granted at once (HR) or waiting for HR (a manager). */
export function awardGrantedView(locale: Locale, x: { award: Award; repName: string }): View {
  const key = x.award.state === 'approved' ? 'rewards.award.granted' : 'rewards.award.proposed';
  const text = t(locale, key, { name: x.repName, title: x.award.title, period: x.award.periodKey, id: x.award.id });
  return { title: text, blocks: [{ type: 'text', text }] };
}

export function awardListView(locale: Locale, periodKey: string, rows: readonly { award: Award; repName: string; grantedByName: string }[]): View {
  const title = t(locale, 'rewards.award.list.title', { period: periodKey });
  if (rows.length === 0) return { title, blocks: [{ type: 'header', text: title }, { type: 'text', text: t(locale, 'rewards.award.list.none', { period: periodKey }) }] };
  return {
    title,
    blocks: [
      { type: 'header', text: title },
      {
        type: 'table',
        columns: [{ label: t(locale, 'rewards.col.rep') }, { label: t(locale, 'rewards.col.award') }, { label: t(locale, 'rewards.col.by') }, { label: t(locale, 'rewards.col.state') }],
        rows: rows.map((r) => [r.repName, `${r.award.title}: ${r.award.reason}`, r.grantedByName, awardState(locale, r.award)]),
      },
    ],
  };
}

/**
 * HR's notice of a new appeal, summary first: who appeals which result and why, its grade and
 * total and what moved it, how to decide; the frozen result fully explained folded below.
 */
export function appealNoticeView(ctx: ViewContext, x: { appeal: Appeal; repName: string; report: ScorecardReport }): View {
  const { locale } = ctx;
  const { appeal } = x;
  const card = x.report.card;
  const title = t(locale, 'rewards.appeal.notice.title', { name: x.repName, period: appeal.periodKey });
  return {
    title,
    blocks: [
      { type: 'header', text: title },
      { type: 'text', text: t(locale, 'rewards.appeal.notice.body', { name: x.repName, version: appeal.resultVersion, reason: appeal.reason }) },
      { type: 'text', text: [t(locale, 'publish.dm.summary', { grade: card.grade, total: fmtScore(locale, card.total), multiplier: fmtNumber(locale, card.bonusMultiplier, 2) }), movedText(ctx, card)].join('\n') },
      appealButtons(locale, appeal),
      { type: 'context', text: t(locale, 'rewards.appeal.notice.commands', { id: appeal.number ?? appeal.id }) },
      { type: 'details', summary: fullScorecardLabel(locale), blocks: scorecardView(ctx, x.report).blocks },
    ],
  };
}

/** Accept… / Reject… of a pending appeal: each opens HR's decision form (chat/appeal-decision.ts). */
export const APPEAL_ACCEPT_BUTTON = 'appeal.accept';
export const APPEAL_REJECT_BUTTON = 'appeal.reject';
const decisionButtons = (locale: Locale, a: Appeal): Button[] =>
  yesNoButtons(a.id, { id: APPEAL_ACCEPT_BUTTON, label: t(locale, 'fairness.appeal.accept') }, { id: APPEAL_REJECT_BUTTON, label: t(locale, 'fairness.appeal.reject') });
const appealButtons = (locale: Locale, a: Appeal): Block => ({ type: 'actions', buttons: decisionButtons(locale, a) });

/** `#12`, or the id of an appeal filed before appeals had numbers. */
const labelOf = (a: Pick<Appeal, 'id' | 'number'>): string => (a.number ? `#${a.number}` : a.id);

export function appealFiledView(locale: Locale, x: { appeal: Appeal }): View {
  const text = t(locale, 'rewards.appeal.filed', { period: x.appeal.periodKey, version: x.appeal.resultVersion, id: labelOf(x.appeal) });
  return { title: text, blocks: [{ type: 'text', text }] };
}

const resultLine = (ctx: ViewContext, r: PublishedResult): string =>
  t(ctx.locale, 'rewards.appeal.result', {
    version: r.version,
    total: fmtScore(ctx.locale, r.scorecard.total),
    grade: r.scorecard.grade,
    multiplier: fmtNumber(ctx.locale, r.scorecard.bonusMultiplier, 2),
    amount: r.bonusAmount === undefined ? '' : ` · ${fmtMoneyExact(ctx.locale, r.bonusAmount, ctx.currency)}`,
  });

/** The rep's DM (and HR's answer) after an acceptance: old → new. */
export function appealAcceptedView(ctx: ViewContext, x: { appeal: Appeal; before: PublishedResult; after: PublishedResult }): View {
  const { locale } = ctx;
  const title = t(locale, 'rewards.appeal.accepted.title', { period: x.appeal.periodKey });
  return {
    title,
    blocks: [
      { type: 'header', text: title },
      { type: 'text', text: `${resultLine(ctx, x.before)}\n→ ${resultLine(ctx, x.after)}` },
      { type: 'text', text: t(locale, 'rewards.appeal.decisionReason', { reason: x.appeal.decisionReason ?? '' }) },
    ],
  };
}

export function appealRejectedView(locale: Locale, appeal: Appeal): View {
  const title = t(locale, 'rewards.appeal.rejected.title', { period: appeal.periodKey });
  return {
    title,
    blocks: [
      { type: 'header', text: title },
      { type: 'text', text: t(locale, 'rewards.appeal.rejected.body', { version: appeal.resultVersion }) },
      { type: 'text', text: t(locale, 'rewards.appeal.decisionReason', { reason: appeal.decisionReason ?? '' }) },
    ],
  };
}

/** The appeals as a table; with `decide` (HR's list) each pending one follows with its Accept… / Reject… buttons. */
export function appealListView(locale: Locale, title: string, rows: readonly { appeal: Appeal; repName: string }[], decide = false): View {
  const blocks: Block[] = [{ type: 'header', text: title }];
  if (rows.length === 0) return { title, blocks: [...blocks, { type: 'text', text: t(locale, 'rewards.appeal.list.none') }] };
  blocks.push({
    type: 'table',
    columns: [
      { label: t(locale, 'rewards.col.id') },
      { label: t(locale, 'rewards.col.rep') },
      { label: t(locale, 'rewards.col.period') },
      { label: t(locale, 'rewards.col.reason') },
      { label: t(locale, 'rewards.col.state') },
    ],
    rows: rows.map(({ appeal: a, repName }) => [
      labelOf(a),
      repName,
      `${a.periodKey} v${a.resultVersion}`,
      a.reason,
      `${appealState(locale, a)}${a.newVersion ? ` → v${a.newVersion}` : ''}${a.decisionReason ? `: ${a.decisionReason}` : ''}`,
    ]),
  });
  if (decide) {
    for (const { appeal: a, repName } of rows.filter((r) => r.appeal.state === 'pending')) {
      const text = t(locale, 'fairness.appeal.item', { label: labelOf(a), name: repName, period: a.periodKey, version: a.resultVersion, reason: a.reason });
      blocks.push({ type: 'item', text, buttons: decisionButtons(locale, a) });
    }
  }
  return { title, blocks };
}
