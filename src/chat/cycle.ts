import { openCycle } from '../application/cycle/open-cycle.js';
import { cycleStatus } from '../application/cycle/cycle-status.js';
import { preparePublication } from '../application/cycle/prepare-publication.js';
import { publishResults } from '../application/cycle/publish-results.js';
import { startReview } from '../application/cycle/start-review.js';
import type { AppDeps } from '../application/deps.js';
import type { PlatformName } from '../domain/model/delivery.js';
import type { Person } from '../domain/model/people.js';
import { cycleStatusView, publicationPreviewView } from '../views/cycle-views.js';
import { t } from '../views/i18n.js';
import type { View } from '../views/view.js';

/** `/cycle …` and `/publish-results …`, shared by every platform, as platform-neutral views. */

const textView = (text: string): View => ({ title: text, blocks: [{ type: 'text', text }] });

/** `/cycle open <period> [close YYYY-MM-DD]`, `/cycle status [period]`, `/cycle review <period>`. */
export async function cycleAnswer(deps: AppDeps, actor: Person, text: string): Promise<View> {
  const locale = actor.locale;
  const [sub, ...args] = text.trim().split(/\s+/).filter(Boolean);
  switch ((sub ?? '').toLowerCase()) {
    case 'open': {
      const closeAt = args.findIndex((a) => a.toLowerCase() === 'close');
      const closeDate = closeAt >= 0 ? (args[closeAt + 1] ?? '') : undefined;
      const cycle = await openCycle(deps, actor, { period: args[0], closeDate });
      const close = cycle.entryCloseDate ? t(locale, 'cycle.opened.close', { date: cycle.entryCloseDate }) : '';
      return textView(t(locale, 'cycle.opened', { period: cycle.periodKey, template: cycle.templateId, version: cycle.templateVersion, close }));
    }
    case 'status': {
      const s = await cycleStatus(deps, actor, { period: args[0] });
      return cycleStatusView(locale, { periodKey: s.period.key, cycle: s.cycle, graded: s.graded, noData: s.noData });
    }
    case 'review': {
      const cycle = await startReview(deps, actor, { period: args[0] });
      return textView(t(locale, 'cycle.reviewing', { period: cycle.periodKey }));
    }
    default:
      return textView(t(locale, 'cycle.usage'));
  }
}

/**
 * `/publish-results [period]` answers with what would be published and the command to confirm;
 * `/publish-results <period> confirm` publishes. Messages go to every running platform
 * (deps.settings.platforms), or to `platforms` (the caller's) when that is not set.
 */
export async function publishAnswer(deps: AppDeps, actor: Person, text: string, platforms: readonly PlatformName[]): Promise<View> {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const confirm = words.some((w) => w.toLowerCase() === 'confirm');
  const period = words.find((w) => w.toLowerCase() !== 'confirm');
  if (confirm) {
    const p = await publishResults(deps, actor, { period, platforms: deps.settings.platforms?.length ? deps.settings.platforms : platforms });
    return textView(t(actor.locale, 'publish.done', { period: p.plan.cycle.periodKey, version: p.version, results: p.results, queued: p.queued }));
  }
  const plan = await preparePublication(deps, actor, { period });
  return publicationPreviewView(actor.locale, {
    periodKey: plan.cycle.periodKey,
    gradeCounts: plan.gradeCounts,
    graded: plan.graded.length,
    noData: plan.noData.length,
    averageMultiplier: plan.averageMultiplier,
    aboveOne: plan.aboveOne,
    belowOne: plan.belowOne,
    penalisedNames: plan.penalised.map((s) => s.rep.name),
  });
}
