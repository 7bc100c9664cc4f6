import type { AuditEntry } from '../domain/model/cycle.js';
import type { Locale } from '../domain/model/fields.js';
import { isMessageKey, t, type MessageKey } from './i18n.js';
import { aside } from './format.js';
import { storedText } from './labels.js';
import type { Block, View } from './view.js';

/** The audit log and the export answers, as platform-neutral views. */

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v : undefined);
const num = (v: unknown): string | undefined => (typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined);
const signed = (v: unknown): string | undefined => (typeof v === 'number' && Number.isFinite(v) ? (v > 0 ? `+${v}` : String(v)) : undefined);

/** The "why" of an entry, whichever name the use case gave it. */
export const auditReason = (e: AuditEntry): string | null => text(e.details.reason) ?? text(e.details.decisionReason) ?? text(e.details.note) ?? null;

/** The placeholders a message needs, read from its text. */
const placeholders = (locale: Locale, key: MessageKey): string[] => [...t(locale, key).matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

/** Scalar details as "key: value" for an action without its own sentence; people's ids as names. */
function detailsText(e: AuditEntry, name: (id: string) => string): string {
  const parts = Object.entries(e.details)
    .filter(([k]) => k !== 'reason')
    .flatMap(([k, v]) => {
      const value = Array.isArray(v) ? v.filter((x) => typeof x !== 'object').join(', ') : typeof v === 'object' || v === undefined ? '' : String(v);
      if (!value) return [];
      return [`${k}: ${/^(rep|person|by|manager|actor|from|to|scope)Id$/.test(k) ? name(value) : value}`];
    });
  return parts.length ? ` — ${parts.slice(0, 8).join(', ')}` : '';
}

/** How the audit views name things: people and teams by id, instants on the company's clock. */
export interface AuditNames {
  name: (id: string) => string;
  /** Whether the id is a person's (an adjustment's subject is the rep; a late entry's is the entry). */
  isPerson: (id: string) => boolean;
  time: (iso: string) => string;
}

/** "85.5 (B)" ("85.5（B）" for a Chinese reader) from a {total, grade} pair, "85.5" from a plain number. */
function standing(locale: Locale, v: unknown, grade?: unknown): string | undefined {
  const o = v as { total?: unknown; grade?: unknown } | null;
  const total = typeof v === 'number' ? v : o && typeof o === 'object' && typeof o.total === 'number' ? o.total : undefined;
  if (total === undefined) return undefined;
  // An appeal records the total and the grade apart: the grade is shown with the total either way.
  const g = typeof o?.grade === 'string' ? o.grade : grade;
  return typeof g === 'string' ? aside(locale, String(total), g) : String(total);
}

/** ": 85.5 (B) → 87.5 (A)" ("：85.5（B）→ 87.5（A）"), or nothing when the entry lacks either side. */
function change(locale: Locale, d: Record<string, unknown>): string {
  const grade = d.grade as { from?: unknown; to?: unknown } | undefined;
  const from = standing(locale, d.before, grade?.from) ?? standing(locale, (d.total as { from?: unknown } | undefined)?.from, grade?.from);
  const to = standing(locale, d.after, grade?.to) ?? standing(locale, (d.total as { to?: unknown } | undefined)?.to, grade?.to);
  if (!from || !to) return '';
  return locale === 'zh-CN' ? `：${from} → ${to}` : `: ${from} → ${to}`;
}

function kindLabel(locale: Locale, kind: string | undefined): string | undefined {
  if (!kind) return undefined;
  const key = `audit.kind.${kind}`;
  return isMessageKey(key) ? t(locale, key) : kind;
}

/** The action's sentence: `award.grant` still waiting for HR reads as a proposal. */
function keyOf(e: AuditEntry): MessageKey | null {
  if (e.action === 'award.grant' && e.details.state === 'pending') return 'audit.action.award.request';
  const key = e.action.startsWith('import.') ? 'audit.action.import' : `audit.action.${e.action}`;
  return isMessageKey(key) ? key : null;
}

/**
 * What an audit entry did, as a sentence in the reader's language ("adjusted Ann's 2026-Q3 score
 * by +2: 85.5 (B) → 87.5 (A)"), from the action and its details; an action without a sentence, or
 * whose details lack what the sentence needs, reads as its name and key details.
 */
export function auditSentence(locale: Locale, e: AuditEntry, names: AuditNames): string {
  const { name, time } = names;
  const d = e.details;
  const repId = text(d.repId) ?? text(d.personId) ?? (e.subjectId && names.isPerson(e.subjectId) ? e.subjectId : undefined);
  const close = text(d.entryCloseDate);
  const indicator = text(d.indicator);
  const at = text(d.scheduledAt) ?? text(d.at);
  const params: Record<string, string | undefined> = {
    period: text(d.periodKey),
    target: text(d.targetPeriodKey),
    rep: repId ? name(repId) : undefined,
    person: e.subjectId ? name(e.subjectId) : undefined,
    subject: e.subjectId,
    templateVersion: num(d.templateVersion),
    version: num(d.version) ?? num(d.toVersion) ?? num(d.resultVersion),
    results: num(d.results),
    graded: num(d.graded),
    goals: Array.isArray(d.goals) ? String(d.goals.length) : undefined,
    delta: signed(d.delta),
    change: change(locale, d),
    title: text(d.title),
    summary: text(d.summary),
    kind: kindLabel(locale, text(d.kind) ?? (e.action.startsWith('import.') ? e.action.slice('import.'.length) : undefined)),
    close: close ? t(locale, 'audit.close', { date: close }) : '',
    at: at ? time(at) : undefined,
    place: text(d.place),
    indicator: indicator ? (isMessageKey(`indicator.${indicator}`) ? t(locale, `indicator.${indicator}` as MessageKey) : indicator) : undefined,
    scope: text(d.scopeId) ? name(text(d.scopeId)!) : undefined,
    new: num(d.new),
    was: num(d.old) !== undefined ? t(locale, 'audit.was', { old: num(d.old)! }) : '',
    account: text(d.account),
    from: text(d.from) ?? (d.from === null ? '—' : undefined),
    to: text(d.to),
    roles: Array.isArray(d.to) ? d.to.join(', ') : undefined,
    team: text(d.team),
    identity: text(d.identity),
    created: num(d.created),
    updated: num(d.updated),
  };
  const key = keyOf(e);
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
  return parts.length ? t(locale, 'paren', { text: parts.join(t(locale, 'paren.separator')) }) : '';
}

/**
 * `/audit`: one line per change, newest first, the reason under it. The lines share one text block
 * (each platform splits it where it must) so that 200 entries fit Slack's 50 blocks, and the count
 * of entries not shown comes first, where a platform shortening a long answer never cuts it.
 */
export function auditView(locale: Locale, d: AuditViewData): View {
  const scope = auditScope(locale, d);
  const title = `${t(locale, 'audit.title')}${scope}`;
  const blocks: Block[] = [{ type: 'header', text: title }];
  const more = d.total - d.lines.length;
  if (more > 0) blocks.push({ type: 'context', text: t(locale, 'audit.more', { count: more, max: d.max, period: d.periodKey ? ` ${d.periodKey}` : '' }) });
  if (d.lines.length === 0) blocks.push({ type: 'text', text: t(locale, 'audit.empty', { scope }) });
  else {
    const lines = d.lines.map((l) => {
      const line = t(locale, 'audit.line', { when: l.when, who: l.who, what: l.what });
      return l.reason ? `${line}\n    ${t(locale, 'audit.why', { reason: storedText(locale, l.reason) })}` : line;
    });
    blocks.push({ type: 'text', text: lines.join('\n') });
  }
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

/** `/audit peers`: who reviewed whom (HR, for audit only). */
export function peerAuditView(
  locale: Locale,
  d: { periodKey: string; repName?: string | undefined; rows: readonly { to: string; from: string; rating: number; date: string; comment: string }[] },
): View {
  const title = t(locale, 'audit.peers.title', { period: d.periodKey, scope: d.repName ? ` · ${d.repName}` : '' });
  const col = (key: 'to' | 'from' | 'rating' | 'date' | 'comment') => t(locale, `audit.peers.col.${key}`);
  return {
    title,
    blocks: [
      { type: 'header', text: title },
      d.rows.length
        ? {
            type: 'table',
            columns: [{ label: col('to') }, { label: col('from') }, { label: col('rating'), align: 'right' }, { label: col('date') }, { label: col('comment') }],
            rows: d.rows.map((r) => [r.to, r.from, String(r.rating), r.date, r.comment]),
          }
        : { type: 'text', text: t(locale, 'audit.peers.none') },
      { type: 'context', text: t(locale, 'audit.peers.note') },
    ],
  };
}
