import type { PlatformName } from '../../domain/model/delivery.js';
import type { Person, Team } from '../../domain/model/people.js';
import { channelSummaryView, repResultView, teamResultsView } from '../../views/cycle-views.js';
import type { View } from '../../views/view.js';
import type { AppDeps } from '../deps.js';
import type { Delivery } from '../delivery/enqueue.js';
import { assembleReport } from '../get-scorecard.js';
import { channelTargets, dmTargetOf } from '../jobs/recipients.js';
import type { PublicationPlan } from './prepare-publication.js';

export const PUBLISH_JOB = 'publish-results';

const message = (view: View) => ({ text: view.title, view });

/**
 * The publication's messages: the grade distribution to the results channels, each graded rep's
 * own result by DM, each manager their team's results. One run key per period and version, so a
 * retried publication queues nothing twice.
 */
export async function publicationDeliveries(deps: AppDeps, plan: PublicationPlan, input: { version: number; platforms: readonly PlatformName[] }): Promise<Delivery[]> {
  const periodKey = plan.cycle.periodKey;
  const base = { job: PUBLISH_JOB, runKey: `${periodKey}:v${input.version}` };
  const out: Delivery[] = [];
  const summary = channelSummaryView(deps.settings.defaultLocale, { periodKey, gradeCounts: plan.gradeCounts, graded: plan.graded.length });
  for (const to of await channelTargets(deps, 'results', input.platforms)) out.push({ ...base, ...to, message: message(summary) });

  const teams = new Map((await deps.store.teams.find()).map((t) => [t.id, t] as const));
  const teamOf = (p: Person): Team | null => (p.teamId ? teams.get(p.teamId) ?? null : null);
  for (const scored of plan.graded) {
    const to = dmTargetOf(scored.rep, input.platforms);
    if (!to) continue;
    const report = assembleReport(deps, { rep: scored.rep, team: teamOf(scored.rep), current: plan.scores, past: [] });
    const view = repResultView({ locale: scored.rep.locale, currency: deps.settings.baseCurrency }, report);
    out.push({ ...base, ...to, message: message(view) });
  }

  const byManager = new Map<string, typeof plan.graded>();
  for (const scored of plan.graded) {
    const managerId = scored.rep.managerId ?? teamOf(scored.rep)?.managerId;
    if (managerId) byManager.set(managerId, [...(byManager.get(managerId) ?? []), scored]);
  }
  for (const [managerId, reps] of byManager) {
    const manager = await deps.store.people.get(managerId);
    const to = manager?.active ? dmTargetOf(manager, input.platforms) : null;
    if (!manager || !to) continue;
    const view = teamResultsView(manager.locale, periodKey, reps.map((s) => ({ name: s.rep.name, card: s.card })));
    out.push({ ...base, ...to, message: message(view) });
  }
  return out;
}
