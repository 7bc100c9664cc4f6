import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { viewToCard } from '../../src/adapters/lark/render/view-card.js';
import type { View } from '../../src/views/view.js';
import { T0, visits } from '../helpers/org.js';
import { allElements, assertCard20 } from './card-schema.js';
import { dmChat, startHarness, type Card, type Harness } from './harness.js';

/** Awards, the publication and appeals end to end through Lark's signed events and card callbacks. */
let h: Harness;
beforeEach(async () => {
  h = await startHarness(); // 2026-11-26 in Shanghai
  await h.deps.store.activities.insertMany([...visits('ann', 'acme', 36, '2026-07-01'), ...visits('bob', 'globex', 12, '2026-08-01')]);
  await h.deps.store.deals.insert({
    id: 'd1', repId: 'ann', accountId: 'acme', amount: 1_500_000, currency: 'CNY', amountBase: 1_500_000, units: 300,
    product: 'Robots', signedDate: '2026-07-10', dueDate: '2026-08-10', firstWin: true, createdAt: T0,
  });
  await h.deps.store.payments.insert({ id: 'p1', dealId: 'd1', repId: 'ann', amount: 1_500_000, amountBase: 1_500_000, dueDate: '2026-08-10', receivedDate: '2026-08-09', createdAt: T0 });
  await h.deps.store.settings.put({ id: 'channels', value: { results: ['lark:oc_results'], 'hr-private': ['lark:oc_hrprivate'] }, updatedAt: T0, updatedBy: 'hr' });
  await h.deps.store.settings.put({ id: 'cycle.policy', value: { baseBonus: 20000, appealWindowDays: 7, guideline: { B: 40 }, topPerformers: 1 }, updatedAt: T0, updatedBy: 'hr' });
  await say(HR, '/cycle open 2026-Q3');
  await say(HR, '/cycle review 2026-Q3');
});
afterEach(() => h.close());

type Answer = { toast?: { type: string; content: string }; card?: { type: string; data: Card } };
const ANN = 'ou_annlee';
const BOB = 'ou_bobwu';
const MGR = 'ou_miamgr';
const HR = 'ou_hanahr';
const DAY = 86_400_000;

/** A DM to the bot; the card that answered it. */
async function say(openId: string, text: string): Promise<string> {
  await h.dm(openId, text);
  await h.idle();
  const card = h.lastCardTo(dmChat(openId));
  assertCard20(card);
  return JSON.stringify(card);
}
/** A group message mentioning a colleague (@_user_2); the answer comes by DM. */
async function mention(openId: string, text: string, who: { openId: string; name: string }): Promise<string> {
  await h.group(openId, text, [who]);
  await h.idle();
  return JSON.stringify(h.lastCardTo(openId));
}
const click = async (openId: string, action: string, value: string) => (await h.submit(openId, { action, value }, {})).json() as Answer;
const outboxTo = async (job: string, to: string) =>
  (await h.deps.store.outbox.find({ job })).filter((o) => (o.target.kind === 'dm' ? o.target.identity : o.target.channel) === to).map((o) => JSON.stringify(viewToCard(o.message.view as unknown as View)));

