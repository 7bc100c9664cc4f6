import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addQ3Data, publishQ3 } from '../application/interview-fixture.js';
import { startHarness, type Harness } from './harness.js';

/** `/interview log @rep` with nothing after it opens a modal: notes, the rep's view, the prefilled plan. */
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await addQ3Data(h.deps);
  await publishQ3(h.deps, (await h.deps.store.people.get('hr'))!);
});
afterEach(() => h.close());

describe('the interview form in Slack', () => {
  it('opens prefilled, and its submission logs the interview with the goals as edited', async () => {
    await h.command('UMGR', '/interview', 'log <@UANN|ann>');
    const open = h.fake.callsTo('views.open').at(-1)!.params as { view: { callback_id: string; private_metadata: string } };
    const modal = JSON.stringify(open.view);
    expect(modal).toContain('Improvement plan: one goal per line');
    expect(modal).toMatch(/by 2026-12-31/); // a prefilled goal, due at the end of the next quarter
    expect(JSON.parse(open.view.private_metadata)).toMatchObject({ k: 'ann|2026-Q3' });
    expect((await h.deps.store.interviews.find({ repId: 'ann' })).filter((i) => i.state === 'held')).toHaveLength(0);

    const res = await h.submit('UMGR', 'interview', {
      notes: { text: 'Strong deals, visits slipped in August' },
      view: { text: 'Agrees; wants help with tenders' },
      goals: { text: 'Two strategic visits a week by 2026-12-31\nClose the Globex renewal by 2026-11-30' },
    }, { meta: JSON.parse(open.view.private_metadata) as object });
    expect(res.status).toBe(200);
    const [interview] = await h.deps.store.interviews.find({ repId: 'ann' });
    expect(interview).toMatchObject({ state: 'held', notes: 'Strong deals, visits slipped in August', repView: 'Agrees; wants help with tenders' });
    const [plan] = await h.deps.store.plans.find({ repId: 'ann' });
    expect(plan!.goals.map((g) => [g.text, g.dueDate])).toEqual([
      ['Two strategic visits a week', '2026-12-31'],
      ['Close the Globex renewal', '2026-11-30'],
    ]);
  });

  it('refuses a rep opening it', async () => {
    await h.command('UBOB', '/interview', 'log <@UANN|ann>', { responseId: 'bob' });
    await h.fake.until(() => h.fake.responses.some((r) => r.id === 'bob'), 'the refusal');
    expect(h.fake.callsTo('views.open')).toHaveLength(0);
  });
});
