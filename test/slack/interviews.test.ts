import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addQ3Data, publishQ3 } from '../application/interview-fixture.js';
import { buttonClick, startHarness, type Harness } from './harness.js';

/** Feedback interviews on Slack: its link markup in a command, and where the plan's acknowledgement and a refused click go. */
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

/** A click on a button of a DM the bot posted (chat.update replaces it). */
const click = (user: string, actionId: string, value: string) => buttonClick(user, actionId, value, { dm: `D${user}`, ts: '30.1' });

const publish = async () => publishQ3(h.deps, (await h.deps.store.people.get('hr'))!);

describe('/interview in Slack', () => {
  it('unwraps a link Slack wrapped in the command; the rep’s acknowledgement replaces the DM without its button, a refused click is private', async () => {
    await publish();
    const scheduled = await run('UMGR', '<@UANN|ann> 2026-12-03 15:00 <https://meet.example.com/abc|meet.example.com/abc>');
    expect(scheduled.text).toBe('Feedback interview with ann for 2026-Q3 scheduled on 2026-12-03 15:00 (Asia/Shanghai) (https://meet.example.com/abc). Both of you were sent a message.');
    const dms = await h.deps.store.outbox.find({ job: 'interview-scheduled' });
    expect(dms.map((d) => (d.target.kind === 'dm' ? d.target.identity : '')).sort()).toEqual(['slack:UANN', 'slack:UMGR']);
    expect(dms.find((d) => d.target.kind === 'dm' && d.target.identity === 'slack:UANN')!.message.text).toContain('2026-12-03 15:00 (Asia/Shanghai) (https://meet.example.com/abc)');

    await run('UMGR', 'log <@UANN|ann>\nnotes: Great deal with Acme');
    const [plan] = await h.deps.store.plans.find({ repId: 'ann' });
    await h.interactive(click('UMGR', 'decide:plan.ack', plan!.id));
    await h.fake.until(() => h.fake.callsTo('chat.postEphemeral').length === 1, 'the refusal');
    expect(h.fake.callsTo('chat.update')).toHaveLength(0);

    await h.interactive(click('UANN', 'decide:plan.ack', plan!.id));
    await h.fake.until(() => h.fake.callsTo('chat.update').length === 1, 'the acknowledged plan');
    const updated = h.fake.callsTo('chat.update')[0]!.params as { channel: string; ts: string; blocks: unknown[] };
    expect([updated.channel, updated.ts]).toEqual(['DUANN', '30.1']);
    expect(JSON.stringify(updated.blocks)).not.toContain('decide:plan.ack');
    // What is refused, stored, told and listed is in test/chat/interviews.
  });
});
