import type { ImprovementPlan, Interview } from '../../domain/model/cycle.js';
import type { Person } from '../../domain/model/people.js';
import type { AppDeps } from '../deps.js';

/** The latest quarter whose results are published (or closed), or null. */
export async function latestPublishedQuarter(deps: Pick<AppDeps, 'store'>): Promise<string | null> {
  const cycles = [...(await deps.store.cycles.find({ state: 'published' })), ...(await deps.store.cycles.find({ state: 'closed' }))];
  return cycles.map((c) => c.periodKey).filter((k) => k.includes('-Q')).sort().at(-1) ?? null;
}

/** The active people a manager manages: directly, or as the manager of their team. */
export async function repsOf(deps: Pick<AppDeps, 'store'>, manager: Person): Promise<Person[]> {
  const direct = await deps.store.people.find({ managerId: manager.id });
  const teams = (await deps.store.teams.find()).filter((t) => t.managerId === manager.id);
  const inTeams = (await Promise.all(teams.map((t) => deps.store.people.find({ teamId: t.id })))).flat();
  const byId = new Map([...direct, ...inTeams].filter((p) => p.active && p.id !== manager.id).map((p) => [p.id, p]));
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export interface TeamInterviews {
  periodKey: string | null;
  /** Reps with a published result in the period, with their interview if any. */
  rows: { rep: Person; interview: Interview | null }[];
}

/** `/interview` for a manager: their reps graded in the latest published quarter, and each one's interview. */
export async function teamInterviews(deps: Pick<AppDeps, 'store'>, manager: Person): Promise<TeamInterviews> {
  const periodKey = await latestPublishedQuarter(deps);
  if (!periodKey) return { periodKey, rows: [] };
  const graded = new Set((await deps.store.results.find({ periodKey })).map((r) => r.repId));
  const interviews = new Map((await deps.store.interviews.find({ periodKey })).map((i) => [i.repId, i]));
  const rows = (await repsOf(deps, manager)).filter((r) => graded.has(r.id)).map((rep) => ({ rep, interview: interviews.get(rep.id) ?? null }));
  return { periodKey, rows };
}

/** `/interview` for a rep: their interviews and plans, newest first, with the managers' names. */
export async function myInterviews(deps: Pick<AppDeps, 'store'>, rep: Person): Promise<{ interviews: { interview: Interview; manager: Person | null }[]; plans: ImprovementPlan[] }> {
  const interviews = (await deps.store.interviews.find({ repId: rep.id })).sort((a, b) => b.periodKey.localeCompare(a.periodKey));
  const plans = (await deps.store.plans.find({ repId: rep.id })).sort((a, b) => b.periodKey.localeCompare(a.periodKey));
  const withManagers = await Promise.all(interviews.map(async (interview) => ({ interview, manager: await deps.store.people.get(interview.managerId) })));
  return { interviews: withManagers, plans };
}
