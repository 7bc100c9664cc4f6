import type { Locale } from '../domain/model/fields.js';
import { t } from './i18n.js';
import { yesNoButtons, type View } from './view.js';

/** Views of the cycle's lifecycle: the late-entry request with its decision buttons, the targets table. */

export const LATE_APPROVE = 'decide:late.approve';
export const LATE_DECLINE = 'decide:late.decline';

export interface LateRequestModel {
  id: string;
  repName: string;
  periodKey: string;
  closeDate: string;
  summary: string;
}

/** The manager's DM: what the rep asks to add, with Approve / Decline (value: the late entry's id). */
export function lateEntryRequestView(locale: Locale, m: LateRequestModel): View {
  return {
    title: t(locale, 'lifecycle.late.request.title', { rep: m.repName }),
    blocks: [
      { type: 'header', text: t(locale, 'lifecycle.late.request.title', { rep: m.repName }) },
      { type: 'text', text: t(locale, 'lifecycle.late.request.body', { rep: m.repName, period: m.periodKey, closeDate: m.closeDate }) },
      { type: 'text', text: m.summary },
      { type: 'context', text: t(locale, 'lifecycle.late.request.hint', { rep: m.repName }) },
      { type: 'actions', buttons: yesNoButtons(m.id, { id: LATE_APPROVE, label: t(locale, 'lifecycle.late.approve') }, { id: LATE_DECLINE, label: t(locale, 'lifecycle.late.decline') }) },
    ],
  };
}

/** A reminder of a request still pending: the same buttons under a reminder line. */
export function lateEntryReminderView(locale: Locale, m: LateRequestModel & { since: string }): View {
  const request = lateEntryRequestView(locale, m);
  const line = t(locale, 'lifecycle.remind.lateEntry', { rep: m.repName, period: m.periodKey, date: m.since });
  return { title: line, blocks: [{ type: 'text', text: line }, ...request.blocks.slice(2)] };
}

export interface TargetsModel {
  periodKey: string;
  rows: { indicator: string; template: string; overrides: string[] }[];
}

export function targetsView(locale: Locale, m: TargetsModel): View {
  const title = t(locale, 'lifecycle.targets.title', { period: m.periodKey });
  return {
    title,
    blocks: [
      { type: 'header', text: title },
      {
        type: 'table',
        columns: [{ label: t(locale, 'lifecycle.targets.col.indicator') }, { label: t(locale, 'lifecycle.targets.col.template'), align: 'right' }, { label: t(locale, 'lifecycle.targets.col.overrides') }],
        rows: m.rows.map((r) => [r.indicator, r.template, r.overrides.length ? r.overrides.join('; ') : t(locale, 'lifecycle.targets.none')]),
      },
      { type: 'context', text: t(locale, 'lifecycle.targets.hint', { period: m.periodKey }) },
    ],
  };
}
