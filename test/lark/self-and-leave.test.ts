import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertCard20 } from './card-schema.js';
import { dmChat, startHarness, type Harness } from './harness.js';

/** `/自评` (self-review) and `/休假` (away) through Lark, in Chinese. */
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

async function ask(openId: string, text: string): Promise<string> {
  await h.dm(openId, text);
  await h.idle();
  const card = h.lastCardTo(dmChat(openId));
  assertCard20(card);
  return JSON.stringify(card.body);
}

describe('self-review and leave on Lark', () => {
  it('a rep writes a self-review in Chinese once HR opened the cycle', async () => {
    expect(await ask('ou_bobwu', '/自评 4 3 5 本季业绩不错')).toContain('当前没有正在收集数据的考核周期');
    await ask('ou_hanahr', '/考核周期 open 2026-Q4');
    expect(await ask('ou_bobwu', '/自评 4 3 5 本季业绩不错')).toContain('2026-Q4 的自评已保存：业绩 4，行为 3，团队协作 5');
    expect(await h.deps.store.selfReviews.find({ repId: 'bob' })).toEqual([expect.objectContaining({ comment: '本季业绩不错' })]);
  });

  it('a rep records leave with the Chinese alias', async () => {
    expect(await ask('ou_bobwu', '/休假 2026-12-01 2026-12-05 年假')).toContain('从 2026-12-01 到 2026-12-05 休假');
    expect(await h.deps.store.absences.find({ personId: 'bob' })).toEqual([expect.objectContaining({ note: '年假' })]);
  });
});
