import type { PublishedResult } from '../../domain/model/cycle.js';
import type { PlatformName } from '../../domain/model/delivery.js';
import { managerIdOf } from '../../domain/model/manager.js';
import type { Person, Team } from '../../domain/model/people.js';
import { periodsBefore } from '../../domain/period.js';
import { channelSummaryView, penaltyFlagView, repResultView, teamResultsView } from '../../views/cycle-views.js';
import { channelLocale, type AppDeps } from '../deps.js';
import type { Delivery } from '../delivery/enqueue.js';
import { assembleReport } from '../get-scorecard.js';
import { channelTargets, dmTargetOf } from '../jobs/recipients.js';
import { HISTORY_PERIODS, pastTotals } from '../past-totals.js';
import { readSetting } from '../settings.js';
import { comparisonFor, comparisonPrivacy } from '../team-comparison.js';
import type { PublicationPlan } from './prepare-publication.js';
import { appealDeadline, message } from './reward-common.js';

export const PUBLISH_JOB = 'publish-results';

/**
 * The publication's messages, built from the frozen results: the grade distribution, special
 * awards and (if the policy and the ranking privacy allow) the top performers to the results
 * channels; each graded rep's own result by DM (breakdown, grade, bonus, team and history, trend,
 * how to appeal and until when); each manager their team's results and the interviews to hold;
 * the penalty flags with their evidence to the HR-private channels. One run key per period and
 * version (the managers' team results one of their own), so a retried publication queues nothing twice.
 */
export async function publicationDeliveries(
  deps: AppDeps,
  plan: PublicationPlan,
  input: { version: number; platforms: readonly PlatformName[]; results: readonly PublishedResult[] },
): Promise<Delivery[]> {
  const periodKey = plan.cycle.periodKey;
  const base = { job: PUBLISH_JOB, runKey: `${periodKey}:v${input.version}` };
  const out: Delivery[] = [];
  const currency = deps.settings.baseCurrency;
  const resultOf = new Map(input.results.map((r) => [r.repId, r] as const));
  const graded = plan.graded.filter((s) => resultOf.has(s.rep.id));
  const awardsById = new Map(plan.approvedAwards.map((a) => [a.id, a] as const));
  const nameOf = new Map(graded.map((s) => [s.rep.id, s.rep.name] as const));

  const privacy = await readSetting(deps, 'ranking.privacy');
  const comparison = await comparisonPrivacy(deps);
  const showTop = plan.policy.topPerformers > 0 && privacy.mode !== 'own_only';
  const top = showTop ? graded.filter((s) => !comparison.optedOut.has(s.rep.id)).slice(0, plan.policy.topPerformers) : [];
  const summary = channelSummaryView(channelLocale(deps.settings), {
    periodKey,
    gradeCounts: plan.gradeCounts,
    graded: graded.length,
    awards: input.results.flatMap((r) => r.awardIds.map((id) => awardsById.get(id)).filter((a) => a !== undefined).map((a) => ({ name: nameOf.get(r.repId) ?? r.repId, title: a.title }))),
    top: top.map((s) => ({ name: s.rep.name, grade: s.card.grade, total: privacy.mode === 'rank_only' ? null : s.card.total })),
  });
  for (const to of await channelTargets(deps, 'results', input.platforms)) out.push({ ...base, ...to, message: message(summary) });

  const teams = new Map((await deps.store.teams.find()).map((t) => [t.id, t] as const));
  const teamOf = (p: Person): Team | null => (p.teamId ? teams.get(p.teamId) ?? null : null);
  // The reps' history: every previous period read (published) or scored once for everybody.
  const past = await pastTotals(deps, periodsBefore(plan.scores.period, HISTORY_PERIODS), { reps: graded.map((s) => s.rep) });
  for (const scored of graded) {
    const to = dmTargetOf(scored.rep, input.platforms);
    if (!to) continue;
    const result = resultOf.get(scored.rep.id)!;
    const report = comparisonFor(scored.rep, assembleReport(deps, { rep: scored.rep, team: teamOf(scored.rep), current: plan.scores, past, final: true }), comparison);
    const view = repResultView({ locale: scored.rep.locale, currency }, report, {
      bonusAmount: result.bonusAmount ?? null,
      awards: result.awardIds.map((id) => awardsById.get(id)?.title).filter((t): t is string => t !== undefined),
      appealUntil: appealDeadline(deps, result.publishedAt, plan.policy.appealWindowDays),
      annual: plan.scores.quarters?.get(scored.rep.id),
    });
    out.push({ ...base, ...to, message: message(view) });
  }

  // Each manager is told the results of the reps they are the manager of (never their own).
  const active = new Map((await deps.store.people.find({ active: true })).map((p) => [p.id, p] as const));
  const byManager = new Map<string, typeof graded>();
  for (const scored of graded) {
    const managerId = managerIdOf(scored.rep, { teams, people: active });
    if (managerId) byManager.set(managerId, [...(byManager.get(managerId) ?? []), scored]);
  }
  for (const [managerId, reps] of byManager) {
    const manager = active.get(managerId)!;
    const to = dmTargetOf(manager, input.platforms);
    if (!to) continue;
    const rows = reps.map((s) => ({ name: s.rep.name, card: s.card, bonusAmount: resultOf.get(s.rep.id)!.bonusAmount ?? null }));
    // A run key of its own: a player-coach also gets his own result above, to the same recipient, and
    // one key for both would drop one of them as a duplicate.
    out.push({ ...base, runKey: `${base.runKey}:team`, ...to, message: message(teamResultsView({ locale: manager.locale, currency }, periodKey, rows)) });
  }

  const penalised = graded.filter((s) => s.card.penalty);
  if (penalised.length > 0) {
    const flag = penaltyFlagView({ locale: channelLocale(deps.settings), currency }, periodKey, penalised.map((s) => ({ name: s.rep.name, card: s.card })));
    for (const to of await channelTargets(deps, 'hr-private', input.platforms)) out.push({ ...base, ...to, message: message(flag) });
  }
  return out;
}
