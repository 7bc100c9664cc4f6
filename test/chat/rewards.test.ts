import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxItem } from '../../src/domain/model/delivery.js';
import type { Button, View } from '../../src/views/view.js';
import { T0, visits } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';
import { ask, click, shownTexts, type Answered, namedOrg } from './conversation.js';

/**
 * Special awards, the publication and appeals in the shared conversation (moved from
 * test/slack/rewards and test/lark/rewards; how each platform draws the decision buttons and where
 * a click's answer goes stays there, and a click replacing its message is in the platform
 * contract). Today is 26 November 2026; 2026-Q3 is in review.
 */
let deps: ReturnType<typeof testDeps>;
beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z');
  await namedOrg(deps);
  await deps.store.activities.insertMany([...visits('ann', 'acme', 36, '2026-07-01'), ...visits('bob', 'globex', 12, '2026-08-01')]);
  // ann signs and collects a ¥1.5M deal: grade B (×1); bob lands in the lowest grade.
  await deps.store.deals.insert({
    id: 'd1', repId: 'ann', accountId: 'acme', amount: 1_500_000, currency: 'CNY', amountBase: 1_500_000, units: 300,
    product: 'Robots', signedDate: '2026-07-10', dueDate: '2026-08-10', firstWin: true, createdAt: T0,
  });
  await deps.store.payments.insert({ id: 'p1', dealId: 'd1', repId: 'ann', amount: 1_500_000, amountBase: 1_500_000, dueDate: '2026-08-10', receivedDate: '2026-08-09', createdAt: T0 });
  await deps.store.settings.put({ id: 'channels', value: { results: ['lark:oc_results'], 'hr-private': ['lark:oc_hrprivate'] }, updatedAt: T0, updatedBy: 'hr' });
  await deps.store.settings.put({ id: 'cycle.policy', value: { baseBonus: 20000, appealWindowDays: 7, guideline: { B: 40 }, topPerformers: 1 }, updatedAt: T0, updatedBy: 'hr' });
  await say('hr', '/cycle open 2026-Q3');
  expect(await say('hr', '/cycle review 2026-Q3')).toContain('is now in review');
});
afterEach(() => deps.cleanup());

const DAY = 86_400_000;
const said = (a: Answered): string => a.refusal ?? shownTexts(a.view).join('\n');
const say = async (who: string, line: string, known: string[] = []) => said(await ask(deps, who, line, { known }));
const buttonsOf = (view: View): Button[] => view.blocks.flatMap((b) => (b.type === 'actions' || b.type === 'item' ? b.buttons : []));
/** What a queued message says: its text and every text of its view. */
const read = (o: OutboxItem): string => [o.message.text, ...(o.message.view ? shownTexts(o.message.view as unknown as View) : [])].join('\n');
const to = (o: OutboxItem): string => (o.target.kind === 'dm' ? o.target.identity : o.target.channel);
/** The messages of a job queued to one DM identity or channel, as read. */
const queued = async (job: string, target: string) => (await deps.store.outbox.find({ job })).filter((o) => to(o) === target).map(read);

describe('special awards and the publication (shared conversation)', () => {
  it('a manager’s award is approved by HR’s button and published with the Publish button; the channel summary and every DM', async () => {
    expect(await say('bob', '/award @ann 最佳队友：帮我拿下了 Globex', ['ann'])).toContain('需要人力资源或经理角色'); // bob is a rep, and reads Chinese
    expect(await say('mgr', '/award @ann Deal of the quarter: won the Acme framework deal', ['ann'])).toContain(
      'Special award "Deal of the quarter" for Ann Lee (2026-Q3) is proposed; HR has been asked to approve it.',
    );
    const [award] = await deps.store.awards.find();
    expect(award!.state).toBe('pending');

    // HR is asked by DM with both buttons, and in the hr-private channel.
    const [request] = (await deps.store.outbox.find({ job: 'award-request' })).filter((o) => to(o) === 'lark:ou_hanahr');
    expect(buttonsOf(request!.message.view as unknown as View).map((b) => `${b.id}=${b.value}`)).toEqual([`decide:award.approve=${award!.id}`, `decide:award.reject=${award!.id}`]);
    expect((await queued('award-request', 'lark:oc_hrprivate')).join()).toContain('Deal of the quarter');

    // The manager cannot decide with a forwarded button.
    expect((await click(deps, 'mgr', 'decide:award.approve', award!.id)).refusal).toContain('needs the HR role');
    expect((await deps.store.awards.get(award!.id))!.state).toBe('pending');
    expect(said(await click(deps, 'hr', 'decide:award.approve', award!.id))).toContain('Approved by Hana HR: "Deal of the quarter" for Ann Lee (2026-Q3).');
    expect(said(await click(deps, 'hr', 'decide:award.reject', award!.id))).toContain('"Deal of the quarter" for Ann Lee has already been decided: approved.');
    expect((await deps.store.awards.get(award!.id))!.state).toBe('approved');
    expect(await say('mgr', '/award list')).toMatch(/Special awards 2026-Q3[\s\S]*Deal of the quarter: won the Acme framework deal[\s\S]*approved/);

    const preview = await ask(deps, 'hr', '/publish-results 2026-Q3');
    for (const s of ['Ann Lee: Deal of the quarter', 'Bonus amounts: ¥20,000 in total', 'Guideline: grade B has 1 rep, 50% of those graded (guideline at most 40%)']) expect(said(preview)).toContain(s);
    const publish = buttonsOf(preview.view!).find((b) => b.id === 'decide:publish.confirm')!;
    expect(publish.value).toBe('2026-Q3');
    expect(publish.confirm?.title).toBe('Publish 2026-Q3?');
    expect(await deps.store.results.count()).toBe(0);

    for (const who of ['ann', 'mgr']) expect((await click(deps, who, 'decide:publish.confirm', '2026-Q3')).refusal).toContain('needs the HR role');
    expect(await deps.store.results.count()).toBe(0);
    expect(said(await click(deps, 'hr', 'decide:publish.confirm', '2026-Q3'))).toContain('Published 2026-Q3 (version 1): 2 results frozen, 5 messages queued.');
    expect(said(await click(deps, 'hr', 'decide:publish.confirm', '2026-Q3'))).toContain('already been published');
    expect(await say('hr', '/publish-results 2026-Q3 confirm')).toContain('already been published');
    expect(await deps.store.results.count()).toBe(2);
    expect(await deps.store.outbox.count({ job: 'publish-results' })).toBe(5);

    const [summary] = await queued('publish-results', 'lark:oc_results');
    for (const s of ['Grade distribution: S 0 · A 0 · B 1 · C 0 · D 1', 'Ann Lee: Deal of the quarter', '1. Ann Lee · B']) expect(summary).toContain(s);
    expect(summary).not.toContain('Bob'); // the lowest grade is not announced
    const [ann] = await queued('publish-results', 'lark:ou_annlee');
    for (const s of ['Your 2026-Q3 appraisal result', 'Bonus: ¥20,000', 'Special award: Deal of the quarter', 'Team average', 'appeal until 2026-12-03']) expect(ann).toContain(s);
    const [bob] = await queued('publish-results', 'lark:ou_bobwu');
    for (const s of ['你的 2026-Q3 考核结果', '等级 D', '人力资源部将与你沟通绩效改进计划']) expect(bob).toContain(s);
    const [mgr] = await queued('publish-results', 'lark:ou_miamgr');
    for (const s of ['/interview @Ann Lee', '/interview @Bob Wu']) expect(mgr).toContain(s);
    const [flags] = await queued('publish-results', 'lark:oc_hrprivate');
    for (const s of ['penalty flags', 'Bob Wu: grade D']) expect(flags).toContain(s);
  });
});

