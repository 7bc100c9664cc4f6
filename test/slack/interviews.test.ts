import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { View } from '../../src/views/view.js';
import { addQ3Data, publishQ3 } from '../application/interview-fixture.js';
import { buttonClick, startHarness, type Harness } from './harness.js';

/** Feedback interviews end to end through Slack's signed slash commands and button clicks. */
let h: Harness;
beforeEach(async () => {
  h = await startHarness(); // Thursday 2026-11-26, 10:00 in Shanghai
  await addQ3Data(h.deps);
});
afterEach(() => h.close());

type Resp = { text: string; blocks?: unknown[] };
let n = 0;
async function run(user: string, text: string): Promise<Resp> {
  const id = `interview-${++n}`;
  await h.command(user, '/interview', text, { responseId: id });
  await h.fake.until(() => h.fake.responses.some((r) => r.id === id), `answer ${id}`);
  return h.fake.responses.find((r) => r.id === id)!.body as Resp;
}
const all = (r: Resp) => `${r.text} ${JSON.stringify(r.blocks ?? [])}`;

/** A click on a button of a DM the bot posted (chat.update replaces it). */
const click = (user: string, actionId: string, value: string) => buttonClick(user, actionId, value, { dm: `D${user}`, ts: '30.1' });

const publish = async () => publishQ3(h.deps, (await h.deps.store.people.get('hr'))!);

