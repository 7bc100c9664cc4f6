import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addQ3Data, publishQ3 } from '../application/interview-fixture.js';
import { assertCard20 } from './card-schema.js';
import { startHarness, type Card, type Harness } from './harness.js';

/** `/面谈 log @rep` on Lark opens the interview as a card form; submitting it logs the interview. */
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await addQ3Data(h.deps);
  await publishQ3(h.deps, (await h.deps.store.people.get('hr'))!, ['lark']);
});
afterEach(() => h.close());

type Answer = { toast?: { type: string; content: string }; card?: { type: string; data: Card } };

describe('the interview form on Lark', () => {
  it('opens as a form card with the plan prefilled; a submission logs it, a bad due date comes back on the form', async () => {
    await h.group('ou_miamgr', '/面谈 log @_user_2', [{ openId: 'ou_annlee', name: 'Ann Lee' }]);
    await h.idle();
    const card = h.lastCardTo('ou_miamgr');
    assertCard20(card);
    const json = JSON.stringify(card);
    expect(json).toContain('"form":"interview"');
    expect(json).toContain('"kind":"ann|2026-Q3"');
    expect(json).toContain('by 2026-12-31');

    const bad = (await h.submit('ou_miamgr', { form: 'interview', kind: 'ann|2026-Q3' }, { notes: 'ok', view: '', goals: 'More visits by 2026-13-45' })).json() as Answer;
    expect(bad.toast?.type).toBe('error');
    expect(JSON.stringify(bad.card!.data)).toContain('2026-13-45'); // the form comes back with the reason and what was sent
    expect(await h.deps.store.plans.count()).toBe(0);

    const ok = (await h.submit('ou_miamgr', { form: 'interview', kind: 'ann|2026-Q3' }, { notes: 'Good quarter', view: 'Agrees', goals: 'Two strategic visits a week by 2026-12-31' })).json() as Answer;
    expect(ok.toast?.type).toBe('success');
    expect(JSON.stringify(ok.card!.data)).toContain('improvement plan sent to');
    expect((await h.deps.store.plans.find({ repId: 'ann' }))[0]!.goals).toEqual([expect.objectContaining({ text: 'Two strategic visits a week', dueDate: '2026-12-31' })]);
  });
});
