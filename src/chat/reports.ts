import { repOutcomes } from '../application/accounts/rep-outcomes.js';
import type { AppDeps } from '../application/deps.js';
import { outcomeBlocks } from '../views/outcome-views.js';
import { getRanking } from '../application/get-ranking.js';
import { getScorecard } from '../application/get-scorecard.js';
import { planProgressFor } from '../application/interviews/plan-progress.js';
import { today } from '../application/guards.js';
import { setRankingOptOut } from '../application/settings.js';
import { t } from '../views/i18n.js';
import { textView } from './port.js';
import { hasRole, type Person } from '../domain/model/people.js';
import { isPeriodKey, parsePeriod, quarterOf, type Period } from '../domain/period.js';
import { helpView } from '../views/help-view.js';
import type { PlatformName } from '../domain/model/delivery.js';
import { COMMAND_NAMES, COMMAND_TABLE, helpSections } from './commands.js';
import { planProgressBlocks } from '../views/plan-views.js';
import { rankingView } from '../views/ranking-view.js';
import { scorecardView } from '../views/scorecard-view.js';
import type { View } from '../views/view.js';

/** The answers to `/scorecard`, `/ranking` and `/appraisal help`, as platform-neutral views. */

/** Splits a command's words into a period (`2026-Q3`, `2026`) and the rest. */
export function periodAndRest(words: readonly string[]): { period: string | undefined; rest: string } {
  let period: string | undefined;
  const rest: string[] = [];
  for (const w of words) {
    if (!period && isPeriodKey(w.toUpperCase())) period = w.toUpperCase();
    else rest.push(w);
  }
  return { period, rest: rest.join(' ') };
}

const periodOf = (deps: AppDeps, token: string | undefined): Period => (token ? parsePeriod(token) : quarterOf(today(deps)));

/** `/scorecard [@rep] [period]`: `subject` is the mentioned person, already resolved by the platform. */
export async function scorecardAnswer(deps: AppDeps, actor: Person, input: { subject?: Person; period?: string }): Promise<View> {
  const report = await getScorecard(deps, { actor, repId: (input.subject ?? actor).id, period: periodOf(deps, input.period) });
  const ctx = { locale: actor.locale, currency: deps.settings.baseCurrency };
  const view = scorecardView(ctx, report);
  // The improvement plans measured in this period: their goals and where the rep stands on them.
  const plans = await planProgressFor(deps, actor, report.rep, report.card);
  const planBlocks = plans.flatMap((p) => planProgressBlocks(ctx, p.plan.targetPeriodKey, p.goals));
  // Behaviour → outcome: what the visits led to (explained, not scored).
  const asOf = today(deps);
  const outcome = report.period.from <= asOf ? (await repOutcomes(deps, { repIds: [report.rep.id], period: report.period, asOf })).get(report.rep.id) : undefined;
  const outcomes = outcome && outcome.visits > 0 ? outcomeBlocks(actor.locale, report.period.key, outcome) : [];
  return { ...view, blocks: [...view.blocks, ...planBlocks, ...outcomes] };
}

/** `/ranking opt-out` and `/ranking opt-in` (Chinese `退出` / `加入`): the words after /ranking. */
const OPT_WORDS: Record<string, boolean> = { 'opt-out': true, optout: true, 退出: true, 'opt-in': false, optin: false, 加入: false };

/** `/ranking [team] [period]`, as the privacy setting allows; `/ranking opt-out|opt-in` for a rep. */
export async function rankingAnswer(deps: AppDeps, actor: Person, input: { teamName?: string; period?: string }): Promise<View> {
  const opt = input.teamName?.trim().toLowerCase();
  if (opt !== undefined && Object.hasOwn(OPT_WORDS, opt)) {
    const out = OPT_WORDS[opt]!;
    const { changed } = await setRankingOptOut(deps, actor, out);
    return textView(t(actor.locale, out ? 'ranking.optOut.done' : 'ranking.optIn.done') + (changed ? '' : ` ${t(actor.locale, 'ranking.opt.same')}`));
  }
  const r = await getRanking(deps, actor, { period: periodOf(deps, input.period), ...(input.teamName ? { teamName: input.teamName } : {}) });
  return rankingView(actor.locale, {
    periodKey: r.period.key,
    entries: r.entries,
    teamNames: r.teamNames,
    unrankedNames: r.unrankedNames,
    showScores: r.showScores,
    own: r.own ? { rank: r.own.rank, of: r.rankedCount } : hasRole(actor, 'rep') ? null : undefined,
    ...(r.topN ? { topN: r.topN } : {}),
    ...(r.team ? { team: r.team } : {}),
  });
}

/** Platforms where the Chinese aliases can be typed (Slack slash commands are ASCII only). */
const TYPES_ALIASES: Record<PlatformName, boolean> = { slack: false, lark: true, console: true };

/** `/appraisal help`, derived from the command table: one section per role the reader holds, so a rep is not shown the administration. */
export function helpAnswer(actor: Person, platform: PlatformName): View {
  const aliases = TYPES_ALIASES[platform] ? Object.fromEntries(COMMAND_NAMES.map((c) => [c, COMMAND_TABLE[c].zh])) : undefined;
  return helpView(actor.locale, { sections: helpSections(actor.roles), ...(aliases ? { aliases } : {}) });
}
