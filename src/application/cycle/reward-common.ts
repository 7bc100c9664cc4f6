import { addDays, todayIn, type LocalDate } from '../../domain/dates.js';
import { AppError } from '../../domain/errors.js';
import { isPublishedState, type PublishedResult, Reason } from '../../domain/model/cycle.js';
import type { PlatformName } from '../../domain/model/delivery.js';
import { hasRole, type Person } from '../../domain/model/people.js';
import { quarterOf, type Period } from '../../domain/period.js';
import type { View } from '../../views/view.js';
import { channelLocale, type AppDeps } from '../deps.js';
import type { Delivery } from '../delivery/enqueue.js';
import { today } from '../guards.js';
import { channelTargets, dmTargetOf } from '../jobs/recipients.js';
import { periodFrom } from './cycles.js';

/** Shared by awards and appeals: who HR is, reasons, result versions, the appeal window. */

/** A written reason of at least 10 characters, refused with a sentence the user can act on. */
export function requireReason(reason: string): string {
  const parsed = Reason.safeParse(reason);
  if (!parsed.success) {
    throw new AppError('VALIDATION', `reason too short: "${reason}"`, {
      params: { messageId: 'rewards.error.shortReason' },
      issues: [{ path: 'reason', message: 'give a reason of at least 10 characters' }],
    });
  }
  return parsed.data;
}

/** `period` as typed, else the quarter in review if there is one, else the current quarter. */
export async function awardPeriod(deps: Pick<AppDeps, 'store' | 'clock' | 'settings'>, typed: string | undefined): Promise<Period> {
  if (typed) return periodFrom(typed);
  const [reviewing] = await deps.store.cycles.find({ state: 'in_review' }, { sort: { field: 'periodKey', dir: 'desc' }, limit: 1 });
  return reviewing ? periodFrom(reviewing.periodKey) : quarterOf(today(deps));
}

/** Whether the period's results are published (or the cycle closed): its awards and results are frozen. */
export async function isPublished(deps: Pick<AppDeps, 'store'>, periodKey: string): Promise<boolean> {
  const [cycle] = await deps.store.cycles.find({ periodKey }, { limit: 1 });
  return cycle !== undefined && isPublishedState(cycle.state);
}

/** Every version of one rep's result for a period, oldest first. */
export async function resultVersions(deps: Pick<AppDeps, 'store'>, periodKey: string, repId: string): Promise<PublishedResult[]> {
  const all = await deps.store.results.find({ periodKey, repId });
  return all.sort((a, b) => a.version - b.version);
}

/** The last day (company time) a rep may appeal a result first published at `publishedAt`. */
export function appealDeadline(deps: Pick<AppDeps, 'settings'>, publishedAt: string, windowDays: number): LocalDate {
  return addDays(todayIn(deps.settings.companyTimeZone, new Date(publishedAt)), windowDays);
}

/** HR's DMs and the hr-private channels, each with its own view (the person's language, or the company's). */
export async function toHr(
  deps: Pick<AppDeps, 'store' | 'logger' | 'settings'>,
  base: { job: string; runKey: string },
  platforms: readonly PlatformName[],
  view: (locale: Person['locale']) => View,
): Promise<Delivery[]> {
  const out: Delivery[] = [];
  const people = await deps.store.people.find();
  for (const p of people.filter((x) => x.active && hasRole(x, 'hr'))) {
    const to = dmTargetOf(p, platforms);
    if (to) out.push({ ...base, ...to, message: message(view(p.locale)) });
  }
  const channelView = view(channelLocale(deps.settings));
  for (const to of await channelTargets(deps, 'hr-private', platforms)) out.push({ ...base, ...to, message: message(channelView) });
  return out;
}

/** One DM to a person, if they can be reached on a running platform. */
export function dmTo(person: Person | null, base: { job: string; runKey: string }, platforms: readonly PlatformName[], view: View): Delivery[] {
  const to = person?.active ? dmTargetOf(person, platforms) : null;
  return to ? [{ ...base, ...to, message: message(view) }] : [];
}

export const message = (view: View) => ({ text: view.title, view });
