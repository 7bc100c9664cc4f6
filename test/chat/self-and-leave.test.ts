import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import { t } from '../../src/views/i18n.js';
import { smallOrg, visits } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';
import { ask, click, shownTexts, type Answered } from './conversation.js';

/**
 * `/self-review` and `/away` (issue 8) in the shared conversation, in English and by their Chinese
 * aliases (was test/slack/self-and-leave and test/lark/self-and-leave). Today is 26 November 2026.
 */
let deps: ReturnType<typeof testDeps>;
beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z');
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  await deps.store.people.put({ ...(await deps.store.people.get('ann'))!, name: 'Ann Lee' });
  await deps.store.people.put({ ...(await deps.store.people.get('bob'))!, name: 'Bob Wu', locale: 'zh-CN' });
  await deps.store.activities.insertMany(visits('ann', 'acme', 12, '2026-10-05'));
});
afterEach(() => deps.cleanup());

/** What the person reads: the refusal, or every text of the answer. */
const said = (a: Answered): string => a.refusal ?? shownTexts(a.view).join('\n');
const say = async (who: string, line: string, known: string[] = []) => said(await ask(deps, who, line, { known }));

describe('/self-review', () => {
  it('opens with a collecting cycle; a rep rates themselves, replaces it and reads it back; bad input and non-reps are refused', async () => {
    expect(await say('ann', '/self-review 4 3 5 Strong quarter')).toBe(t('en', 'selfReview.error.noCycle', { period: '2026-Q4' }));
    await ask(deps, 'hr', '/cycle open 2026-Q4');
    expect(await say('ann', '/self-review 4 3 5 Strong quarter, slow on visits')).toContain(t('en', 'selfReview.saved', { period: '2026-Q4', performance: 4, behaviour: 3, teamwork: 5 }));
    expect(await say('ann', '/self-review 4 4 5 Visits picked up')).toContain('replaced: performance 4, behaviour 4');
    expect(await deps.store.selfReviews.count()).toBe(1);
    expect(await say('ann', '/self-review')).toContain('Your self-review for 2026-Q4: performance 4, behaviour 4, teamwork 5. Visits picked up');
    for (const bad of ['6 3 5', '4 3', 'four three five', '0 1 2']) expect(await say('ann', `/self-review ${bad}`)).toContain('Give three ratings from 1 to 5');
    expect(await say('mgr', '/self-review 5 5 5')).toContain('needs the Rep role');
    expect(await say('bob', '/self-review 9 9 9')).toContain('请给出三个 1 到 5 的分数');
    expect((await deps.store.selfReviews.find({}))[0]!.ratings).toEqual({ performance: 4, behaviour: 4, teamwork: 5 });
  });

  it('is never part of the score', async () => {
    await ask(deps, 'hr', '/cycle open 2026-Q4');
    const before = (await ask(deps, 'ann', '/scorecard')).view;
    await ask(deps, 'ann', '/self-review 1 1 1 Honest about a bad quarter');
    expect((await ask(deps, 'ann', '/scorecard')).view).toEqual(before);
  });

  it('a rep writes a self-review in Chinese by the alias once HR opened the cycle', async () => {
    expect(await say('bob', '/自评 4 3 5 本季业绩不错')).toBe(t('zh-CN', 'selfReview.error.noCycle', { period: '2026-Q4' }));
    expect(await deps.store.selfReviews.count()).toBe(0);
    await ask(deps, 'hr', '/考核周期 open 2026-Q4');
    expect(await say('bob', '/自评 4 3 5 本季业绩不错')).toContain(t('zh-CN', 'selfReview.saved', { period: '2026-Q4', performance: 4, behaviour: 3, teamwork: 5 }));
    expect(await deps.store.selfReviews.find({ repId: 'bob' })).toEqual([expect.objectContaining({ periodKey: '2026-Q4', ratings: { performance: 4, behaviour: 3, teamwork: 5 }, comment: '本季业绩不错' })]);
  });
});

describe('/away', () => {
  it('records, lists and cancels one’s own leave; the scorecard explains the prorated targets', async () => {
    expect(await say('ann', '/away 2026-11-20 2026-12-08 annual leave')).toContain('Away from 2026-11-20 to 2026-12-08 for Ann Lee');
    // One's own leave waits for the manager's approval (issue 14) before it prorates targets.
    expect(shownTexts((await ask(deps, 'ann', '/away')).view!)).toContain('Leave for Ann Lee: 2026-11-20 – 2026-12-08 (annual leave) [waiting for approval]');
    expect(await say('ann', '/scorecard')).not.toContain('prorated to 79% (less 19 days of leave)');
    const [absence] = await deps.store.absences.find({});
    expect(said(await click(deps, 'mgr', 'decide:away.approve', absence!.id))).toContain('Approved by');
    expect((await deps.store.absences.get(absence!.id))?.approval).toBe('approved');
    expect(await say('ann', '/scorecard')).toContain('prorated to 79% (less 19 days of leave)');
    expect(await say('ann', '/away cancel 2026-11-20')).toContain('cancelled');
    expect(await deps.store.absences.count()).toBe(0);
    expect(await deps.store.audit.count({ action: 'away.cancel' })).toBe(1);
  });

  it('lets HR record leave for someone, not a rep; bad dates are refused and nothing is stored', async () => {
    expect(await say('ann', '/away @bob 2026-12-01 2026-12-03', ['bob'])).toContain('This needs the Admin/HR role');
    expect(await say('hr', '/away @bob 2026-12-01 2026-12-03 training', ['bob'])).toContain('for Bob Wu');
    expect(await say('ann', '/away tomorrow')).toContain('"tomorrow" is not a date');
    expect(await say('ann', '/away 2026-12-10 2026-12-01')).toContain('must not be before the first day');
    expect(await say('bob', '/away 2026-12-10 2026-12-01')).toContain('不能早于开始日期');
    expect((await deps.store.absences.find({})).map((a) => a.personId)).toEqual(['bob']);
  });

  it('a rep records leave with the Chinese alias', async () => {
    expect(await say('bob', '/休假 2026-12-01 2026-12-05 年假')).toContain(t('zh-CN', 'away.saved', { name: 'Bob Wu', from: '2026-12-01', to: '2026-12-05', prorate: '' }).trim());
    expect(await deps.store.absences.find({ personId: 'bob' })).toEqual([expect.objectContaining({ from: '2026-12-01', to: '2026-12-05', note: '年假' })]);
  });
});
