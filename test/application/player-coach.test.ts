import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adjustScore } from '../../src/application/cycle/adjust-score.js';
import { grantAward } from '../../src/application/cycle/award-grant.js';
import { cycleTargets } from '../../src/application/cycle/cycle-targets.js';
import { requireInterviewer } from '../../src/application/interviews/interview-access.js';
import { managerOf } from '../../src/application/people/manager-of.js';
import { manages } from '../../src/application/permissions.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import type { Person, Team } from '../../src/domain/model/people.js';
import { errorText } from '../../src/views/errors.js';
import { aTargetRecord, aTeam } from '../helpers/builders.js';
import { person, smallOrg } from '../helpers/org.js';
import { refusal } from '../helpers/refusal.js';
import { testDeps } from '../helpers/temp-store.js';

/**
 * A player-coach manages team North and sells in it. Nobody is their own manager: what needs "the
 * rep's manager" about the coach himself (an award, a score adjustment, the feedback interview) is
 * refused to him and falls to HR, while he still manages the other reps of North.
 */
let deps: ReturnType<typeof testDeps>;
let coach: Person, dan: Person, hr: Person, north: Team;
const get = async (id: string) => (await deps.store.people.get(id))!;

beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z');
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  // The team first, its people, then its manager (references must exist).
  await deps.store.teams.put(aTeam({ id: 'north', name: 'North' }));
  await deps.store.people.insertMany([
    person('coach', { name: 'Kai Coach', roles: ['manager', 'rep'], teamId: 'north', locale: 'zh-CN' }),
    person('dan', { teamId: 'north' }),
  ]);
  north = aTeam({ id: 'north', name: 'North', managerId: 'coach' });
  await deps.store.teams.put(north);
  [coach, dan, hr] = [await get('coach'), await get('dan'), await get('hr')];
});
afterEach(() => deps.cleanup());

describe('a player-coach is not his own manager', () => {
  it('manages the reps of his team, never himself; he has no manager for awards and interviews', async () => {
    expect(manages(coach, dan, north)).toBe(true);
    expect(manages(coach, coach, north)).toBe(false);
    expect(await managerOf(deps, coach)).toBeNull();
    expect((await managerOf(deps, dan))?.id).toBe('coach');
  });

  it('may not propose an award for himself (told so in his language); HR may, and he may for his reps', async () => {
    const e = await refusal(grantAward(deps, coach, { rep: coach, title: 'Deal of the quarter', reason: 'won the Initech framework', platforms: ['slack'] }));
    expect([e.code, e.params.messageId]).toEqual(['FORBIDDEN', 'rewards.error.selfAward']);
    expect(errorText('zh-CN', e)).toBe('任何人都不能给自己授予奖励：请由人力资源部决定是否给你授奖。');
    expect(errorText('en', e)).toBe('Nobody can award themselves: ask HR to decide on an award for you.');
    expect(await deps.store.awards.find()).toEqual([]);

    const byHr = await grantAward(deps, hr, { rep: coach, title: 'Deal of the quarter', reason: 'won the Initech framework', platforms: ['slack'] });
    expect(byHr.award.state).toBe('approved');
    const forDan = await grantAward(deps, coach, { rep: dan, title: 'Best newcomer', reason: 'opened three new accounts', platforms: ['slack'] });
    expect(forDan.award.state).toBe('pending');
  });

  it('may not adjust his own score', async () => {
    const e = await refusal(adjustScore(deps, coach, { reps: [coach], unknown: [], delta: '+3', reason: 'key account renewal landed after cut-off' }));
    expect([e.code, e.params.messageId]).toEqual(['FORBIDDEN', 'calibration.error.self']);
    expect(errorText('zh-CN', e)).toBe('任何人都不能调整自己的分数。');
    expect(await deps.store.adjustments.find()).toEqual([]);
  });

  it("may not hold his own feedback interview; HR may, and he holds his reps'", async () => {
    const e = await refusal(requireInterviewer(deps, coach, coach));
    expect([e.code, e.params.messageId]).toEqual(['FORBIDDEN', 'interview.error.notManager']);
    await expect(requireInterviewer(deps, hr, coach)).resolves.toBeUndefined();
    await expect(requireInterviewer(deps, coach, dan)).resolves.toBeUndefined();
  });

  it('still sees his own target beside his reps\' in the targets list', async () => {
    await deps.store.targets.insertMany([
      aTargetRecord({ periodKey: '2026-Q4', indicator: 'visits', scope: 'rep', scopeId: 'coach', value: 30 }),
      aTargetRecord({ periodKey: '2026-Q4', indicator: 'visits', scope: 'rep', scopeId: 'dan', value: 20 }),
      aTargetRecord({ periodKey: '2026-Q4', indicator: 'visits', scope: 'rep', scopeId: 'ann', value: 10 }),
    ]);
    const { rows } = await cycleTargets(deps, coach, { period: '2026-Q4' });
    const overrides = rows.flatMap((r) => r.overrides).join('\n');
    expect(overrides).toContain('Kai Coach');
    expect(overrides).toContain('dan');
    expect(overrides).not.toContain('ann');
  });
});
