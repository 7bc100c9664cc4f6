import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import type { View } from '../../src/views/view.js';
import { addQ3Data, publishQ3 } from '../application/interview-fixture.js';
import { smallOrg } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';
import { ask, click, shownTexts, type Answered } from './conversation.js';

/**
 * Feedback interviews in the shared conversation: refusals, scheduling, the plan preview, logging
 * with the plan, the rep's acknowledgement and the lists (the platform-neutral part of
 * test/slack/interviews and test/lark/interviews). Thursday 2026-11-26, 10:00 in Shanghai.
 */
let deps: ReturnType<typeof testDeps>;
beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z');
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  const put = async (id: string, over: object) => deps.store.people.put({ ...(await deps.store.people.get(id))!, ...over });
  await put('ann', { name: 'Ann Lee', identities: ['lark:ou_annlee'] });
  await put('bob', { name: 'Bob Wu', locale: 'zh-CN' });
  await put('mgr', { name: 'Mia Manager', identities: ['lark:ou_miamgr'] });
  await addQ3Data(deps);
});
afterEach(() => deps.cleanup());

const publish = async () => publishQ3(deps, (await deps.store.people.get('hr'))!, ['lark']);
const said = (a: Answered): string => a.refusal ?? shownTexts(a.view).join('\n');
/** `/interview` as `who`, mentioning ann unless told otherwise. */
const interview = async (who: string, text: string, known = ['ann'], unknown: string[] = []) => said(await ask(deps, who, `/interview ${text}`, { known, unknown }));

