import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { visits } from '../helpers/org.js';
import { startHarness, type Harness } from './harness.js';

/** `/self-review` and `/away` through Slack (issue 8). Today is 26 November 2026. */
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await h.deps.store.activities.insertMany(visits('ann', 'acme', 12, '2026-10-05'));
});
afterEach(() => h.close());

type Resp = { text: string; blocks?: unknown[] };
const last = (): Resp => h.fake.responses.at(-1)!.body as Resp;
const allText = (r: Resp) => JSON.stringify(r.blocks ?? r.text);

describe('/self-review in Slack', () => {
  it('opens with a collecting cycle; a rep rates themselves, replaces it and reads it back; bad input and non-reps are refused', async () => {
    await h.command('UANN', '/self-review', '4 3 5 Strong quarter');
    expect(last().text).toContain('No review cycle is collecting data now');
    await h.command('UHR', '/cycle', 'open 2026-Q4');
    await h.command('UANN', '/self-review', '4 3 5 Strong quarter, slow on visits');
    expect(last().text).toContain('Self-review for 2026-Q4 saved: performance 4, behaviour 3, teamwork 5');
    await h.command('UANN', '/self-review', '4 4 5 Visits picked up');
    expect(last().text).toContain('replaced: performance 4, behaviour 4');
    expect(await h.deps.store.selfReviews.count()).toBe(1);
    await h.command('UANN', '/self-review', '');
    expect(last().text).toContain('Your self-review for 2026-Q4: performance 4, behaviour 4, teamwork 5. Visits picked up');
    for (const bad of ['6 3 5', '4 3', 'four three five', '0 1 2']) {
      await h.command('UANN', '/self-review', bad);
      expect(last().text).toContain('Give three ratings from 1 to 5');
    }
    await h.command('UMGR', '/self-review', '5 5 5');
    expect(last().text).toContain('needs the rep role');
    await h.command('UBOB', '/self-review', '9 9 9');
    expect(last().text).toContain('请给出三个 1 到 5 的分数');
    expect((await h.deps.store.selfReviews.find({}))[0]!.ratings).toEqual({ performance: 4, behaviour: 4, teamwork: 5 });
  });

  it('is never part of the score', async () => {
    await h.command('UHR', '/cycle', 'open 2026-Q4');
    await h.command('UANN', '/scorecard', '');
    const before = allText(last());
    await h.command('UANN', '/self-review', '1 1 1 Honest about a bad quarter');
    await h.command('UANN', '/scorecard', '');
    expect(allText(last())).toBe(before);
  });
});

describe('/away in Slack', () => {
  it('records, lists and cancels one’s own leave; the scorecard explains the prorated targets', async () => {
    await h.command('UANN', '/away', '2026-11-20 2026-12-08 annual leave');
    expect(last().text).toContain('Away from 2026-11-20 to 2026-12-08 for Ann Lee');
    await h.command('UANN', '/away', '');
    expect(last().text).toBe('Leave for Ann Lee: 2026-11-20 – 2026-12-08 (annual leave)');
    await h.command('UANN', '/scorecard', '');
    expect(allText(last())).toContain('prorated to 79% (less 19 days of leave)');
    await h.command('UANN', '/away', 'cancel 2026-11-20');
    expect(last().text).toContain('cancelled');
    expect(await h.deps.store.absences.count()).toBe(0);
    expect(await h.deps.store.audit.count({ action: 'away.cancel' })).toBe(1);
  });

  it('lets HR record leave for someone, not a rep; bad dates are refused and nothing is stored', async () => {
    await h.command('UANN', '/away', '<@UBOB|bob> 2026-12-01 2026-12-03');
    expect(last().text).toContain('This needs the admin/hr role');
    await h.command('UHR', '/away', '<@UBOB|bob> 2026-12-01 2026-12-03 training');
    expect(last().text).toContain('for bob'); // bob has not used Slack yet: the imported name
    await h.command('UANN', '/away', 'tomorrow');
    expect(last().text).toContain('"tomorrow" is not a date');
    await h.command('UANN', '/away', '2026-12-10 2026-12-01');
    expect(last().text).toContain('must not be before the first day');
    await h.command('UBOB', '/away', '2026-12-10 2026-12-01');
    expect(last().text).toContain('不能早于开始日期');
    expect((await h.deps.store.absences.find({})).map((a) => a.personId)).toEqual(['bob']);
  });
});
