import { listOf } from '../views/format.js';
import { AUDIT_MAX_LIMIT, auditLog } from '../application/audit-log.js';
import { audit, requireHr } from '../application/cycle/cycles.js';
import { today } from '../application/guards.js';
import { seesEveryone } from '../application/permissions.js';
import type { AppDeps } from '../application/deps.js';
import { exportAnnual } from '../application/exports/annual-export.js';
import { exportActivities, type ActivitiesScope } from '../application/exports/activities-export.js';
import { exportAudit } from '../application/exports/audit-export.js';
import { companyTime, loadDirectory } from '../application/exports/directory.js';
import { exportResults } from '../application/exports/results-export.js';
import { AppError } from '../domain/errors.js';
import type { Person } from '../domain/model/people.js';
import { isPeriodKey, quarterOf } from '../domain/period.js';
import { auditReason, auditSentence, auditView, exportDoneView, peerAuditView } from '../views/audit-views.js';
import { t } from '../views/i18n.js';
import { textView, type ChatAnswer, type ChatRequest } from './port.js';

/**
 * `/export results <period> [version N]`, `/export annual <year>`, `/export audit [period] [@rep]`
 * (files: CSV and XLSX, uploaded by the platform where the command ran) and
 * `/audit [@rep] [period] [limit N]` (HR).
 */

const looksLikePeriod = (w: string): boolean => isPeriodKey(w.toUpperCase());

function refuseUnknown(req: ChatRequest): void {
  const [unknown] = req.unknownUsers;
  if (unknown) throw new AppError('NOT_FOUND', `unknown user ${unknown}`, { params: { messageId: 'audit.error.unknownUser', user: unknown } });
  if (req.users.length > 1) throw new AppError('VALIDATION', 'more than one rep mentioned', { params: { messageId: 'audit.error.oneRep' } });
}

/** `version 2` (or `v2`) after the period; null when absent. */
function versionOf(args: string[]): number | null | 'bad' {
  if (args.length === 0) return null;
  const raw = args[0]!.toLowerCase() === 'version' ? args[1] : /^v\d+$/i.test(args[0]!) ? args[0]!.slice(1) : undefined;
  const extra = args[0]!.toLowerCase() === 'version' ? args.slice(2) : args.slice(1);
  if (raw === undefined || extra.length > 0 || !/^\d{1,4}$/.test(raw) || Number(raw) < 1) return 'bad';
  return Number(raw);
}

type Exporter = (deps: AppDeps, actor: Person, args: string[], req: ChatRequest) => Promise<ChatAnswer>;

const EXPORTS: Record<string, Exporter> = {
  results: async (deps, actor, [period, ...rest]) => {
    const version = versionOf(rest);
    if (version === 'bad') throw new AppError('VALIDATION', `bad version ${rest.join(' ')}`, { params: { messageId: 'export.error.version', value: rest.join(' ') } });
    const e = await exportResults(deps, actor, { period, version: version ?? undefined });
    const v = e.version === null ? '' : t(actor.locale, 'export.done.version', { version: e.version });
    const summary = t(actor.locale, 'export.done.results', { period: e.periodKey, version: v, rows: e.rows });
    return { view: exportDoneView(actor.locale, { summary, files: e.files.map((f) => f.name) }), files: e.files };
  },
  annual: async (deps, actor, [year]) => {
    const e = await exportAnnual(deps, actor, { year });
    const summary = t(actor.locale, 'export.done.annual', { year: e.year, rows: e.rows, quarters: listOf(actor.locale, e.quarters) });
    return { view: exportDoneView(actor.locale, { summary, files: e.files.map((f) => f.name) }), files: e.files };
  },
  audit: async (deps, actor, args, req) => {
    refuseUnknown(req);
    const stray = args.find((w) => !looksLikePeriod(w));
    if (stray !== undefined || args.length > 1) return { view: textView(t(actor.locale, 'export.usage')) };
    const e = await exportAudit(deps, actor, { period: args[0], repId: req.users[0]?.id });
    const summary = t(actor.locale, 'export.done.audit', { scope: e.scope, rows: e.rows });
    return { view: exportDoneView(actor.locale, { summary, files: e.files.map((f) => f.name) }), files: e.files };
  },
};

