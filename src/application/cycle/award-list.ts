import type { Award } from '../../domain/model/cycle.js';
import { managerIdOf } from '../../domain/model/manager.js';
import { hasRole, type Person } from '../../domain/model/people.js';
import type { Period } from '../../domain/period.js';
import type { AppDeps } from '../deps.js';
import { teamsById } from './calibration-common.js';
import { awardPeriod } from './reward-common.js';

export interface AwardRow {
  award: Award;
  repName: string;
  grantedByName: string;
}

/**
 * `/award list [period]`: HR sees every award of the period; a manager those of the reps they
 * manage and those they proposed; a rep their own approved ones.
 */
export async function listAwards(deps: AppDeps, actor: Person, input: { period?: string | undefined }): Promise<{ period: Period; rows: AwardRow[] }> {
  const period = await awardPeriod(deps, input.period);
  const all = await deps.store.awards.find({ periodKey: period.key });
  const people = new Map((await deps.store.people.find()).map((p) => [p.id, p] as const));
  const org = { people, teams: await teamsById(deps) };
  const visible: Award[] = [];
  for (const a of all) {
    if (hasRole(actor, 'hr')) visible.push(a);
    else if (a.repId === actor.id && a.state === 'approved') visible.push(a);
    else if (hasRole(actor, 'manager')) {
      const rep = people.get(a.repId);
      if (a.grantedBy === actor.id || (rep && managerIdOf(rep, org) === actor.id)) visible.push(a);
    }
  }
  visible.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const name = (id: string) => people.get(id)?.name ?? id;
  return { period, rows: visible.map((award) => ({ award, repName: name(award.repId), grantedByName: name(award.grantedBy) })) };
}
