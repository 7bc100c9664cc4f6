import type { Locale } from '../domain/model/fields.js';
import type { Absence } from '../domain/model/self-and-leave.js';
import { aside } from './format.js';
import { t } from './i18n.js';
import { yesNoButtons, type View } from './view.js';

/** Leave waiting for approval: the manager's (or HR's) request with Approve / Reject, and the decision. */

export const LEAVE_APPROVE = 'decide:away.approve';
export const LEAVE_REJECT = 'decide:away.reject';

export function leaveRequestView(locale: Locale, x: { absence: Absence; name: string }): View {
  const a = x.absence;
  const title = t(locale, 'fairness.away.request.title', { name: x.name, from: a.from, to: a.to });
  return {
    title,
    blocks: [
      { type: 'header', text: title },
      { type: 'text', text: t(locale, 'fairness.away.request.body', { name: x.name, from: a.from, to: a.to, note: a.note || '—' }) },
      { type: 'actions', buttons: yesNoButtons(a.id, { id: LEAVE_APPROVE, label: t(locale, 'fairness.away.approve') }, { id: LEAVE_REJECT, label: t(locale, 'fairness.away.reject') }) },
    ],
  };
}

export function leaveDecidedView(locale: Locale, x: { absence: Absence; name: string; deciderName: string }): View {
  const a = x.absence;
  const key = a.approval === 'approved' ? 'fairness.away.decided.approved' : 'fairness.away.decided.rejected';
  const text = t(locale, key, { by: x.deciderName, name: x.name, from: a.from, to: a.to });
  return { title: text, blocks: [{ type: 'text', text }] };
}

export function leaveAlreadyDecidedView(locale: Locale, x: { absence: Absence; name: string }): View {
  const state = t(locale, x.absence.approval === 'rejected' ? 'fairness.away.state.rejected' : 'fairness.away.state.approved');
  const text = t(locale, 'fairness.away.already', { name: x.name, from: x.absence.from, to: x.absence.to, state });
  return { title: text, blocks: [{ type: 'text', text }] };
}

/** How a listed absence reads: its dates, note, and whether it still waits for approval. */
export function leaveLine(locale: Locale, a: Absence): string {
  const state = a.approval === 'pending' ? ` ${t(locale, 'fairness.away.state.pendingShort')}` : a.approval === 'rejected' ? ` ${t(locale, 'fairness.away.state.rejectedShort')}` : '';
  const dates = `${a.from} – ${a.to}`;
  return `${a.note ? aside(locale, dates, a.note) : dates}${state}`;
}