describe('rewards on Lark', () => {
  it('a manager’s award approved by HR’s button, published with the Publish button; the channel summary and every DM', async () => {
    // ann's first message brings her Lark name; nothing to appeal yet.
    expect(await say(ANN, '/appeal')).toContain('No appeals.');
    expect(await mention(BOB, '/award @_user_2 最佳队友：帮我拿下了 Globex', { openId: ANN, name: 'Ann Lee' })).toContain('需要人力资源或经理角色');
    expect(await mention(MGR, '/award @_user_2 Deal of the quarter: won the Acme framework deal', { openId: ANN, name: 'Ann Lee' })).toContain('is proposed; HR has been asked to approve it');
    const [award] = await h.deps.store.awards.find();
    const [request] = await outboxTo('award-request', `lark:${HR}`);
    const callbacks = allElements((JSON.parse(request!) as Card).body.elements).flatMap((e) => (Array.isArray(e.behaviors) ? e.behaviors.map((b: { value: unknown }) => b.value) : []));
    expect(callbacks).toEqual([{ action: 'decide:award.approve', value: award!.id }, { action: 'decide:award.reject', value: award!.id }]);
    expect(await outboxTo('award-request', 'lark:oc_hrprivate')).toHaveLength(1);

    expect((await click(MGR, 'decide:award.approve', award!.id)).toast).toEqual({ type: 'error', content: expect.stringContaining('needs the hr role') });
    expect(JSON.stringify((await click(HR, 'decide:award.approve', award!.id)).card!.data)).toContain('Approved by Hana HR: \\"Deal of the quarter\\" for Ann Lee (2026-Q3).');
    expect(JSON.stringify((await click(HR, 'decide:award.reject', award!.id)).card!.data)).toContain('has already been decided: approved.');

    const preview = await say(HR, '/publish-results 2026-Q3');
    expect(preview).toContain('Guideline: grade B has 1 rep(s), 50% of those graded (guideline at most 40%)');
    expect(preview).toContain('Ann Lee: Deal of the quarter');
    expect(preview).toContain('"action":"decide:publish.confirm","value":"2026-Q3"');
    expect((await click(ANN, 'decide:publish.confirm', '2026-Q3')).toast?.content).toContain('needs the hr role');
    expect(JSON.stringify((await click(HR, 'decide:publish.confirm', '2026-Q3')).card!.data)).toContain('Published 2026-Q3 (version 1): 2 result(s) frozen, 5 message(s) queued.');
    expect(JSON.stringify((await click(HR, 'decide:publish.confirm', '2026-Q3')).toast)).toContain('already been published');

    const [summary] = await outboxTo('publish-results', 'lark:oc_results');
    expect(summary).toContain('Grade distribution: S 0 · A 0 · B 1 · C 0 · D 1');
    expect(summary).toContain('Ann Lee: Deal of the quarter');
    expect(summary).toContain('1. Ann Lee · B');
    expect(summary).not.toContain('Bob');
    const [ann] = await outboxTo('publish-results', `lark:${ANN}`);
    expect(ann).toContain('Bonus: ¥20,000');
    expect(ann).toContain('appeal until 2026-12-03');
    const [bob] = await outboxTo('publish-results', `lark:${BOB}`);
    expect(bob).toContain('等级 D');
    expect(bob).toContain('人力资源部将与你沟通绩效改进计划');
    const [mgr] = await outboxTo('publish-results', `lark:${MGR}`);
    expect(mgr).toContain('/interview @Ann Lee');
    const [flag] = await outboxTo('publish-results', 'lark:oc_hrprivate');
    expect(flag).toContain('Bob Wu: grade D');
  });

  it('appeals: accepted as version 2 and rejected, with the refusals', async () => {
    await say(HR, '/publish-results 2026-Q3 confirm');
    expect(await say(BOB, '/appeal 太短')).toContain('请填写至少 10 个字符的理由');
    expect(await say(BOB, '/appeal 九月份拜访 Globex 的记录录入晚了但确实发生了')).toContain('申诉已登记');
    expect(await say(BOB, '/appeal 再申诉一次看看结果会不会变化')).toContain('已有一项待处理的申诉');
    expect(await say(ANN, '/appeal 2026-Q3 the Acme deal should count in Q3')).toContain('is filed as');
    const [bobAppeal] = await h.deps.store.appeals.find({ repId: 'bob' });
    const [annAppeal] = await h.deps.store.appeals.find({ repId: 'ann' });
    const [notice] = await outboxTo('appeal-filed', 'lark:oc_hrprivate');
    expect(notice).toContain(`/appeal accept ${bobAppeal!.id}`);
    expect(notice).toContain('Scorecard: Bob Wu, 2026-Q3');

    expect(await mention(MGR, '/appeal accept @_user_2 +20 the client confirmed the visits', { openId: BOB, name: 'Bob Wu' })).toContain('needs the hr role');
    const accepted = await mention(HR, '/appeal accept @_user_2 +20 the client confirmed the visits', { openId: BOB, name: 'Bob Wu' });
    expect(accepted).toMatch(/v1: [\d.]+, grade D.*→ v2: /);
    const versions = (await h.deps.store.results.find({ repId: 'bob' })).map((r) => [r.version, r.appealId ?? null]).sort();
    expect(versions).toEqual([[1, null], [2, bobAppeal!.id]]);
    expect(await say(HR, `/appeal reject ${annAppeal!.id} the deal was signed after the quarter`)).toContain('has been told why');
    expect((await outboxTo('appeal-decision', `lark:${BOB}`))[0]).toContain('申诉已被接受');
    expect((await outboxTo('appeal-decision', `lark:${ANN}`))[0]).toContain('the deal was signed after the quarter');
    expect(await say(HR, '/appeal list')).toMatch(/accepted → v2.*rejected: the deal was signed after the quarter/);

    h.deps.clock.advance(8 * DAY);
    expect(await say(ANN, '/appeal one more try for this quarter please')).toContain('The appeal window for 2026-Q3 closed on 2026-12-03.');
  });
});
