import { decideAward } from '../application/cycle/award-decision.js';
import { grantAward } from '../application/cycle/award-grant.js';
import { listAwards } from '../application/cycle/award-list.js';
import { publishResults } from '../application/cycle/publish-results.js';
import type { AppDeps } from '../application/deps.js';
import { requireRole } from '../application/guards.js';
import { AppError } from '../domain/errors.js';
import type { Person } from '../domain/model/people.js';
import { PUBLISH_CONFIRM } from '../views/cycle-views.js';
import { t } from '../views/i18n.js';
import { AWARD_APPROVE, AWARD_REJECT, awardAlreadyDecidedView, awardDecidedView, awardGrantedView, awardListView } from '../views/reward-views.js';
import { appealAnswer } from './appeals.js';
import { fanOutPlatforms, textView, type ChatAnswer, type ChatRequest, type DecisionHandler } from './port.js';

/** Rewards: `/award @rep <title>: <reason> [period]`, `/award list [period]`, the award and publication buttons. */

export { appealAnswer };

const decideAwardButton =
  (approve: boolean): DecisionHandler =>
  async (deps, actor, value, platforms) => {
    const d = await decideAward(deps, actor, { awardId: value, approve, platforms: fanOutPlatforms(deps.settings.platforms, platforms) });
    return d.alreadyDecided ? awardAlreadyDecidedView(actor.locale, d) : awardDecidedView(actor.locale, { ...d, deciderName: actor.name });
  };

export const REWARD_DECISIONS: Record<string, DecisionHandler> = {
  [AWARD_APPROVE]: decideAwardButton(true),
  [AWARD_REJECT]: decideAwardButton(false),
  /** The Publish button of the `/publish-results` preview (value: the period). */
  [PUBLISH_CONFIRM]: async (deps, actor, value, platforms) => {
    const p = await publishResults(deps, actor, { period: value, platforms: fanOutPlatforms(deps.settings.platforms, platforms) });
    return textView(t(actor.locale, 'publish.done', { period: p.plan.cycle.periodKey, version: p.version, results: p.results, queued: p.queued }));
  },
};

/** A mentioned platform user the bot does not know is refused by name, never registered. */
export function refuseUnknown(req: ChatRequest): void {
  const [unknown] = req.unknownUsers;
  if (unknown !== undefined) throw new AppError('NOT_FOUND', `unknown user ${unknown}`, { params: { messageId: 'rewards.error.unknownUser', name: unknown } });
}

/**
 * "<title>: <reason> [period]" (a Chinese colon works too); the lines after the first belong to
 * the reason. A trailing quarter is the period; a trailing year only when that year has a review
 * cycle (an annual award), since a reason may well end with a year ("won in 2026").
 */
function parseAward(words: readonly string[], lines: readonly string[], years: ReadonlySet<string>): { title: string; reason: string; period?: string } | null {
  const rest = [...words];
  const lastWord = rest.at(-1) ?? '';
  const period = /^\d{4}-Q[1-4]$/i.test(lastWord) || years.has(lastWord) ? rest.pop()!.toUpperCase() : undefined;
  const text = rest.join(' ');
  const colon = text.search(/[:：]/);
  if (colon < 0) return null;
  const reason = [text.slice(colon + 1).trim(), ...lines.map((l) => l.trim()).filter(Boolean)].join('\n');
  return { title: text.slice(0, colon).trim(), reason, ...(period ? { period } : {}) };
}

export async function awardAnswer(deps: AppDeps, actor: Person, req: ChatRequest): Promise<ChatAnswer> {
  const [first, ...rest] = req.words;
  if (first?.toLowerCase() === 'list' && req.users.length === 0) {
    const { period, rows } = await listAwards(deps, actor, { period: rest[0] });
    return { view: awardListView(actor.locale, period.key, rows) };
  }
  if (req.words.length === 0 && req.users.length === 0 && req.unknownUsers.length === 0) return { view: textView(t(actor.locale, 'rewards.award.usage')) };
  refuseUnknown(req);
  const years = new Set((await deps.store.cycles.find()).map((c) => c.periodKey).filter((k) => /^\d{4}$/.test(k)));
  const parsed = parseAward(req.words, req.lines, years);
  if (!parsed) {
    // A rep is told they may not award, rather than how to write an award.
    requireRole(actor, ['hr', 'manager'], 'grant a special award');
    throw new AppError('VALIDATION', 'award without title: reason', { params: { messageId: 'rewards.error.awardUsage' } });
  }
  const { award } = await grantAward(deps, actor, { rep: req.users[0], ...parsed, platforms: fanOutPlatforms(deps.settings.platforms, req.platforms) });
  return { view: awardGrantedView(actor.locale, { award, repName: req.users[0]!.name }) };
}
