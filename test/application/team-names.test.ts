import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ADMIN_ID, DEMO_HR_ID, seedDemo } from '../../src/application/seed-demo.js';
import type { Person } from '../../src/domain/model/people.js';
import { say } from '../helpers/converse.js';
import { testDeps } from '../helpers/temp-store.js';

/**
 * Team names as people write them, the same in every command that names a team: the demo team is
 * "East China 华东", and the README's `/cycle targets 2026-Q4 visits 40 team East` must find it.
 */
let deps: ReturnType<typeof testDeps>;
let hr: Person, admin: Person;
const EAST = 'demo-team-east';

beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z');
  await seedDemo(deps);
  // A team whose name contains "east" in the middle of a word: "East" must not name it.
  await deps.store.teams.put({ id: 'ne', name: 'Northeast', createdAt: '2026-01-01T00:00:00.000Z' });
  hr = { ...(await deps.store.people.get(DEMO_HR_ID))!, locale: 'en' };
  admin = (await deps.store.people.get(DEMO_ADMIN_ID))!;
});
afterEach(() => deps.cleanup());

const eastTarget = async () => (await deps.store.targets.find({ periodKey: '2026-Q4', scopeId: EAST })).filter((x) => x.indicator === 'visits').map((x) => [x.indicator, x.value]);
const targets = () => deps.store.targets.find({ periodKey: '2026-Q4' });

describe('a team named as people write it', () => {
  it("the README's /cycle targets … team East sets East China 华东's target", async () => {
    expect(await say(deps, hr, 'cycle', 'targets 2026-Q4 visits 40 team East')).toContain('East China 华东');
    expect(await eastTarget()).toEqual([['visits', 40]]);
    // Case, extra spaces and the Chinese part alone name it too.
    await say(deps, hr, 'cycle', 'targets 2026-Q4 visits 41 team  east   CHINA');
    expect(await eastTarget()).toEqual([['visits', 41]]);
    await say(deps, hr, 'cycle', 'targets 2026-Q4 visits 42 团队 华东');
    expect(await eastTarget()).toEqual([['visits', 42]]);
  });

  it('matches the same way in /ranking, /export activities and /account dormant', async () => {
    expect(await say(deps, hr, 'ranking', 'East 2026-Q3')).toContain('East China 华东');
    const exported = await say(deps, hr, 'export', 'activities team East 2026-10-01 2026-11-25');
    expect(exported).not.toContain('⚠');
    expect(await say(deps, hr, 'account', 'dormant team 华东')).not.toContain('⚠');
  });

  it('puts a person in the team their words name with /appraisal-admin team, creating none', async () => {
    const [rep] = (await deps.store.people.find()).filter((p) => p.teamId === 'demo-team-south');
    const teamsBefore = await deps.store.teams.count();
    expect(await say(deps, admin, 'appraisal-admin', 'team East confirm', [rep!])).toContain('East China 华东');
    expect((await deps.store.people.get(rep!.id))!.teamId).toBe(EAST);
    expect(await deps.store.teams.count()).toBe(teamsBefore);
  });

  it('reads a team target in an imported CSV the same way, refusing a name that fits several', async () => {
    const csv = (team: string) => `import targets\nperiod,indicator,scope,target,value\n2026-Q4,visits,team,${team},44`;
    expect(await say(deps, hr, 'appraisal-admin', csv('East'))).toContain('1 created');
    expect(await eastTarget()).toEqual([['visits', 44]]);
    const before = await targets();
    expect(await say(deps, hr, 'appraisal-admin', csv('China'))).toContain("'China' fits several teams: East China 华东, North China 华北, South China 华南");
    expect(await say(deps, { ...hr, locale: 'zh-CN' }, 'appraisal-admin', csv('China'))).toContain('“China”对应多个团队：East China 华东, North China 华北, South China 华南');
    expect(await targets()).toEqual(before);
  });

  it('refuses a name that fits no team, listing the teams, and changes nothing', async () => {
    const before = await targets();
    const text = await say(deps, hr, 'cycle', 'targets 2026-Q4 visits 40 team Mars');
    expect(text).toBe('⚠ No team matches "Mars". Teams: East China 华东, North China 华北, South China 华南, Northeast.');
    expect(await say(deps, hr, 'export', 'activities team Mars 2026-10-01 2026-11-25')).toContain('Teams: East China 华东');
    expect(await say(deps, { ...hr, locale: 'zh-CN' }, 'account', 'dormant team Mars')).toContain('East China 华东');
    expect(await targets()).toEqual(before);
  });

  it('refuses a name that fits several teams, naming them, rather than guessing', async () => {
    const before = await targets();
    const text = await say(deps, hr, 'cycle', 'targets 2026-Q4 visits 40 team China');
    expect(text).toBe('⚠ "China" fits several teams: East China 华东, North China 华北, South China 华南. Write more of the name.');
    expect(await say(deps, { ...hr, locale: 'zh-CN' }, 'ranking', 'China')).toBe('⚠ “China”对应多个团队：East China 华东, North China 华北, South China 华南。请写出更完整的名称。');
    expect(await targets()).toEqual(before);
  });
});
