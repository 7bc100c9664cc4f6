import type { Appeal } from '../../domain/model/cycle.js';
import type { Person } from '../../domain/model/people.js';
import type { AppDeps } from '../deps.js';
import { periodFrom, requireHr } from './cycles.js';

export interface AppealRow {
  appeal: Appeal;
  repName: string;
}

const newestFirst = (a: Appeal, b: Appeal) => b.createdAt.localeCompare(a.createdAt);

/** `/appeal` with no words: the rep's own appeals and where they stand. */
export async function myAppeals(deps: AppDeps, actor: Person): Promise<AppealRow[]> {
  const appeals = await deps.store.appeals.find({ repId: actor.id });
  return appeals.sort(newestFirst).map((appeal) => ({ appeal, repName: actor.name }));
}

/** `/appeal list [period]` (HR): the period's appeals, or every appeal, pending ones first. */
export async function listAppeals(deps: AppDeps, actor: Person, input: { period?: string | undefined }): Promise<AppealRow[]> {
  requireHr(actor, 'list appeals');
  const appeals = await deps.store.appeals.find(input.period ? { periodKey: periodFrom(input.period).key } : {});
  const people = new Map((await deps.store.people.find()).map((p) => [p.id, p.name] as const));
  const pendingFirst = (a: Appeal, b: Appeal) => Number(b.state === 'pending') - Number(a.state === 'pending') || newestFirst(a, b);
  return appeals.sort(pendingFirst).map((appeal) => ({ appeal, repName: people.get(appeal.repId) ?? appeal.repId }));
}
