import { hasRole } from '../../domain/model/people.js';
import { TargetSchema, type Target } from '../../domain/model/targets.js';
import * as cell from './import-csv-cells.js';
import { RowCells } from './import-csv-issues.js';
import { checkRecord, personLookup, teamKey, teamsByKey, type Planner } from './import-csv-plan.js';
import { teamsFitting } from './find-team.js';

const COLUMN_OF: Record<string, string> = { periodKey: 'period', indicator: 'indicator', scope: 'scope', scopeId: 'target', value: 'value' };

const keyOf = (t: Pick<Target, 'periodKey' | 'indicator' | 'scope' | 'scopeId'>): string => `${t.periodKey}|${t.indicator}|${t.scope}|${t.scopeId}`;

/**
 * Targets, matched by period, indicator, scope and what they are set for: an existing target gets
 * the file's value. A team target names an existing team; a rep target names a rep by identity.
 */
export const planTargets: Planner = async (deps, actor, sheet, log) => {
  const now = deps.clock.now().toISOString();
  const teams = await deps.store.teams.find();
  const teamByKey = teamsByKey(teams);
  const personOf = personLookup(deps);
  const periods = [...new Set(sheet.rows.map((r) => cell.period(r.cells.get('period') ?? '')).flatMap((p) => ('value' in p ? [p.value] : [])))];
  const stored = new Map((await deps.store.targets.find({ periodKey: { in: periods } })).map((t) => [keyOf(t), t]));

  const creates: Target[] = [];
  const updates: Target[] = [];
  let unchanged = 0;
  const lineOf = new Map<string, number>();
  for (const row of sheet.rows) {
    const c = new RowCells(row, log);
    const periodKey = c.need('period', cell.period);
    const indicator = c.need('indicator', cell.indicator);
    const scope = c.need('scope', cell.scope);
    const target = c.need('target', cell.text(200));
    const value = c.need('value', cell.positiveNumber);
    if (!scope || !target) continue;

    let scopeId: string | undefined;
    if (scope === 'team') {
      // A team is named as in every command (people/find-team.ts): "East" is "East China 华东".
      const fits = teamByKey.has(teamKey(target)) ? [teamByKey.get(teamKey(target))!] : teamsFitting(teams, target);
      scopeId = fits.length === 1 ? fits[0]!.id : c.fail('target', fits.length === 0 ? `no team named '${target}'` : `'${target}' fits several teams: ${fits.map((t) => t.name).join(', ')}`);
    } else {
      const parsed = cell.identity(target);
      const identity = 'value' in parsed ? parsed.value : c.fail('target', parsed.error);
      const person = identity ? await personOf(identity) : undefined;
      if (person === null) c.fail('target', `no person with identity ${identity}`);
      else if (person && !hasRole(person, 'rep')) c.fail('target', `${identity} (${person.name}) is not a rep; rep targets are for reps`);
      else scopeId = person?.id;
    }
    if (!c.ok || !periodKey || !indicator || !scopeId || value === undefined) continue;
    const key = keyOf({ periodKey, indicator, scope, scopeId });
    const twin = lineOf.get(key);
    if (twin !== undefined) {
      c.fail(undefined, `this target is set twice: also on line ${twin}`);
      continue;
    }
    lineOf.set(key, c.line);

    const existing = stored.get(key);
    const record = existing
      ? { ...existing, value }
      : { id: deps.newId(), periodKey, indicator, scope, scopeId, value, createdAt: now, createdBy: actor.id };
    const checked = checkRecord(TargetSchema, record, c, COLUMN_OF);
    if (!checked) continue;
    if (!existing) creates.push(checked);
    else if (existing.value === value) unchanged++;
    else updates.push(checked);
  }

  return {
    created: creates.length,
    updated: updates.length,
    unchanged,
    async write() {
      await deps.store.targets.insertMany(creates);
      for (const t of updates) await deps.store.targets.put(t);
    },
  };
};