describe('appeals (shared conversation)', () => {
  it('one accepted as version 2, one rejected, each rep told; the refusals; the window closes', async () => {
    expect(await say('ann', '/appeal')).toContain('No appeals.');
    await say('hr', '/publish-results 2026-Q3 confirm');
    expect(await say('bob', '/appeal 太短了')).toContain('请写明理由：至少 5 个汉字或 10 个字母。');
    expect(await say('mgr', '/appeal I want to appeal this result')).toContain('Only a sales rep');
    expect(await say('bob', '/申诉 九月份拜访 Globex 的记录录入晚了但确实发生了')).toContain('你对 2026-Q3 结果（第 1 版）的申诉已登记');
    expect(await say('bob', '/appeal 再申诉一次看看结果会不会变化')).toContain('已有一项待处理的申诉');
    expect(await say('ann', '/appeal 2026-Q3 the Acme deal should have counted in Q3')).toContain('Your appeal against your 2026-Q3 result (version 1) is filed');
    const [bobAppeal] = await deps.store.appeals.find({ repId: 'bob' });
    const [annAppeal] = await deps.store.appeals.find({ repId: 'ann' });
    const notices = (await queued('appeal-filed', 'lark:oc_hrprivate')).join('\n');
    // Appeals are shown and typed by their short number, not their id (issue 14).
    for (const s of [`/appeal accept ${bobAppeal!.number} `, 'Scorecard: Bob Wu, 2026-Q3']) expect(notices).toContain(s);
    expect(notices).not.toContain(bobAppeal!.id);

    expect(await say('ann', `/appeal accept #${annAppeal!.number} +10 I accept my own appeal`)).toContain('needs the HR role');
    expect(await say('mgr', '/appeal accept @bob +20 the client confirmed the visits', ['bob'])).toContain('needs the HR role');
    const list = await say('hr', '/appeal list 2026-Q3');
    expect(list).toContain(`#${annAppeal!.number}`);
    expect(list).not.toContain(annAppeal!.id);

    const v1 = (await deps.store.results.find({ repId: 'bob' }))[0]!;
    expect(await say('hr', '/appeal accept @bob +20 the client confirmed the September visits', ['bob'])).toMatch(/v1: [\d.]+, grade D[\s\S]*→ v2: /);
    const bob = (await deps.store.results.find({ repId: 'bob' })).sort((a, b) => a.version - b.version);
    expect(bob.map((r) => [r.version, r.appealId ?? null])).toEqual([[1, null], [2, bobAppeal!.id]]);
    expect(bob[0]).toEqual(v1); // version 1 stays as it was
    expect(bob[1]!.scorecard.total).toBeCloseTo(v1.scorecard.total + 20, 6);

    expect(await say('hr', `/appeal reject ${annAppeal!.number} the deal was signed in October`)).toContain(`Appeal #${annAppeal!.number} rejected; Ann Lee has been told why.`);
    expect((await queued('appeal-decision', 'lark:ou_bobwu')).join()).toContain('申诉已被接受'); // bob reads Chinese
    const told = (await queued('appeal-decision', 'lark:ou_annlee')).join();
    for (const s of ['Your 2026-Q3 appeal was rejected', 'the deal was signed in October']) expect(told).toContain(s);
    expect(await say('hr', '/appeal list')).toMatch(/accepted → v2[\s\S]*rejected: the deal was signed in October/);
    expect(await say('ann', '/appeal')).toContain('rejected: the deal was signed in October');
    expect(await say('bob', '/scorecard 2026-Q3')).toContain(bob[1]!.scorecard.total.toFixed(1));

    deps.clock.advance(8 * DAY);
    expect(await say('ann', '/appeal one more try at this quarter result')).toContain('The appeal window for 2026-Q3 closed on 2026-12-03.');
  });
});
