import { acceptAppeal, rejectAppeal, type AppealRef } from '../application/cycle/appeal-decision.js';
import { fileAppeal } from '../application/cycle/appeal-file.js';
import { listAppeals, myAppeals } from '../application/cycle/appeal-list.js';
import type { AppDeps } from '../application/deps.js';
import { AppError } from '../domain/errors.js';
import type { Person } from '../domain/model/people.js';
import { t } from '../views/i18n.js';
import { appealAcceptedView, appealFiledView, appealListView } from '../views/reward-views.js';
import { fanOutPlatforms, textView, type ChatAnswer, type ChatRequest } from './port.js';

/**
 * `/appeal [period] <reason>` (a rep), `/appeal` (the rep's own appeals), and for HR
 * `/appeal list [period]`, `/appeal accept <id | @rep> <±points> <reason>`, `/appeal reject <id | @rep> <reason>`.
 */

const QUARTER = /^\d{4}-Q[1-4]$/i;

/** The appeal named by a mention or by its id (the first word), and the words after it. */
function appealRef(req: ChatRequest, args: readonly string[], verb: string): { ref: AppealRef; rest: string[] } {
  const [unknown] = req.unknownUsers;
  if (unknown !== undefined) throw new AppError('NOT_FOUND', `unknown user ${unknown}`, { params: { messageId: 'rewards.error.unknownUser', name: unknown } });
  if (req.users[0]) return { ref: { rep: req.users[0] }, rest: [...args] };
  const [id, ...rest] = args;
  if (!id) throw new AppError('VALIDATION', `appeal ${verb} without an appeal`, { params: { messageId: 'rewards.error.appealUsage', verb } });
  return { ref: { appealId: id }, rest };
}

const reasonOf = (words: readonly string[], lines: readonly string[]): string => [words.join(' '), ...lines.map((l) => l.trim()).filter(Boolean)].join('\n').trim();

export async function appealAnswer(deps: AppDeps, actor: Person, req: ChatRequest): Promise<ChatAnswer> {
  const [first, ...args] = req.words;
  const verb = first?.toLowerCase();
  const platforms = fanOutPlatforms(deps.settings.platforms, req.platforms);
  const { locale } = actor;
  if (!first && req.lines.length === 0) return { view: appealListView(locale, t(locale, 'rewards.appeal.mine.title'), await myAppeals(deps, actor)) };
  if (verb === 'list' && args.length <= 1) {
    const rows = await listAppeals(deps, actor, { period: args[0] });
    return { view: appealListView(locale, t(locale, 'rewards.appeal.list.title', { period: args[0]?.toUpperCase() ?? t(locale, 'rewards.appeal.list.all') }), rows) };
  }
  if (verb === 'accept') {
    const { ref, rest } = appealRef(req, args, verb);
    const [delta, ...reason] = rest;
    const a = await acceptAppeal(deps, actor, { ref, delta, reason: reasonOf(reason, req.lines), platforms });
    // HR reads what was done; the rep's own wording ("your appeal was accepted") is in their DM.
    const rep = await deps.store.people.get(a.appeal.repId);
    const title = t(locale, 'rewards.appeal.acceptedDone', { id: a.appeal.id, name: rep?.name ?? a.appeal.repId, version: a.after.version });
    const details = appealAcceptedView({ locale, currency: deps.settings.baseCurrency }, a).blocks.filter((b) => b.type !== 'header');
    return { view: { title, blocks: [{ type: 'text', text: title }, ...details] } };
  }
  if (verb === 'reject') {
    const { ref, rest } = appealRef(req, args, verb);
    const appeal = await rejectAppeal(deps, actor, { ref, reason: reasonOf(rest, req.lines), platforms });
    const rep = await deps.store.people.get(appeal.repId);
    return { view: textView(t(locale, 'rewards.appeal.rejectedDone', { id: appeal.id, name: rep?.name ?? appeal.repId })) };
  }
  if (verb === 'help') return { view: textView(t(locale, 'rewards.appeal.usage')) };
  // A leading quarter is the period; a leading year only when the rep has a result for it (a reason may start with a year).
  const annual = first && /^\d{4}$/.test(first) ? (await deps.store.results.count({ periodKey: first, repId: actor.id })) > 0 : false;
  const period = first && (QUARTER.test(first) || annual) ? first.toUpperCase() : undefined;
  const words = period ? args : req.words;
  const { appeal } = await fileAppeal(deps, actor, { period, reason: reasonOf(words, req.lines), platforms, requestId: req.requestId });
  return { view: appealFiledView(locale, { appeal }) };
}