describe('/interview (shared conversation)', () => {
  it('refuses before publication, no or an unknown mention, a rep, another team’s manager, an unpublished period and a bad date or time', async () => {
    expect(await interview('mgr', '@ann 2026-12-03 15:00')).toContain('Ann Lee has no published result yet');
    await publish();
    expect(await interview('mgr', '@zed 2026-12-03 15:00', [], ['@zed'])).toContain('@zed is not known to the appraisal bot yet');
    expect(await interview('mgr', '2026-12-03 15:00', [])).toContain('Mention the rep');
    for (const who of ['ann', 'cat', 'mgr2']) expect(await interview(who, '@ann 2026-12-03 15:00')).toContain("Only Ann Lee's manager or HR may hold");
    expect(await interview('bob', '@ann 2026-12-03 15:00')).toContain('只有 Ann Lee 的经理或人力资源部');
    expect(await interview('mgr', '@ann 2026-12-03 15:00 2026-Q4')).toContain('2026-Q4 is not published yet');
    expect(await interview('mgr', '@ann 2026-12-03 15:00 2027-Q1')).toContain('2027-Q1 is not published yet');
    expect(await interview('mgr', '@ann 2026-12-03 3pm')).toContain('"3pm" is not a time');
    expect(await interview('mgr', '@ann 12/03 15:00')).toContain('"12/03" is not a date');
    expect(await deps.store.interviews.count()).toBe(0);
    expect(await deps.store.outbox.count({ job: 'interview-scheduled' })).toBe(0);
  });

  it('schedules and tells both by DM; previews the plan; logs with the plan; the rep alone acknowledges it, once', async () => {
    await publish();
    expect(await interview('mgr', '@ann 2026-12-03 15:00 Room 5')).toContain('Feedback interview with Ann Lee for 2026-Q3 scheduled on 2026-12-03 15:00 (Asia/Shanghai) (Room 5). Both of you were sent a message.');
    const dms = await deps.store.outbox.find({ job: 'interview-scheduled' });
    expect(dms.map((d) => (d.target.kind === 'dm' ? d.target.identity : '')).sort()).toEqual(['lark:ou_annlee', 'lark:ou_miamgr']);
    expect(dms.find((d) => d.target.kind === 'dm' && d.target.identity === 'lark:ou_annlee')!.message.text).toContain('2026-12-03 15:00 (Asia/Shanghai) (Room 5)');
    expect(await deps.store.audit.count({ action: 'interview.schedule' })).toBe(1);

    expect(await interview('mgr', 'plan @ann')).toContain('Serve 8 key accounts (4 by 2026-11-16; 1 in 2026-Q3) (due 2026-12-31)');
    expect(await deps.store.plans.count()).toBe(0);

    const logged = await ask(deps, 'mgr', '/interview log @ann\nnotes: Great deal with Acme,\nneeds more accounts\nview: Wants help with leads', { known: ['ann'] });
    expect(logged.view!.title).toBe('Interview with Ann Lee for 2026-Q3 logged; improvement plan sent to Ann Lee for acknowledgement.');
    expect(said(logged)).toContain('Notes: Great deal with Acme,\nneeds more accounts');
    const [plan] = await deps.store.plans.find({ repId: 'ann' });
    expect(plan!.goals.map((g) => g.indicator)).toEqual(['accounts_served', 'new_customers', 'visits']);
    expect((await deps.store.interviews.find({ repId: 'ann' }))[0]).toMatchObject({ state: 'held', heldOn: '2026-11-26', repView: 'Wants help with leads' });
    const [dm] = await deps.store.outbox.find({ job: 'interview-plan' });
    expect(dm!.target).toEqual({ kind: 'dm', identity: 'lark:ou_annlee' });
    const buttons = (dm!.message.view as unknown as View).blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []));
    expect(buttons.map((b) => `${b.id}=${b.value}`)).toEqual([`decide:plan.ack=${plan!.id}`]);

    // The manager cannot acknowledge for the rep.
    expect(said(await click(deps, 'mgr', 'decide:plan.ack', plan!.id))).toContain('Only Ann Lee may acknowledge');
    expect((await deps.store.plans.get(plan!.id))!.acknowledgedAt).toBeUndefined();

    const done = await click(deps, 'ann', 'decide:plan.ack', plan!.id);
    expect(done.view!.title).toBe('Improvement plan for Ann Lee: 2026-Q4');
    expect(shownTexts(done.view!).join('\n')).toContain('Acknowledged on 2026-11-26.');
    expect(done.view!.blocks.flatMap((b) => (b.type === 'actions' || b.type === 'item' ? b.buttons : []))).toEqual([]);
    expect((await deps.store.plans.get(plan!.id))!.acknowledgedAt).toBe('2026-11-26T02:00:00.000Z');
    const told = await deps.store.outbox.find({ job: 'plan-acknowledged' });
    expect(told.map((o) => [o.target.kind === 'dm' ? o.target.identity : '', o.message.text])).toEqual([['lark:ou_miamgr', 'Ann Lee acknowledged the improvement plan for 2026-Q4.']]);

    expect(said(await click(deps, 'ann', 'decide:plan.ack', plan!.id))).toContain('This plan was already acknowledged on 2026-11-26.');
    expect(await deps.store.outbox.count({ job: 'plan-acknowledged' })).toBe(1);
    expect(await deps.store.audit.count({ action: 'plan.acknowledge' })).toBe(1);
  });

  it('logs written goals, a goal without a date due at the end of the next quarter', async () => {
    await publish();
    const logged = await interview('mgr', 'log @ann\nnotes: Good quarter\nview: Wants more leads\ngoal: Visit 3 new key accounts by 2026-12-20\ngoal: Close one deal');
    expect(logged).toContain('logged; improvement plan sent to');
    const [plan] = await deps.store.plans.find({ repId: 'ann' });
    expect(plan!.goals).toEqual([{ text: 'Visit 3 new key accounts', dueDate: '2026-12-20' }, { text: 'Close one deal', dueDate: '2026-12-31' }]);
    expect((await deps.store.interviews.find({ repId: 'ann' }))[0]).toMatchObject({ state: 'held', notes: 'Good quarter', repView: 'Wants more leads' });
  });

  it('lists a manager’s reps by interview status, and a rep’s own interviews and plans', async () => {
    await publish();
    await interview('mgr', '@bob 2026-12-04 10:00 Room 5', ['bob']);
    await interview('mgr', 'log @ann\ngoal: Win two new accounts by 2026-12-20');
    const list = (await ask(deps, 'mgr', '/interview')).view!;
    expect(list.title).toBe('Feedback interviews for 2026-Q3');
    const text = shownTexts(list).join('\n');
    expect(text).toContain('held on 2026-11-26');
    expect(text).toContain('scheduled on 2026-12-04 10:00 (Asia/Shanghai)');
    const mine = (await ask(deps, 'ann', '/interview')).view!;
    expect(shownTexts(mine).join('\n')).toContain('2026-Q3: interview with');
    expect(shownTexts(mine).join('\n')).toContain('Win two new accounts (due 2026-12-20)');
    expect(mine.blocks.flatMap((b) => (b.type === 'actions' || b.type === 'item' ? b.buttons.map((x) => x.id) : []))).toContain('decide:plan.ack');
    expect((await ask(deps, 'cat', '/interview')).view!.title).toBe('You have no feedback interview or improvement plan yet.');
  });

  it('writes the time zone in full-width brackets for a Chinese reader, in the DM and in the refusal of a past time', async () => {
    await publish();
    await deps.store.people.put({ ...(await deps.store.people.get('bob'))!, identities: ['lark:ou_bobwu'] });
    expect(await interview('mgr', '@bob 2026-12-03 15:00 3 楼会议室', ['bob'])).toContain('scheduled on 2026-12-03 15:00 (Asia/Shanghai)');
    const [toBob] = (await deps.store.outbox.find({ job: 'interview-scheduled' })).filter((d) => d.target.kind === 'dm' && !d.target.identity.includes('ou_miamgr'));
    expect(toBob!.message.text).toContain('2026-12-03 15:00（Asia/Shanghai）');
    expect(toBob!.message.text).not.toContain('(Asia/Shanghai)');
    await deps.store.people.put({ ...(await deps.store.people.get('mgr'))!, locale: 'zh-CN' });
    expect(await interview('mgr', '@ann 2026-11-20 09:00')).toContain('2026-11-20 09:00（Asia/Shanghai）已经过去');
  });

  it('previews the prefilled plan in the manager’s language, the goals in the rep’s', async () => {
    await publish();
    await deps.store.people.put({ ...(await deps.store.people.get('mgr'))!, locale: 'zh-CN' });
    const preview = await interview('mgr', 'plan @ann 2026-Q3');
    expect(preview).toContain('Ann Lee 的预填改进计划（依据 2026-Q3，考核于 2026-Q4）');
    expect(preview).toContain('Serve 8 key accounts (4 by 2026-11-16; 1 in 2026-Q3)（截止 2026-12-31）');
  });
});