describe('/interview in Slack', () => {
  it('refuses before publication, an unknown mention, a rep, another team\'s manager, an unpublished period and a bad time', async () => {
    expect((await run('UMGR', '<@UANN|ann> 2026-12-03 15:00')).text).toContain('ann has no published result yet');
    await publish();
    expect((await run('UMGR', '<@UZED|zed> 2026-12-03 15:00')).text).toContain('@zed is not known to the appraisal bot yet');
    expect((await run('UMGR', '2026-12-03 15:00')).text).toContain('Mention the rep');
    // ann's name comes from her Slack profile once she has used the bot.
    expect((await run('UANN', '<@UANN|ann> 2026-12-03 15:00')).text).toContain("Only Ann Lee's manager or HR may hold");
    expect((await run('UCAT', '<@UANN|ann> 2026-12-03 15:00')).text).toContain("Only Ann Lee's manager or HR may hold");
    // mgr2 manages the West team, not ann.
    h.fake.addUser({ id: 'UMGR2', name: 'Max Manager', locale: 'en-US', tz: 'Asia/Shanghai' });
    await h.deps.store.people.put({ ...(await h.deps.store.people.get('mgr2'))!, identities: ['slack:UMGR2'] });
    expect((await run('UMGR2', '<@UANN|ann> 2026-12-03 15:00')).text).toContain("Only Ann Lee's manager or HR may hold");
    expect((await run('UMGR', '<@UANN|ann> 2026-12-03 15:00 2026-Q4')).text).toContain('2026-Q4 is not published yet');
    expect((await run('UMGR', '<@UANN|ann> 2026-12-03 3pm')).text).toContain('"3pm" is not a time');
    // bob reads Chinese.
    expect((await run('UBOB', '<@UANN|ann> 2026-12-03 15:00')).text).toContain('只有 Ann Lee 的经理或 HR');
    expect(await h.deps.store.interviews.count()).toBe(0);
    expect(await h.deps.store.outbox.count({ job: 'interview-scheduled' })).toBe(0);
  });

  it('schedules, previews, logs with the plan, and the rep acknowledges it once with the button', async () => {
    await publish();
    const scheduled = await run('UMGR', '<@UANN|ann> 2026-12-03 15:00 <https://meet.example.com/abc|meet.example.com/abc>');
    expect(scheduled.text).toBe('Feedback interview with ann for 2026-Q3 scheduled on 2026-12-03 15:00 (Asia/Shanghai) (https://meet.example.com/abc). Both of you were sent a message.');
    const dms = await h.deps.store.outbox.find({ job: 'interview-scheduled' });
    expect(dms.map((d) => (d.target.kind === 'dm' ? d.target.identity : '')).sort()).toEqual(['slack:UANN', 'slack:UMGR']);
    expect(dms.find((d) => d.target.kind === 'dm' && d.target.identity === 'slack:UANN')!.message.text).toContain('2026-12-03 15:00 (Asia/Shanghai) (https://meet.example.com/abc)');

    const preview = await run('UMGR', 'plan <@UANN|ann>');
    expect(all(preview)).toContain('Serve 8 key accounts (4 by 2026-11-16; 1 in 2026-Q3) (due 2026-12-31)');
    expect(await h.deps.store.plans.count()).toBe(0);

    const logged = await run('UMGR', 'log <@UANN|ann>\nnotes: Great deal with Acme,\nneeds more accounts\nview: Wants help with leads');
    expect(logged.text).toBe('Interview with ann for 2026-Q3 logged; improvement plan sent to ann for acknowledgement.');
    expect(all(logged)).toContain('Notes: Great deal with Acme,\\nneeds more accounts');
    const [plan] = await h.deps.store.plans.find({ repId: 'ann' });
    expect(plan!.goals.map((g) => g.indicator)).toEqual(['accounts_served', 'new_customers', 'visits']);
    const [dm] = await h.deps.store.outbox.find({ job: 'interview-plan' });
    expect(dm!.target).toEqual({ kind: 'dm', identity: 'slack:UANN' });
    const buttons = (dm!.message.view as unknown as View).blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []));
    expect(buttons.map((b) => `${b.id}=${b.value}`)).toEqual([`decide:plan.ack=${plan!.id}`]);

    // The manager cannot acknowledge for the rep: refused privately, nothing changes.
    await h.interactive(click('UMGR', 'decide:plan.ack', plan!.id));
    await h.fake.until(() => h.fake.callsTo('chat.postEphemeral').length === 1, 'the refusal');
    expect(h.fake.callsTo('chat.postEphemeral')[0]!.params.text).toContain('Only ann may acknowledge');
    expect((await h.deps.store.plans.get(plan!.id))!.acknowledgedAt).toBeUndefined();

    await h.interactive(click('UANN', 'decide:plan.ack', plan!.id));
    await h.fake.until(() => h.fake.callsTo('chat.update').length === 1, 'the acknowledged plan');
    const updated = h.fake.callsTo('chat.update')[0]!.params as { channel: string; text: string; blocks: unknown[] };
    expect([updated.channel, updated.text]).toEqual(['DUANN', `Improvement plan for ${(await h.deps.store.people.get('ann'))!.name}: 2026-Q4`]);
    expect(JSON.stringify(updated.blocks)).toContain('Acknowledged on 2026-11-26.');
    expect(JSON.stringify(updated.blocks)).not.toContain('decide:plan.ack');
    expect((await h.deps.store.plans.get(plan!.id))!.acknowledgedAt).toBe('2026-11-26T02:00:00.000Z');
    const told = await h.deps.store.outbox.find({ job: 'plan-acknowledged' });
    expect(told.map((o) => [o.target.kind === 'dm' ? o.target.identity : '', o.message.text.endsWith('acknowledged the improvement plan for 2026-Q4.')])).toEqual([['slack:UMGR', true]]);

    await h.interactive(click('UANN', 'decide:plan.ack', plan!.id));
    await h.fake.until(() => h.fake.callsTo('chat.update').length === 2, 'the second click');
    expect(h.fake.callsTo('chat.update')[1]!.params.text).toBe('This plan was already acknowledged on 2026-11-26.');
    expect(await h.deps.store.outbox.count({ job: 'plan-acknowledged' })).toBe(1);
    expect(await h.deps.store.audit.count({ action: 'plan.acknowledge' })).toBe(1);
  });

  it('lists a manager\'s reps by interview status, and a rep\'s own interviews and plans', async () => {
    await publish();
    await run('UMGR', '<@UBOB|bob> 2026-12-04 10:00 Room 5');
    await run('UMGR', 'log <@UANN|ann>\ngoal: Win two new accounts by 2026-12-20');
    const list = await run('UMGR', '');
    expect(list.text).toBe('Feedback interviews for 2026-Q3');
    const text = all(list);
    expect(text).toContain('held on 2026-11-26');
    expect(text).toContain('scheduled on 2026-12-04 10:00 (Asia/Shanghai)');
    const mine = all(await run('UANN', ''));
    expect(mine).toContain('2026-Q3: interview with');
    expect(mine).toContain('Win two new accounts (due 2026-12-20)');
    expect(mine).toContain('decide:plan.ack');
    expect((await run('UCAT', '')).text).toBe('You have no feedback interview or improvement plan yet.');
  });
});
