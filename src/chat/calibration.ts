import { listOf } from '../views/format.js';
import type { AppDeps } from '../application/deps.js';
import { adjustScore } from '../application/cycle/adjust-score.js';
import { calibrate } from '../application/cycle/calibration-pack.js';
import { decideAdjustment } from '../application/cycle/adjust-decision.js';
import { ADJUSTMENT_ACCEPT, ADJUSTMENT_REJECT, adjustmentAlreadyDecidedView, adjustmentDecidedView, adjustmentProposedView } from '../views/adjustment-proposal-views.js';
import { scheduleMeeting, showMeeting } from '../application/cycle/schedule-meeting.js';
import type { Person } from '../domain/model/people.js';
import { isPeriodKey } from '../domain/period.js';
import { adjustmentView, calibrationPackView, meetingView, wallClock } from '../views/calibration-views.js';
import { t } from '../views/i18n.js';
import type { CycleSubcommand } from './cycle-subcommand.js';
import { fanOutPlatforms, textView, type ChatAnswer, type ChatRequest, type DecisionHandler } from './port.js';

/**
 * Calibration (the review meeting): `/cycle meeting …`, `/cycle calibrate …`, `/adjust @rep ±N <reason>`.
 */

/** Slack escapes links as `<https://…>` or `<https://…|label>`: the place keeps the bare link. */
const unwrapLink = (w: string): string => w.replace(/^<((?:https?|mailto):[^|>]+)(?:\|[^>]*)?>$/, '$1');

const meeting: CycleSubcommand = async (deps, actor, args, req) => {
  const locale = actor.locale;
  const usage = { view: textView(t(locale, 'calibration.meeting.usage', { tz: deps.settings.companyTimeZone })) };
  if (args.length === 0) return usage;
  if (args.length === 1 && req.users.length === 0 && req.unknownUsers.length === 0) {
    const { cycle, participants } = await showMeeting(deps, actor, { period: args[0] });
    if (!cycle.meeting) return { view: textView(t(locale, 'calibration.meeting.none', { period: cycle.periodKey })) };
    return {
      view: meetingView(locale, {
        periodKey: cycle.periodKey,
        at: cycle.meeting.at,
        timeZone: actor.timeZone ?? deps.settings.companyTimeZone,
        place: cycle.meeting.place,
        participants: participants.map((p) => p.name),
      }),
    };
  }
  const [period, date, time, ...place] = args;
  if (date === undefined) return usage;
  const done = await scheduleMeeting(deps, actor, {
    period,
    date,
    time,
    place: place.map(unwrapLink).join(' '),
    participants: req.users,
    unknown: req.unknownUsers,
    platforms: fanOutPlatforms(deps.settings.platforms, req.platforms),
  });
  const m = done.cycle.meeting!;
  const tz = deps.settings.companyTimeZone;
  const lines = [
    t(locale, 'calibration.meeting.scheduled', {
      period: done.cycle.periodKey,
      when: wallClock(m.at, tz),
      tz,
      place: m.place,
      names: listOf(locale, done.participants.map((p) => p.name)),
      queued: done.queued,
    }),
  ];
  if (done.unreachable.length > 0) lines.push(t(locale, 'calibration.meeting.unreachable', { names: listOf(locale, done.unreachable.map((p) => p.name)) }));
  return { view: textView(lines.join('\n')) };
};

const calibrateSub: CycleSubcommand = async (deps, actor, args, req) => {
  const r = await calibrate(deps, actor, { period: args[0], platforms: fanOutPlatforms(deps.settings.platforms, req.platforms) });
  const view = calibrationPackView(actor.locale, r.pack);
  const note =
    r.channels === 0
      ? t(actor.locale, 'calibration.pack.noChannel')
      : r.queued > 0
        ? t(actor.locale, 'calibration.pack.posted', { count: r.channels })
        : t(actor.locale, 'calibration.pack.unchanged');
  return { view: { ...view, blocks: [...view.blocks, { type: 'context', text: note }] } };
};

export const CALIBRATION_SUBCOMMANDS: Record<string, CycleSubcommand> = { meeting, calibrate: calibrateSub };

const decideAdjustmentButton =
  (accept: boolean): DecisionHandler =>
  async (deps, actor, value, platforms) => {
    const d = await decideAdjustment(deps, actor, { adjustmentId: value, accept, platforms: fanOutPlatforms(deps.settings.platforms, platforms) });
    return d.alreadyDecided ? adjustmentAlreadyDecidedView(actor.locale, d) : adjustmentDecidedView(actor.locale, { ...d, deciderName: actor.name });
  };

/** HR's Accept / Reject of a manager's proposed adjustment. */
export const CALIBRATION_DECISIONS: Record<string, DecisionHandler> = {
  [ADJUSTMENT_ACCEPT]: decideAdjustmentButton(true),
  [ADJUSTMENT_REJECT]: decideAdjustmentButton(false),
};

/** `/adjust @rep <±delta> <reason…> [period]`: a reason may continue on the following lines. */
export async function adjustAnswer(deps: AppDeps, actor: Person, req: ChatRequest): Promise<ChatAnswer> {
  const words = [...req.words];
  if (words.length === 0) return { view: textView(t(actor.locale, 'calibration.adjust.usage')) };
  // The period may come first, as in `/appeal 2026-Q3 …` (`/adjust @rep 2026-Q3 +2 reason`), or last.
  const period =
    words.length >= 2 && isPeriodKey(words[0]!.toUpperCase()) ? words.shift() : words.length >= 2 && isPeriodKey(words.at(-1)!.toUpperCase()) ? words.pop() : undefined;
  const [delta, ...reason] = words;
  const r = await adjustScore(deps, actor, {
    reps: req.users,
    unknown: req.unknownUsers,
    delta,
    reason: [reason.join(' '), ...req.lines].join('\n').trim(),
    period,
    platforms: fanOutPlatforms(deps.settings.platforms, req.platforms),
  });
  if (r.pending) {
    return { view: adjustmentProposedView(actor.locale, { repName: r.rep.name, periodKey: r.periodKey, delta: r.adjustment.delta, before: r.before, after: r.after }) };
  }
  return {
    view: adjustmentView(actor.locale, {
      name: r.rep.name,
      periodKey: r.periodKey,
      delta: r.adjustment.delta,
      reason: r.adjustment.reason,
      before: r.before,
      after: r.after,
      warnings: r.warnings,
    }),
  };
}
