import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCycle, planCycle } from '../../src/application/cycle/open-cycle.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import { cycleAnswer } from '../../src/chat/cycle.js';
import { plainRequest } from '../../src/chat/review.js';
import { smallOrg } from '../helpers/org.js';
import { refusal } from '../helpers/refusal.js';
import { testDeps } from '../helpers/temp-store.js';

/** The first state of a cycle: planned (targets can be prepared), then opened for data entry. */
let deps: ReturnType<typeof testDeps>;
const get = async (id: string) => (await deps.store.people.get(id))!;
beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z');
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
});
afterEach(() => deps.cleanup());

describe('a planned cycle', () => {
  it('is planned, takes targets, and is opened for data entry with its close date', async () => {
    const hr = await get('hr');
    expect((await planCycle(deps, hr, { period: '2027-Q1' })).state).toBe('planned');
    const targets = await cycleAnswer(deps, hr, plainRequest('targets 2027-Q1 visits 40 team East', ['slack']));
    expect(JSON.stringify(targets.view)).toContain('40');
    const opened = await openCycle(deps, hr, { period: '2027-Q1', closeDate: '2027-04-10' });
    expect(opened).toMatchObject({ state: 'collecting', entryCloseDate: '2027-04-10' });
    expect((await deps.store.audit.find({})).map((a) => a.action)).toEqual(expect.arrayContaining(['cycle.plan', 'target.set', 'cycle.collecting']));
    expect((await refusal(openCycle(deps, hr, { period: '2027-Q1' }))).params.messageId).toBe('cycle.error.exists');
    expect((await refusal(planCycle(deps, hr, { period: '2027-Q1' }))).params.messageId).toBe('cycle.error.exists');
  });

  it('is for HR only, and says how to go on', async () => {
    expect((await refusal(planCycle(deps, await get('mgr'), { period: '2027-Q1' }))).code).toBe('FORBIDDEN');
    const answer = await cycleAnswer(deps, await get('hr'), plainRequest('plan 2027-Q1', ['slack']));
    expect(answer.view.title).toContain('/cycle open 2027-Q1');
  });
});
