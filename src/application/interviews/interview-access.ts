import { AppError } from '../../domain/errors.js';
import type { PublishedResult } from '../../domain/model/cycle.js';
import type { Person, Team } from '../../domain/model/people.js';
import { parsePeriod, type Period } from '../../domain/period.js';
import type { AppDeps } from '../deps.js';
import { manages, seesEveryone } from '../permissions.js';

/** Shared by the interview use cases: who holds a rep's interview, and which published quarter it reviews. */

export const teamOf = async (deps: Pick<AppDeps, 'store'>, rep: Person): Promise<Team | null> => (rep.teamId ? deps.store.teams.get(rep.teamId) : null);

/** The rep's manager or HR (or an admin); anyone else — the rep, another team's manager — is refused. */
export async function requireInterviewer(deps: Pick<AppDeps, 'store'>, actor: Person, rep: Person): Promise<void> {
  if (seesEveryone(actor) || manages(actor, rep, await teamOf(deps, rep))) return;
  throw new AppError('FORBIDDEN', `${actor.name} may not hold ${rep.name}'s interview`, { params: { messageId: 'interview.error.notManager', name: rep.name } });
}

/** The newest version of the rep's published result for a period, or null. */
export async function publishedResultOf(deps: Pick<AppDeps, 'store'>, repId: string, periodKey: string): Promise<PublishedResult | null> {
  const versions = await deps.store.results.find({ repId, periodKey }, { sort: { field: 'version', dir: 'desc' }, limit: 1 });
  return versions[0] ?? null;
}

/**
 * The quarter an interview reviews, with the rep's frozen result: the one typed, or the rep's
 * latest published quarter. An unpublished or never-graded quarter is refused with the reason.
 */
export async function reviewedQuarter(deps: Pick<AppDeps, 'store'>, rep: Person, periodKey: string | undefined): Promise<{ period: Period; result: PublishedResult }> {
  if (periodKey === undefined) {
    const keys = (await deps.store.results.find({ repId: rep.id })).map((r) => r.periodKey).filter((k) => k.includes('-Q'));
    const latest = keys.sort().at(-1);
    if (!latest) throw new AppError('NOT_FOUND', `${rep.name} has no published result`, { params: { messageId: 'interview.error.noPublished', name: rep.name } });
    periodKey = latest;
  }
  const period = parsePeriod(periodKey);
  if (period.kind !== 'quarter') throw new AppError('VALIDATION', `${period.key} is not a quarter`, { params: { messageId: 'interview.error.quarterOnly', period: period.key } });
  const result = await publishedResultOf(deps, rep.id, period.key);
  if (result) return { period, result };
  const [cycle] = await deps.store.cycles.find({ periodKey: period.key }, { limit: 1 });
  if (!cycle || (cycle.state !== 'published' && cycle.state !== 'closed')) {
    throw new AppError('CONFLICT', `${period.key} is not published`, { params: { messageId: 'interview.error.notPublished', period: period.key } });
  }
  throw new AppError('NOT_FOUND', `${rep.name} has no result in ${period.key}`, { params: { messageId: 'interview.error.noResult', name: rep.name, period: period.key } });
}