/** `/export activities [@rep | team <name>] <from> <to>`: for every role, scoped by it. */
async function activitiesAnswer(deps: AppDeps, actor: Person, args: string[], req: ChatRequest): Promise<ChatAnswer> {
  refuseUnknown(req);
  const dates = args.filter((w) => /^\d{4}-\d{2}-\d{2}$/.test(w));
  const rest = args.filter((w) => !dates.includes(w));
  if (dates.length !== 2 || (rest.length > 0 && (rest[0] ?? '').toLowerCase() !== 'team')) return { view: textView(t(actor.locale, 'export.activities.usage')) };
  const scope: ActivitiesScope = req.users[0] ? { rep: req.users[0] } : rest.length ? { teamName: rest.slice(1).join(' ') } : { own: true };
  const e = await exportActivities(deps, actor, { scope, from: dates[0]!, to: dates[1]! });
  const summary = t(actor.locale, 'export.done.activities', { rows: e.rows, from: e.from, to: e.to, people: listOf(actor.locale, e.people) || '—' });
  return { view: exportDoneView(actor.locale, { summary, files: e.files.map((f) => f.name) }), files: e.files };
}

export async function exportAnswer(deps: AppDeps, actor: Person, req: ChatRequest): Promise<ChatAnswer> {
  const [sub = '', ...args] = req.words;
  if (sub.toLowerCase() === 'activities') return activitiesAnswer(deps, actor, args, req);
  const run = Object.hasOwn(EXPORTS, sub.toLowerCase()) ? EXPORTS[sub.toLowerCase()] : undefined;
  // Results and the annual summary need their period: without it, the usage says how to give it.
  const needsPeriod = sub.toLowerCase() === 'results' || sub.toLowerCase() === 'annual';
  if (!run || (needsPeriod && args.length === 0)) {
    // Everyone may export activities; the rest of the usage is for HR.
    return { view: textView(seesEveryone(actor) ? `${t(actor.locale, 'export.usage')}\n${t(actor.locale, 'export.activities.usage')}` : t(actor.locale, 'export.activities.usage')) };
  }
  return run(deps, actor, args, req);
}

/**
 * `/audit peers [period] [@rep]` (HR): who reviewed whom — the one place reviewers are named, for
 * audit only (reps see an average once enough reviews exist). Reading it is itself audited.
 */
async function peerAudit(deps: AppDeps, actor: Person, words: string[], req: ChatRequest): Promise<ChatAnswer> {
  const period = words.find(looksLikePeriod)?.toUpperCase() ?? quarterOf(today(deps)).key;
  const rep = req.users[0];
  const reviews = (await deps.store.peerReviews.find({ periodKey: period, ...(rep ? { toId: rep.id } : {}) })).sort((a, b) => a.toId.localeCompare(b.toId) || a.fromId.localeCompare(b.fromId));
  const dir = await loadDirectory(deps);
  await audit(deps, actor, 'peer-reviews.view', actor.id, { periodKey: period, ...(rep ? { repId: rep.id } : {}), reviews: reviews.length });
  const rows = reviews.map((r) => ({ to: dir.name(r.toId), from: dir.name(r.fromId), rating: r.collaboration, date: r.date, comment: r.comment }));
  return { view: peerAuditView(actor.locale, { periodKey: period, repName: rep?.name, rows }) };
}

/** `/audit [@rep] [period] [limit N]`: words in any order. */
export async function auditAnswer(deps: AppDeps, actor: Person, req: ChatRequest): Promise<ChatAnswer> {
  requireHr(actor, 'read the audit log');
  refuseUnknown(req);
  if ((req.words[0] ?? '').toLowerCase() === 'peers') return peerAudit(deps, actor, req.words.slice(1), req);
  let period: string | undefined;
  let limit: number | undefined;
  const words = [...req.words];
  while (words.length) {
    const w = words.shift()!;
    if (w.toLowerCase() === 'limit') {
      const raw = words.shift() ?? '';
      if (!/^\d{1,6}$/.test(raw)) throw new AppError('VALIDATION', `bad limit ${raw}`, { params: { messageId: 'audit.error.limit', value: raw, max: AUDIT_MAX_LIMIT } });
      limit = Number(raw);
    } else if (looksLikePeriod(w) && period === undefined) {
      period = w;
    } else {
      const usage = t(actor.locale, 'audit.usage', { max: AUDIT_MAX_LIMIT });
      throw new AppError('VALIDATION', `unexpected word ${w}`, { params: { messageId: 'audit.error.word', value: w, usage } });
    }
  }
  const rep = req.users[0];
  const page = await auditLog(deps, actor, { repId: rep?.id, period, limit });
  const dir = await loadDirectory(deps);
  const lines = page.entries.map((e) => ({
    when: companyTime(deps, e.at),
    who: dir.name(e.actorId),
    what: auditSentence(actor.locale, e, { name: dir.name, isPerson: (id) => dir.person(id) !== undefined, time: (iso) => companyTime(deps, iso) }),
    reason: auditReason(e),
  }));
  return { view: auditView(actor.locale, { lines, total: page.total, max: AUDIT_MAX_LIMIT, repName: rep?.name, periodKey: page.filter.period?.key }) };
}
