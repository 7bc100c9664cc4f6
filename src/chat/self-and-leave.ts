import { ownSelfReview, submitSelfReview } from '../application/cycle/self-review.js';
import type { AppDeps } from '../application/deps.js';
import { readSetting } from '../application/settings.js';
import { cancelAway, listAway, requireMayRecord, setAway } from '../application/people/set-away.js';
import { AppError } from '../domain/errors.js';
import { isPeriodKey } from '../domain/period.js';
import type { Person } from '../domain/model/people.js';
import type { SelfReview } from '../domain/model/self-and-leave.js';
import { t } from '../views/i18n.js';
import { decideLeave } from '../application/people/away-approval.js';
import { LEAVE_APPROVE, LEAVE_REJECT, leaveAlreadyDecidedView, leaveDecidedView, leaveLine } from '../views/leave-approval-views.js';
import { fanOutPlatforms, textView, type ChatAnswer, type ChatRequest, type DecisionHandler } from './port.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "Self-review: performance 4, behaviour 3, teamwork 5 — comment", for the pack and the interview. */
export const selfReviewLine = (locale: Person['locale'], r: SelfReview): string =>
  t(locale, 'selfReview.line', { ...r.ratings, comment: r.comment ? ` — ${r.comment}` : '' });

/** `/self-review [<p> <b> <t> [comment] [period]]`: the rep's own ratings per category, never scored. */
export async function selfReviewAnswer(deps: AppDeps, actor: Person, req: ChatRequest): Promise<ChatAnswer> {
  const words = [...req.words];
  if (words.length === 0) {
    const { periodKey, review } = await ownSelfReview(deps, actor);
    if (!review) return { view: textView(t(actor.locale, 'selfReview.none', { period: periodKey })) };
    return { view: textView(t(actor.locale, 'selfReview.mine', { period: periodKey, ...review.ratings, comment: review.comment ? ` ${review.comment}` : '' })) };
  }
  if ((words[0] ?? '').toLowerCase() === 'help') return { view: textView(t(actor.locale, 'selfReview.usage')) };
  const period = words.length > 3 && isPeriodKey((words.at(-1) ?? '').toUpperCase()) ? words.pop()!.toUpperCase() : undefined;
  const numbers = words.slice(0, 3).map(Number);
  if (numbers.length < 3 || numbers.some((n) => !Number.isInteger(n) || n < 1 || n > 5)) {
    throw new AppError('VALIDATION', 'three ratings 1-5', { params: { messageId: 'selfReview.error.rating' }, issues: [{ path: 'ratings', message: 'must be 1 to 5' }] });
  }
  const comment = [words.slice(3).join(' '), ...req.lines].join('\n').trim();
  const [performance, behaviour, teamwork] = numbers as [number, number, number];
  const { review, replaced } = await submitSelfReview(deps, actor, {
    ratings: { performance, behaviour, teamwork },
    comment,
    ...(period ? { period } : {}),
    ...(req.requestId ? { requestId: req.requestId } : {}),
  });
  return { view: textView(t(actor.locale, replaced ? 'selfReview.replaced' : 'selfReview.saved', { period: review.periodKey, ...review.ratings })) };
}

/** `/away [@person] <from> [to] [note]`, `/away cancel <from>`, `/away` (the list). */
export async function awayAnswer(deps: AppDeps, actor: Person, req: ChatRequest): Promise<ChatAnswer> {
  if (req.unknownUsers.length > 0) {
    throw new AppError('VALIDATION', 'unknown mention', { params: { messageId: 'away.error.unknownUsers', names: [...req.unknownUsers] } });
  }
  const person = req.users[0] ?? actor;
  const [first, ...rest] = req.words;
  const locale = actor.locale;
  if (first === undefined) {
    requireMayRecord(actor, person);
    const list = await listAway(deps, person);
    if (list.length === 0) return { view: textView(t(locale, 'away.none', { name: person.name })) };
    return { view: textView(t(locale, 'away.list', { name: person.name, list: list.map((a) => leaveLine(locale, a)).join('; ') })) };
  }
  if (first.toLowerCase() === 'help') return { view: textView(t(locale, 'away.usage')) };
  if (first.toLowerCase() === 'cancel') {
    const a = await cancelAway(deps, actor, { person, from: rest[0] ?? '' });
    return { view: textView(t(locale, 'away.cancelled', { name: person.name, from: a.from, to: a.to })) };
  }
  const to = rest[0] && DATE.test(rest[0]) ? rest.shift() : undefined;
  const note = [rest.join(' '), ...req.lines].join(' ').trim();
  const platforms = fanOutPlatforms(deps.settings.platforms, req.platforms);
  const absence = await setAway(deps, actor, { person, from: first, to, platforms, ...(note ? { note } : {}), ...(req.requestId ? { requestId: req.requestId } : {}) });
  const policy = await readSetting(deps, 'cycle.policy');
  const prorate = [t(locale, 'away.prorate', { days: policy.leaveProrationDays }), ...(absence.approval === 'pending' ? [t(locale, 'fairness.away.pending')] : [])].join(' ');
  return { view: textView(t(locale, 'away.saved', { name: person.name, from: absence.from, to: absence.to, prorate })) };
}

const decideLeaveButton =
  (approve: boolean): DecisionHandler =>
  async (deps, actor, value, platforms) => {
    const d = await decideLeave(deps, actor, { absenceId: value, approve, platforms: fanOutPlatforms(deps.settings.platforms, platforms) });
    return d.alreadyDecided ? leaveAlreadyDecidedView(actor.locale, d) : leaveDecidedView(actor.locale, { ...d, deciderName: actor.name });
  };

/** The manager's (or HR's) Approve / Reject of someone's own leave. */
export const LEAVE_DECISIONS: Record<string, DecisionHandler> = {
  [LEAVE_APPROVE]: decideLeaveButton(true),
  [LEAVE_REJECT]: decideLeaveButton(false),
};


