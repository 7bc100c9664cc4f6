import type { AuditEntry } from '../domain/model/cycle.js';
import type { Locale } from '../domain/model/fields.js';
import { isMessageKey, t, type MessageKey } from './i18n.js';
import type { Block, View } from './view.js';

/** The audit log and the export answers, as platform-neutral views. */

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);
const num = (v: unknown): string | undefined => (typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined);
const signed = (v: unknown): string | undefined => (typeof v === 'number' && Number.isFinite(v) ? (v > 0 ? `+${v}` : String(v)) : undefined);

/** The "why" of an entry, whichever name the use case gave it. */
export const auditReason = (e: AuditEntry): string | null => text(e.details.reason) ?? text(e.details.decisionReason) ?? text(e.details.note) ?? null;

function keyOf(action: string): MessageKey | null {
  const key = action.startsWith('import.') ? 'audit.action.import' : `audit.action.${action}`;
  return isMessageKey(key) ? key : null;
}

/** The placeholders a message needs, read from its text. */
const placeholders = (locale: Locale, key: MessageKey): string[] => [...t(locale, key).matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

/** Scalar details as "key: value" for an action without its own sentence; people's ids as names. */
function detailsText(e: AuditEntry, name: (id: string) => string): string {
  const parts = Object.entries(e.details)
    .filter(([k]) => k !== 'reason')
    .flatMap(([k, v]) => {
      const value = Array.isArray(v) ? v.filter((x) => typeof x !== 'object').join(', ') : typeof v === 'object' || v === undefined ? '' : String(v);
      if (!value) return [];
      return [`${k}: ${/^(rep|person|by|manager|actor)Id$/.test(k) ? name(value) : value}`];
    });
  return parts.length ? ` — ${parts.slice(0, 8).join(', ')}` : '';
}

/**
 * What an audit entry did, as a sentence in the reader's language ("adjusted Ann's 2026-Q3 score
 * by +2"), from the action and its details; an action without a sentence, or whose details lack
 * what the sentence needs, reads as its name and key details.
 */
export function auditSentence(locale: Locale, e: AuditEntry, name: (id: string) => string): string {
  const d = e.details;
  const repId = text(d.repId) ?? text(d.personId) ?? e.subjectId;
  const close = text(d.entryCloseDate);
  const params: Record<string, string | undefined> = {
    period: text(d.periodKey),
    rep: repId ? name(repId) : undefined,
    person: e.subjectId ? name(e.subjectId) : undefined,
    subject: e.subjectId,
    templateVersion: num(d.templateVersion),
    version: num(d.version) ?? num(d.newVersion),
    results: num(d.results),
    delta: signed(d.delta),
    title: text(d.title),
    kind: text(d.kind) ?? (e.action.startsWith('import.') ? e.action.slice('import.'.length) : undefined),
    date: text(d.date) ?? close,
    close: close ? t(locale, 'audit.close', { date: close }) : '',
    roles: Array.isArray(d.to) ? d.to.join(', ') : undefined,
    team: text(d.team),
    identity: text(d.identity),
    created: num(d.created),
    updated: num(d.updated),
  };
  const key = keyOf(e.action);
  if (key && placeholders(locale, key).every((p) => params[p] !== undefined)) {
    return t(locale, key, Object.fromEntries(Object.entries(params).filter((kv): kv is [string, string] => kv[1] !== undefined)));
  }
  return t(locale, 'audit.action.other', { action: e.action, details: detailsText(e, name) });
}

export interface AuditLine {
  when: string;
  who: string;
  what: string;
  reason: string | null;
}

export interface AuditViewData {
  lines: AuditLine[];
  total: number;
  max: number;
  repName?: string | undefined;
  periodKey?: string | undefined;
}

export function auditScope(locale: Locale, d: { repName?: string | undefined; periodKey?: string | undefined }): string {
  const parts = [d.repName ? t(locale, 'audit.scope.rep', { name: d.repName }) : '', d.periodKey ? t(locale, 'audit.scope.period', { period: d.periodKey }) : ''].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

/** `/audit`: one line per change, newest first, the reason under it, and how many more there are. */
export function auditView(locale: Locale, d: AuditViewData): View {
  const scope = auditScope(locale, d);
  const title = `${t(locale, 'audit.title')}${scope}`;
  const blocks: Block[] = [{ type: 'header', text: title }];
  if (d.lines.length === 0) blocks.push({ type: 'text', text: t(locale, 'audit.empty', { scope }) });
  for (const l of d.lines) {
    const line = t(locale, 'audit.line', { when: l.when, who: l.who, what: l.what });
    blocks.push({ type: 'text', text: l.reason ? `${line}\n${t(locale, 'audit.why', { reason: l.reason })}` : line });
  }
  const more = d.total - d.lines.length;
  if (more > 0) blocks.push({ type: 'context', text: t(locale, 'audit.more', { count: more, max: d.max, period: d.periodKey ? ` ${d.periodKey}` : '' }) });
  return { title, blocks };
}

/** What an export produced: the rows and the files, uploaded with the answer. */
export function exportDoneView(locale: Locale, d: { summary: string; files: string[] }): View {
  const title = t(locale, 'export.done.title');
  return {
    title,
    blocks: [
      { type: 'header', text: title },
      { type: 'text', text: d.summary },
      { type: 'context', text: `${t(locale, 'export.done.files', { files: d.files.join(', ') })}\n${t(locale, 'export.done.where')}` },
    ],
  };
}
