import type { AppDeps } from '../application/deps.js';
import { acknowledgePlan } from '../application/interviews/acknowledge-plan.js';
import { draftPlan } from '../application/interviews/draft-plan.js';
import { selfReviewOf } from '../application/cycle/self-review.js';
import { selfReviewLine } from './self-and-leave.js';
import { momentFor, zoneOf } from '../application/interviews/interview-messages.js';
import { myInterviews, teamInterviews } from '../application/interviews/interview-overview.js';
import { logInterview } from '../application/interviews/log-interview.js';
import { scheduleInterview } from '../application/interviews/schedule-interview.js';
import { AppError } from '../domain/errors.js';
import type { Interview } from '../domain/model/cycle.js';
import { hasRole, type Person } from '../domain/model/people.js';
import { isPeriodKey } from '../domain/period.js';
import { t } from '../views/i18n.js';
import { interviewStatusView, myInterviewsBlocks, scheduledText, timeIn, type InterviewStatus } from '../views/interview-views.js';
import { planPreviewView, planView } from '../views/plan-views.js';
import type { Block } from '../views/view.js';
import { formContext } from './form-context.js';
import { parseLogLines } from './interview-lines.js';
import { interviewLogForm } from './interview-form.js';
import { fanOutPlatforms, textView, type ChatAnswer, type ChatRequest, type DecisionHandler } from './port.js';

/**
 * Feedback interviews (面谈) and improvement plans:
 * - `/interview @rep <YYYY-MM-DD> <HH:mm> [place or call link…] [period]` schedules (or moves) it;
 * - `/interview plan @rep [period]` previews the prefilled plan;
 * - `/interview log @rep [period]` logs it, with lines `notes: …`, `view: …`, `goal: <text> [by YYYY-MM-DD]`;
 * - `/interview` lists a manager's reps (or a rep's own interviews and plans);
 * - the plan's "Acknowledge" button (`decide:plan.ack`, value = plan id).
 */

/** The one rep the command is about; an unknown or missing mention is refused by name. */
function repOf(req: ChatRequest): Person {
  const [unknown] = req.unknownUsers;
  if (unknown !== undefined) throw new AppError('NOT_FOUND', `unknown user ${unknown}`, { params: { messageId: 'interview.error.unknownUser', label: unknown } });
  const [rep] = req.users;
  if (!rep) throw new AppError('VALIDATION', 'no rep mentioned', { params: { messageId: 'interview.error.noRep' } });
  return rep;
}

/** Splits off a trailing period key (`2026-Q3`). */
function periodAtEnd(words: readonly string[]): { period: string | undefined; rest: string[] } {
  const last = words.at(-1);
  return last && isPeriodKey(last.toUpperCase()) ? { period: last.toUpperCase(), rest: words.slice(0, -1) } : { period: undefined, rest: [...words] };
}


async function schedule(deps: AppDeps, actor: Person, req: ChatRequest): Promise<ChatAnswer> {
  const rep = repOf(req);
  const [date = '', time = '', ...tail] = req.words;
  const { period, rest } = periodAtEnd(tail);
  const r = await scheduleInterview(deps, actor, { rep, date, time, place: rest.join(' '), period, platforms: fanOutPlatforms(deps.settings.platforms, req.platforms) });
  return { view: textView(scheduledText(actor.locale, r.moved, momentFor(deps, actor, r.interview, { rep, manager: r.manager }))) };
}

async function preview(deps: AppDeps, actor: Person, req: ChatRequest): Promise<ChatAnswer> {
  const d = await draftPlan(deps, actor, { rep: repOf(req), period: periodAtEnd(req.words.slice(1)).period });
  const view = planPreviewView(actor.locale, { repName: d.rep.name, periodKey: d.period.key, targetPeriodKey: d.target.key, goals: d.goals, checkIns: d.checkIns });
  return { view: { ...view, blocks: [...view.blocks, ...(await selfReviewBlocks(deps, actor, d.rep.id, d.period.key))] } };
}

