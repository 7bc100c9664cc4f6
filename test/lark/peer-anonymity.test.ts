import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { person, T0, visits } from '../helpers/org.js';
import { dmChat, startHarness, type Harness } from './harness.js';

/** The peer-review anonymity floor seen through /成绩 (scorecard) on Lark, in Chinese. */
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await h.deps.store.people.insertMany([person('dan', { teamId: 'east', managerId: 'mgr', name: '丁评审' }), person('eve', { teamId: 'east', managerId: 'mgr', name: '易评审' })]);
  await h.deps.store.activities.insertMany(visits('bob', 'globex', 8, '2026-10-05'));
});
afterEach(() => h.close());

const review = (id: string, fromId: string) =>
  h.deps.store.peerReviews.insert({ id, fromId, toId: 'bob', periodKey: '2026-Q4', collaboration: 4, comment: '直言不讳', date: '2026-11-20', createdAt: T0 });
async function scorecard(): Promise<string> {
  await h.dm('ou_bobwu', '/成绩');
  await h.idle();
  return JSON.stringify(h.lastCardTo(dmChat('ou_bobwu')).body);
}

describe('peer-review anonymity on Lark', () => {
  it('2 reviews: nothing shown; 3: the average only, never the reviewers', async () => {
    await review('r1', 'ann');
    await review('r2', 'dan');
    let text = await scorecard();
    expect(text).toContain('目前收到 2 条互评：满 3 条才显示并计分');
    expect(text).not.toContain('2 条评价的平均分');
    await review('r3', 'eve');
    text = await scorecard();
    expect(text).toContain('3 条评价的平均分');
    for (const hidden of ['丁评审', '易评审', 'Ann Lee', '直言不讳']) expect(text).not.toContain(hidden);
  });
});
