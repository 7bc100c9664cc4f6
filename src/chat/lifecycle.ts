import { closeCycle } from '../application/cycle/close-cycle.js';
import { cycleTargets, setCycleTarget } from '../application/cycle/cycle-targets.js';
import type { AppDeps } from '../application/deps.js';
import { decideLateEntry } from '../application/entries/late-entry-decide.js';
import { requestLateEntry } from '../application/entries/late-entry-request.js';
import { isLateEntryError } from '../application/guards.js';
import { AppError } from '../domain/errors.js';
import type { LateEntryKind } from '../domain/model/cycle.js';
import { PLATFORMS, type PlatformName } from '../domain/model/delivery.js';
import type { Person } from '../domain/model/people.js';
import { t } from '../views/i18n.js';
import { LATE_APPROVE, LATE_DECLINE, targetsView } from '../views/lifecycle-views.js';
import type { View } from '../views/view.js';
import type { CycleSubcommand } from './cycle-subcommand.js';
import { splitEarly } from './early-override.js';
import { fanOutPlatforms, textView, type DecisionHandler } from './port.js';

/** The cycle's lifecycle in chat: `/cycle close …`, `/cycle targets …`, late entries after the close date. */

const platformsOf = (deps: AppDeps, platform: string): readonly PlatformName[] =>
  fanOutPlatforms(deps.settings.platforms, (PLATFORMS as readonly string[]).includes(platform) ? [platform as PlatformName] : []);

/**
 * Runs an entry form's use case; when it refuses the entry only because its period is past the
 * cycle's close date, the same input goes to the rep's manager for approval instead, and the rep
 * is told plainly that nothing is saved yet.
 */
export async function orLate<R extends { text: string }>(
  deps: AppDeps,
  actor: Person,
  kind: LateEntryKind,
  raw: { requestId: string },
  platform: string,
  onTime: () => Promise<R>,
): Promise<R | { text: string; pending: true }> {
  try {
    return await onTime();
  } catch (e) {
    if (!isLateEntryError(e)) throw e;
    const { late, manager, closeDate } = await requestLateEntry(deps, actor, { kind, raw, platforms: platformsOf(deps, platform) });
    const text = t(actor.locale, 'lifecycle.late.sent', { period: late.periodKey, closeDate, manager: manager.name, summary: late.summary });
    return { text, pending: true };
  }
}

export const LIFECYCLE_SUBCOMMANDS: Record<string, CycleSubcommand> = {
  /** `/cycle close <period> [early <reason>]` */
  close: async (deps, actor, args, req) => {
    const { head, early } = splitEarly(args, req.lines);
    const cycle = await closeCycle(deps, actor, { period: head[0], early });
    return { view: textView(t(actor.locale, 'lifecycle.closed', { period: cycle.periodKey })) };
  },
  /** `/cycle targets <period>` lists; `/cycle targets <period> <indicator> <value> [team <name> | @rep]` sets. */
  targets: async (deps, actor, args, req) => {
    if (req.unknownUsers.length > 0) {
      throw new AppError('NOT_FOUND', `unknown people: ${req.unknownUsers.join(', ')}`, { params: { messageId: 'lifecycle.unknownUser', names: [...req.unknownUsers] } });
    }
    const [period, indicator, value, ...rest] = args;
    if (indicator === undefined) {
      const list = await cycleTargets(deps, actor, { period });
      return { view: targetsView(actor.locale, list) };
    }
    const teamAt = rest.findIndex((w) => w.toLowerCase() === 'team' || w === '团队');
    const teamName = teamAt >= 0 ? rest.slice(teamAt + 1).join(' ') : undefined;
    const r = await setCycleTarget(deps, actor, { period, indicator, value, ...(teamName !== undefined ? { teamName } : {}), ...(req.users[0] ? { rep: req.users[0] } : {}) });
    const params = { indicator: t(actor.locale, `indicator.${r.target.indicator}`), period: r.target.periodKey, scope: r.scopeLabel, value: r.target.value, old: r.old ?? '—' };
    return { view: textView(t(actor.locale, r.changed ? 'lifecycle.targets.set' : 'lifecycle.targets.unchanged', params)) };
  },
};

/** Approve or Decline on a late entry: the answer replaces the manager's message. */
const lateDecision =
  (approve: boolean): DecisionHandler =>
  async (deps, actor, value, platforms): Promise<View> => {
    const { late } = await decideLateEntry(deps, actor, { id: value, approve, platforms: fanOutPlatforms(deps.settings.platforms, platforms) });
    return textView(t(actor.locale, approve ? 'lifecycle.late.approved' : 'lifecycle.late.declined', { by: actor.name, summary: late.summary, period: late.periodKey }));
  };

export const LATE_ENTRY_DECISIONS: Record<string, DecisionHandler> = {
  [LATE_APPROVE]: lateDecision(true),
  [LATE_DECLINE]: lateDecision(false),
};