async function log(deps: AppDeps, actor: Person, req: ChatRequest): Promise<ChatAnswer> {
  const rep = repOf(req);
  if (req.lines.every((l) => !l.trim())) {
    // Nothing written after the command: the form, with the plan prefilled.
    const { form, kind } = await interviewLogForm(deps, actor, await formContext(deps, actor), { rep, period: periodAtEnd(req.words.slice(1)).period });
    return { view: textView(t(actor.locale, 'interview.form.opened')), form: { form, kind } };
  }
  const { interview, plan } = await logInterview(deps, actor, {
    rep,
    period: periodAtEnd(req.words.slice(1)).period,
    ...parseLogLines(req.lines),
    platforms: fanOutPlatforms(deps.settings.platforms, req.platforms),
  });
  const view = planView(actor.locale, { repName: rep.name, plan, notes: interview.notes, repView: interview.repView, ackButton: false });
  const done = t(actor.locale, 'interview.logged', { name: rep.name, period: interview.periodKey });
  return { view: { title: done, blocks: [{ type: 'text', text: done }, ...view.blocks, ...(await selfReviewBlocks(deps, actor, rep.id, interview.periodKey))] } };
}

/** The rep's self-review for the period, beside the plan (the manager's and HR's eyes only: the callers checked access). */
async function selfReviewBlocks(deps: AppDeps, actor: Person, repId: string, periodKey: string): Promise<Block[]> {
  const review = await selfReviewOf(deps, repId, periodKey);
  return review ? [{ type: 'context', text: selfReviewLine(actor.locale, review) }] : [];
}

const statusOf = (deps: AppDeps, reader: Person, i: Interview | null): InterviewStatus =>
  !i ? { state: 'toHold' } : i.state === 'held' ? { state: 'held', date: i.heldOn ?? '' } : { state: 'scheduled', at: i.scheduledAt ? timeIn(reader.locale, i.scheduledAt, zoneOf(deps, reader)) : '' };

async function overview(deps: AppDeps, actor: Person): Promise<ChatAnswer> {
  if (hasRole(actor, 'manager')) {
    const team = await teamInterviews(deps, actor);
    return { view: interviewStatusView(actor.locale, { periodKey: team.periodKey, rows: team.rows.map((r) => ({ name: r.rep.name, status: statusOf(deps, actor, r.interview) })) }) };
  }
  if (!hasRole(actor, 'rep')) return { view: textView(t(actor.locale, 'interview.usage')) };
  const mine = await myInterviews(deps, actor);
  const title = t(actor.locale, 'interview.mine.title');
  if (mine.interviews.length === 0 && mine.plans.length === 0) return { view: textView(t(actor.locale, 'interview.mine.none')) };
  const blocks: Block[] = [{ type: 'header', text: title }, ...myInterviewsBlocks(actor.locale, mine.interviews.map((r) => ({ interview: r.interview, managerName: r.manager?.name ?? '', status: statusOf(deps, actor, r.interview) })))];
  for (const plan of mine.plans) {
    blocks.push({ type: 'divider' }, ...planView(actor.locale, { repName: actor.name, plan, ackButton: true }).blocks);
  }
  return { view: { title, blocks } };
}

export async function interviewAnswer(deps: AppDeps, actor: Person, req: ChatRequest): Promise<ChatAnswer> {
  const sub = (req.words[0] ?? '').toLowerCase();
  if (sub === 'log') return log(deps, actor, req);
  if (sub === 'plan') return preview(deps, actor, req);
  if (sub === 'help') return { view: textView(t(actor.locale, 'interview.usage')) };
  if (req.words.length === 0 && req.users.length === 0 && req.unknownUsers.length === 0) return overview(deps, actor);
  if (req.words.length < 2) {
    repOf(req);
    return { view: textView(t(actor.locale, 'interview.usage')) };
  }
  return schedule(deps, actor, req);
}

export const INTERVIEW_DECISIONS: Record<string, DecisionHandler> = {
  /** The rep acknowledges their plan; the answer replaces the DM, without the button. */
  'decide:plan.ack': async (deps, actor, value, platforms) => {
    const { plan, rep, already } = await acknowledgePlan(deps, actor, { planId: value, platforms: fanOutPlatforms(deps.settings.platforms, platforms) });
    const interview = plan.interviewId ? await deps.store.interviews.get(plan.interviewId) : null;
    const view = planView(actor.locale, { repName: rep.name, plan, notes: interview?.notes ?? '', repView: interview?.repView ?? '', ackButton: false });
    if (!already) return view;
    const note = t(actor.locale, 'plan.alreadyAcknowledged', { date: plan.acknowledgedAt!.slice(0, 10) });
    return { title: note, blocks: [{ type: 'context', text: note }, ...view.blocks] };
  },
};
