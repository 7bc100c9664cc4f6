import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import { t } from '../../src/views/i18n.js';
import { addQ3Data, publishQ3 } from '../application/interview-fixture.js';
import { smallOrg } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';
import { ask, submitForm } from './conversation.js';

/**
 * `/interview log @rep` with nothing after it answers with the interview form: notes, the rep's
 * view, the prefilled plan; its submission logs the interview (was test/slack/interview-form and
 * test/lark/interview-form; that the form's kind rides along on each platform is in the platform contract).
 */
let deps: ReturnType<typeof testDeps>;
beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z');
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  await addQ3Data(deps);
  await publishQ3(deps, (await deps.store.people.get('hr'))!);
});
afterEach(() => deps.cleanup());

async function openForm() {
  const answer = await ask(deps, 'mgr', '/interview log @ann', { known: ['ann'] });
  if (!answer.form) throw new Error(`no form: ${answer.refusal ?? answer.view?.title}`);
  return answer.form;
}

describe('the interview form (shared conversation)', () => {
  it('opens prefilled with a plan due at the end of the next quarter, for ann’s 2026-Q3', async () => {
    const { form, kind } = await openForm();
    expect(kind).toBe('ann|2026-Q3');
    expect(form.id).toBe('interview');
    const goals = form.fields.find((f) => f.id === 'goals');
    expect(goals).toMatchObject({ label: t('en', 'interview.form.goals') });
    expect(goals?.type === 'text' ? goals.initial : undefined).toMatch(/by 2026-12-31/);
    expect((await deps.store.interviews.find({ repId: 'ann' })).filter((i) => i.state === 'held')).toEqual([]);
  });

  it('logs the interview with the goals as edited, and says the plan was sent', async () => {
    const { kind } = await openForm();
    const done = await submitForm(deps, 'mgr', { form: 'interview', kind }, {
      notes: 'Strong deals, visits slipped in August',
      view: 'Agrees; wants help with tenders',
      goals: 'Two strategic visits a week by 2026-12-31\nClose the Globex renewal by 2026-11-30',
    });
    expect(done.saved).toEqual({});
    expect(done.view.blocks.map((b) => (b.type === 'text' ? b.text : '')).join('\n')).toContain('improvement plan sent to');
    const [interview] = await deps.store.interviews.find({ repId: 'ann' });
    expect(interview).toMatchObject({ state: 'held', notes: 'Strong deals, visits slipped in August', repView: 'Agrees; wants help with tenders' });
    const [plan] = await deps.store.plans.find({ repId: 'ann' });
    expect(plan!.goals.map((g) => [g.text, g.dueDate])).toEqual([
      ['Two strategic visits a week', '2026-12-31'],
      ['Close the Globex renewal', '2026-11-30'],
    ]);
  });

  it('refuses a bad due date with the reason and gives the form back with what was sent; nothing stored', async () => {
    const { kind } = await openForm();
    const bad = await submitForm(deps, 'mgr', { form: 'interview', kind }, { notes: 'ok', view: '', goals: 'More visits by 2026-13-45' });
    // The reason names the line and the date (today it is said above the form, not under the goals field).
    expect(bad.refused?.reason).toContain('"2026-13-45" is not a date');
    const again = await bad.refused!.formAgain();
    expect(again?.kind).toBe('ann|2026-Q3');
    expect(again?.form.fields.find((f) => f.id === 'goals')).toMatchObject({ initial: 'More visits by 2026-13-45' });
    expect(await deps.store.plans.count()).toBe(0);
  });

  it('refuses a rep opening it', async () => {
    const answer = await ask(deps, 'bob', '/interview log @ann', { known: ['ann'] });
    expect(answer.form).toBeUndefined();
    expect(answer.refusal).toBeTruthy();
  });
});
