import type { Adjustment } from '../domain/model/cycle.js';
import type { Locale } from '../domain/model/fields.js';
import { fmtNumber } from './format.js';
import { t } from './i18n.js';
import { yesNoButtons, type View } from './view.js';

/** A manager's proposed score adjustment: HR's request with Accept / Reject, and the decision told. */

export const ADJUSTMENT_ACCEPT = 'decide:adjust.accept';
export const ADJUSTMENT_REJECT = 'decide:adjust.reject';

const signed = (locale: Locale, x: number): string => `${x > 0 ? '+' : '−'}${fmtNumber(locale, Math.abs(x), 2)}`;
const total = (locale: Locale, x: number): string => fmtNumber(locale, x, 2);

type Standing = { total: number; grade: string };

/** HR's copy of a proposal: who, by how much, why, what it would change, and the buttons. */
export function adjustmentProposalView(locale: Locale, x: { adjustment: Adjustment; repName: string; proposerName: string; before: Standing; after: Standing }): View {
  const a = x.adjustment;
  const title = t(locale, 'fairness.adjust.request.title', { name: x.repName, period: a.periodKey, delta: signed(locale, a.delta) });
  return {
    title,
    blocks: [
      { type: 'header', text: title },
      {
        type: 'text',
        text: t(locale, 'fairness.adjust.request.body', {
          by: x.proposerName, name: x.repName, delta: signed(locale, a.delta), reason: a.reason,
          before: total(locale, x.before.total), beforeGrade: x.before.grade, after: total(locale, x.after.total), afterGrade: x.after.grade,
        }),
      },
      { type: 'actions', buttons: yesNoButtons(a.id, { id: ADJUSTMENT_ACCEPT, label: t(locale, 'fairness.adjust.accept') }, { id: ADJUSTMENT_REJECT, label: t(locale, 'fairness.adjust.reject') }) },
    ],
  };
}

/** The decision, for the proposer's DM and as the clicked message's replacement. */
export function adjustmentDecidedView(locale: Locale, x: { adjustment: Adjustment; repName: string; deciderName: string }): View {
  const a = x.adjustment;
  const key = a.state === 'accepted' ? 'fairness.adjust.decided.accepted' : 'fairness.adjust.decided.rejected';
  const text = t(locale, key, { by: x.deciderName, name: x.repName, period: a.periodKey, delta: signed(locale, a.delta) });
  return { title: text, blocks: [{ type: 'text', text }] };
}

export function adjustmentAlreadyDecidedView(locale: Locale, x: { adjustment: Adjustment; repName: string }): View {
  const state = t(locale, x.adjustment.state === 'accepted' ? 'fairness.adjust.state.accepted' : 'fairness.adjust.state.rejected');
  const text = t(locale, 'fairness.adjust.already', { name: x.repName, delta: signed(locale, x.adjustment.delta), state });
  return { title: text, blocks: [{ type: 'text', text }] };
}

/** The manager's answer to `/adjust`: proposed, what it would change, HR asked. */
export function adjustmentProposedView(locale: Locale, x: { repName: string; periodKey: string; delta: number; before: Standing; after: Standing }): View {
  const text = t(locale, 'fairness.adjust.proposed', {
    name: x.repName, period: x.periodKey, delta: signed(locale, x.delta),
    before: total(locale, x.before.total), beforeGrade: x.before.grade, after: total(locale, x.after.total), afterGrade: x.after.grade,
  });
  return { title: text, blocks: [{ type: 'text', text }] };
}
