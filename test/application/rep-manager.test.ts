import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { grantAward } from '../../src/application/cycle/award-grant.js';
import { preparePublication } from '../../src/application/cycle/prepare-publication.js';
import { publicationDeliveries } from '../../src/application/cycle/publication-deliveries.js';
import { publishResults } from '../../src/application/cycle/publish-results.js';
import { assemblePack } from '../../src/application/cycle/calibration-pack.js';
import { loadDirectory } from '../../src/application/exports/directory.js';
import { managerOf } from '../../src/application/people/manager-of.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import type { Person } from '../../src/domain/model/people.js';
import { parsePeriod } from '../../src/domain/period.js';
import { person, smallOrg, T0, visits } from '../helpers/org.js';
import { refusal } from '../helpers/refusal.js';
import { testDeps } from '../helpers/temp-store.js';
import { rewardsQuarter, SLACK } from './rewards-fixture.js';

/**
 * "The rep's manager" has one meaning everywhere (domain/model/manager.ts): the manager named on
 * the rep if still active, else the team's manager, never the rep. Where the use cases used to
 * disagree: a rep whose named manager left was nobody's for awards (but the team manager's for
 * late entries), and a player-coach counted as his own manager in the calibration pack and exports.
 */
let deps: ReturnType<typeof testDeps>;
const get = async (id: string): Promise<Person> => (await deps.store.people.get(id))!;

beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z');
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
});
afterEach(() => deps.cleanup());

describe('the rep’s manager', () => {
  it('is the team’s manager once the manager named on the rep has left: he may propose the rep’s award', async () => {
    await deps.store.people.insertMany([person('old', { roles: ['manager'], active: false, leaveDate: '2026-10-31' })]);
    await deps.store.people.put({ ...(await get('ann')), managerId: 'old' });
    const ann = await get('ann');
    expect((await managerOf(deps, ann))?.id).toBe('mgr');

    const granted = await grantAward(deps, await get('mgr'), { rep: ann, title: 'Best newcomer', reason: 'opened three new accounts', platforms: ['slack'] });
    expect(granted.award).toMatchObject({ repId: 'ann', grantedBy: 'mgr', state: 'pending' });
    // Another team's manager still may not.
    const e = await refusal(grantAward(deps, await get('mgr2'), { rep: ann, title: 'Best newcomer', reason: 'opened three new accounts', platforms: ['slack'] }));
    expect(e.params.messageId).toBe('rewards.error.notYourRep');
  });

  it('is nobody for a player-coach: the calibration pack and the exports do not make him his own manager', async () => {
    await deps.store.teams.put({ id: 'north', name: 'North', createdAt: T0 });
    await deps.store.people.insertMany([person('coach', { name: 'Kai Coach', roles: ['manager', 'rep'], teamId: 'north' }), person('dan', { teamId: 'north' })]);
    await deps.store.teams.put({ id: 'north', name: 'North', managerId: 'coach', createdAt: T0 });
    await deps.store.activities.insertMany([...visits('coach', 'acme', 6, '2026-10-05'), ...visits('dan', 'globex', 4, '2026-10-05')]);

    const pack = await assemblePack(deps, parsePeriod('2026-Q4'));
    expect(pack.byManager.find((m) => m.manager === 'Kai Coach')?.graded).toBe(1); // dan only
    expect(pack.byManager.find((m) => m.manager === '')?.graded).toBe(1); // the coach: HR's

    const dir = await loadDirectory(deps);
    expect([dir.managerName(await get('coach')), dir.managerName(await get('dan'))]).toEqual(['', 'Kai Coach']);
  });

  it('is nobody for a player-coach when results are published: his team’s results list his reps, not himself', async () => {
    deps.cleanup();
    const q = await rewardsQuarter();
    deps = q.deps;
    // mgr manages East and sells in it.
    await deps.store.people.put({ ...q.people.mgr, roles: ['manager', 'rep'] });
    await deps.store.activities.insertMany(visits('mgr', 'acme', 30, '2026-07-01', 'mgr-v'));
    const plan = await preparePublication(deps, q.people.hr, { period: '2026-Q3' });
    await publishResults(deps, q.people.hr, { period: '2026-Q3', platforms: SLACK });
    const results = await deps.store.results.find({ periodKey: '2026-Q3' });
    expect(results.map((r) => r.repId).sort()).toEqual(['ann', 'bob', 'mgr']);

    const deliveries = await publicationDeliveries(deps, plan, { version: 1, platforms: SLACK, results });
    const teamTables = deliveries
      .filter((d) => d.target.kind === 'dm' && d.target.identity === 'slack:UMGR')
      .flatMap((d) => (d.message.view?.blocks ?? []).filter((b) => b.type === 'table'))
      .filter((b) => b.type === 'table' && b.columns[0]!.label === 'Rep');
    expect(teamTables.map((b) => (b.type === 'table' ? b.rows.map((r) => String(r[0]).split(' ')[0]) : []))).toEqual([['ann', 'bob']]);
  });
});
