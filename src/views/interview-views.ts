import { localParts } from '../domain/dates.js';
import { aside, listOf } from './format.js';
import type { Interview } from '../domain/model/cycle.js';
import type { Locale } from '../domain/model/fields.js';
import { t } from './i18n.js';
import type { Block, View } from './view.js';

/** Feedback interviews (面谈): times in the reader's zone, the DMs, reminders, status lists. */

/** "2026-12-03 15:00 (Asia/Shanghai)", "…（Asia/Shanghai）" for a Chinese reader: an instant on the reader's wall clock. */
export function timeIn(locale: Locale, at: string, timeZone: string): string {
  const p = localParts(new Date(at), timeZone);
  return aside(locale, `${p.date} ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`, timeZone);
}

const placeText = (locale: Locale, place: string | undefined): string => (place ? t(locale, 'interview.place', { place }) : '');

const text = (title: string): View => ({ title, blocks: [{ type: 'text', text: title }] });

export interface InterviewMoment {
  periodKey: string;
  repName: string;
  managerName: string;
  /** Already shown in the reader's zone. */
  at: string;
  place?: string | undefined;
}

/** The DM announcing a scheduled (or moved) interview, to the rep or to the manager. */
export function interviewDmView(locale: Locale, to: 'rep' | 'manager', m: InterviewMoment): View {
  const params = { period: m.periodKey, manager: m.managerName, rep: m.repName, at: m.at, place: placeText(locale, m.place) };
  return text(t(locale, to === 'rep' ? 'interview.dm.rep' : 'interview.dm.manager', params));
}

/** The reminder the day before and on the day. */
export function interviewReminderView(locale: Locale, when: 'tomorrow' | 'today', m: InterviewMoment): View {
  return text(t(locale, when === 'tomorrow' ? 'interview.remind.tomorrow' : 'interview.remind.today', { period: m.periodKey, manager: m.managerName, rep: m.repName, at: m.at, place: placeText(locale, m.place) }));
}

/** The answer to the manager who scheduled. */
export function scheduledText(locale: Locale, moved: boolean, m: InterviewMoment): string {
  return t(locale, moved ? 'interview.rescheduled' : 'interview.scheduled', { name: m.repName, period: m.periodKey, at: m.at, place: placeText(locale, m.place) });
}

/** The weekly list of interviews a manager still has to hold. */
export function toHoldView(locale: Locale, m: { periodKey: string; publishedOn: string; names: readonly string[] }): View {
  const title = t(locale, 'interview.toHold.title', { period: m.periodKey });
  return { title, blocks: [{ type: 'header', text: title }, { type: 'text', text: t(locale, 'interview.toHold.text', { period: m.periodKey, date: m.publishedOn, names: listOf(locale, m.names) }) }] };
}

export type InterviewStatus = { state: 'held'; date: string } | { state: 'scheduled'; at: string } | { state: 'toHold' };

export const statusText = (locale: Locale, s: InterviewStatus): string =>
  s.state === 'held' ? t(locale, 'interview.status.held', { date: s.date }) : s.state === 'scheduled' ? t(locale, 'interview.status.scheduled', { at: s.at }) : t(locale, 'interview.status.toHold');

/** A manager's reps and their interview for the latest published quarter. */
export function interviewStatusView(locale: Locale, m: { periodKey: string | null; rows: readonly { name: string; status: InterviewStatus }[] }): View {
  if (!m.periodKey || m.rows.length === 0) return text(t(locale, 'interview.status.none'));
  const title = t(locale, 'interview.status.title', { period: m.periodKey });
  const blocks: Block[] = [
    { type: 'header', text: title },
    { type: 'table', columns: [{ label: t(locale, 'interview.status.rep') }, { label: t(locale, 'interview.status.state') }], rows: m.rows.map((r) => [r.name, statusText(locale, r.status)]) },
  ];
  return { title, blocks };
}

/** A rep's own interviews (newest first); their plans follow as separate views. */
export function myInterviewsBlocks(locale: Locale, rows: readonly { interview: Interview; managerName: string; status: InterviewStatus }[]): Block[] {
  return rows.map((r) => ({ type: 'text', text: t(locale, 'interview.mine.interview', { period: r.interview.periodKey, manager: r.managerName, state: statusText(locale, r.status) }) }));
}
