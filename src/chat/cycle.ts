import { openCycle, planCycle } from '../application/cycle/open-cycle.js';
import { cycleStatus } from '../application/cycle/cycle-status.js';
import { preparePublication } from '../application/cycle/prepare-publication.js';
import { publishResults } from '../application/cycle/publish-results.js';
import { startReview } from '../application/cycle/start-review.js';
import type { AppDeps } from '../application/deps.js';
import type { Person } from '../domain/model/people.js';
import { cycleStatusView, publicationPreviewView } from '../views/cycle-views.js';
import { storedText } from '../views/labels.js';
import { t } from '../views/i18n.js';
import { CALIBRATION_SUBCOMMANDS } from './calibration.js';
import { LIFECYCLE_SUBCOMMANDS } from './lifecycle.js';
import type { CycleSubcommand } from './cycle-subcommand.js';
import { splitEarly } from './early-override.js';
import { fanOutPlatforms, textView, type ChatAnswer, type ChatRequest } from './port.js';

/** `/cycle …` and `/publish-results …`, shared by every platform, as platform-neutral views. */


const CORE_SUBCOMMANDS: Record<string, CycleSubcommand> = {
  /** `/cycle open <period> [close YYYY-MM-DD]` */
  open: async (deps, actor, args) => {
    const closeAt = args.findIndex((a) => a.toLowerCase() === 'close');
    const closeDate = closeAt >= 0 ? (args[closeAt + 1] ?? '') : undefined;
    const cycle = await openCycle(deps, actor, { period: args[0], closeDate });
    const close = cycle.entryCloseDate ? t(actor.locale, 'cycle.opened.close', { date: cycle.entryCloseDate }) : '';
    return { view: textView(t(actor.locale, 'cycle.opened', { period: cycle.periodKey, template: storedText(actor.locale, cycle.templateId), version: cycle.templateVersion, close })) };
  },
  /** `/cycle plan <period> [close YYYY-MM-DD]` */
  plan: async (deps, actor, args) => {
    const closeAt = args.findIndex((a) => a.toLowerCase() === 'close');
    const closeDate = closeAt >= 0 ? (args[closeAt + 1] ?? '') : undefined;
    const cycle = await planCycle(deps, actor, { period: args[0], closeDate });
    return { view: textView(t(actor.locale, 'cycle.planned', { period: cycle.periodKey, template: storedText(actor.locale, cycle.templateId), version: cycle.templateVersion })) };
  },
  /** `/cycle status [period]` */
  status: async (deps, actor, args) => {
    const s = await cycleStatus(deps, actor, { period: args[0] });
    return { view: cycleStatusView(actor.locale, { periodKey: s.period.key, cycle: s.cycle, graded: s.graded, noData: s.noData, calendar: s.calendar }) };
  },
  /** `/cycle review <period> [early <reason>]` */
  review: async (deps, actor, args, req) => {
    const { head, early } = splitEarly(args, req.lines);
    const cycle = await startReview(deps, actor, { period: head[0], early });
    return { view: textView(t(actor.locale, early === undefined ? 'cycle.reviewing' : 'cycle.reviewingEarly', { period: cycle.periodKey })) };
  },
};

const SUBCOMMANDS: Record<string, CycleSubcommand> = { ...CORE_SUBCOMMANDS, ...CALIBRATION_SUBCOMMANDS, ...LIFECYCLE_SUBCOMMANDS };

export async function cycleAnswer(deps: AppDeps, actor: Person, req: ChatRequest): Promise<ChatAnswer> {
  const [sub, ...args] = req.words;
  const run = SUBCOMMANDS[(sub ?? '').toLowerCase()];
  if (!run || !Object.hasOwn(SUBCOMMANDS, (sub ?? '').toLowerCase())) return { view: textView(t(actor.locale, 'cycle.usage')) };
  return run(deps, actor, args, req);
}

/**
 * `/publish-results [period]` answers with what would be published, a Publish button and the
 * command to confirm; the button or `/publish-results <period> confirm` publishes. While reps may
 * still log for the period the preview says how many days remain and offers no button: only
 * `/publish-results <period> confirm early <reason>` publishes then. Messages go to every running platform
 * (deps.settings.platforms), or to the caller's when that is not set.
 */
export async function publishAnswer(deps: AppDeps, actor: Person, req: ChatRequest): Promise<ChatAnswer> {
  const { head: words, early } = splitEarly(req.words, req.lines);
  const confirm = words.some((w) => w.toLowerCase() === 'confirm');
  const period = words.find((w) => w.toLowerCase() !== 'confirm');
  if (confirm) {
    const p = await publishResults(deps, actor, { period, early, platforms: fanOutPlatforms(deps.settings.platforms, req.platforms) });
    return { view: textView(t(actor.locale, 'publish.done', { period: p.plan.cycle.periodKey, version: p.version, results: p.results, queued: p.queued })) };
  }
  const plan = await preparePublication(deps, actor, { period });
  const names = new Map((await deps.store.people.find()).map((p) => [p.id, p.name] as const));
  const awards = (list: typeof plan.approvedAwards) => list.map((a) => ({ name: names.get(a.repId) ?? a.repId, title: a.title }));
  return {
    view: publicationPreviewView(
      { locale: actor.locale, currency: deps.settings.baseCurrency },
      {
        periodKey: plan.cycle.periodKey,
        gradeCounts: plan.gradeCounts,
        graded: plan.graded.length,
        noData: plan.noData.length,
        averageMultiplier: plan.averageMultiplier,
        aboveOne: plan.aboveOne,
        belowOne: plan.belowOne,
        penalisedNames: plan.penalised.map((s) => s.rep.name),
        totalBonus: plan.totalBonus,
        baseBonus: plan.policy.baseBonus,
        approvedAwards: awards(plan.approvedAwards),
        pendingAwards: awards(plan.pendingAwards),
        warnings: plan.warnings,
        pendingAdjustments: plan.pendingAdjustments.map((a) => ({ name: names.get(a.repId) ?? a.repId, delta: a.delta, by: names.get(a.byId) ?? a.byId })),
        pendingLeave: plan.pendingLeave.map((a) => ({ name: names.get(a.personId) ?? a.personId, from: a.from, to: a.to })),
        calendar: plan.calendar,
      },
    ),
  };
}
