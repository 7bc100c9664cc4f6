import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { View } from '../../src/views/view.js';
import { createSlackOutbound } from '../../src/adapters/slack/outbound.js';
import { dispatchDue } from '../../src/application/delivery/dispatch.js';
import { buttonClick, startHarness, VISIT_VALUES, type Harness } from './harness.js';

/** The close-date lock and late-entry approval, end to end through Slack's signed requests. */
let h: Harness;
beforeEach(async () => {
  h = await startHarness(); // 2026-11-26 in Shanghai
});
afterEach(() => h.close());

const LATE_VISIT = { ...VISIT_VALUES, date: { date: '2026-09-28' }, nextStepDate: { date: '2026-10-20' } };

/** A click on a button of a DM the bot posted (chat.update replaces it). */
const click = (user: string, actionId: string, value: string) => buttonClick(user, actionId, value, { dm: `D${user}`, ts: '20.1' });

async function answerOf(h: Harness, id: string): Promise<string> {
  await h.fake.until(() => h.fake.responses.some((r) => r.id === id), `answer ${id}`);
  return (h.fake.responses.find((r) => r.id === id)!.body as { text: string }).text;
}

describe('late entries on Slack', () => {
  it('a visit after the close date is sent to the manager, who approves it with a button; a click by someone else is refused', async () => {
    await h.command('UHR', '/cycle', 'open 2026-Q3 close 2026-10-10', { responseId: 'open' });
    expect(await answerOf(h, 'open')).toContain('entries close on 2026-10-10');

    const res = await h.submit('UANN', 'visit', LATE_VISIT, { meta: { r: h.fake.responseUrl('late'), c: 'C0SALES' } });
    expect(res.status).toBe(200);
    expect(res.body).toBe(''); // the modal closes: nothing is wrong with the input
    expect(await answerOf(h, 'late')).toBe(
      ':hourglass_flowing_sand: Not saved yet: entries for 2026-Q3 closed on 2026-10-10, so this was sent to mgr for approval. You will get a message when they decide. (Visit to Acme on 2026-09-28)',
    );
    expect(await h.deps.store.activities.count()).toBe(0);
    const [late] = await h.deps.store.lateEntries.find({ repId: 'ann' });
    expect(late).toMatchObject({ state: 'pending', managerId: 'mgr', kind: 'visit' });

    const [dm] = await h.deps.store.outbox.find({ job: 'late-entry' });
    expect(dm!.target).toEqual({ kind: 'dm', identity: 'slack:UMGR' });
    const buttons = (dm!.message.view as unknown as View).blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []));
    expect(buttons.map((b) => `${b.id}=${b.value}`)).toEqual([`decide:late.approve=${late!.id}`, `decide:late.decline=${late!.id}`]);

    // Sent through the real outbound client: the manager's DM carries both buttons.
    const slack = createSlackOutbound({ botToken: 'xoxb-test-token', apiUrl: h.fake.apiUrl, limits: { perTargetIntervalMs: 0, perPlatformIntervalMs: 0 } });
    expect((await dispatchDue(h.deps, new Map([['slack', slack]]), { owner: 'test', sleep: async () => {} })).sent).toBe(1);
    const post = JSON.stringify(h.fake.callsTo('chat.postMessage').find((c) => c.params.channel === 'DUMGR')!.params);
    expect(post).toContain('"action_id":"decide:late.approve"');
    expect(post).toContain('"action_id":"decide:late.decline"');
    expect(post).toContain('Visit to Acme on 2026-09-28');

    // The manager's name comes from their Slack profile once they use the bot.
    // bob forwards himself the button: refused privately, nothing stored.
    await h.interactive(click('UBOB', 'decide:late.approve', late!.id));
    await h.fake.until(() => h.fake.callsTo('chat.postEphemeral').length === 1, 'the refusal');
    expect(h.fake.callsTo('chat.postEphemeral')[0]!.params.text).toContain('只有 mgr');
    expect(await h.deps.store.activities.count()).toBe(0);

    await h.interactive(click('UMGR', 'decide:late.approve', late!.id));
    await h.fake.until(() => h.fake.callsTo('chat.update').length === 1, 'the decided message');
    expect(h.fake.callsTo('chat.update')[0]!.params).toMatchObject({ channel: 'DUMGR', ts: '20.1', text: 'Approved by Mia Manager: Visit to Acme on 2026-09-28 is stored in 2026-Q3.' });
    const [visit] = await h.deps.store.activities.find({ repId: 'ann' });
    expect(visit).toMatchObject({ accountId: 'acme', date: '2026-09-28', outcome: 'Pilot agreed', requestId: `late:${late!.id}` });
    const told = (await h.deps.store.outbox.find({ job: 'late-entry' })).filter((o) => o.target.kind === 'dm' && o.target.identity === 'slack:UANN');
    expect(told.map((o) => o.message.text)).toEqual(['Mia Manager approved your late entry for 2026-Q3: Visit to Acme on 2026-09-28. It is saved now.']);

    // A second click: already decided, and still one visit.
    await h.interactive(click('UMGR', 'decide:late.decline', late!.id));
    await h.fake.until(() => h.fake.callsTo('chat.postEphemeral').length === 2, 'the second refusal');
    expect(h.fake.callsTo('chat.postEphemeral')[1]!.params.text).toContain('This late entry was already approved by Mia Manager.');
    expect(await h.deps.store.activities.count()).toBe(1);
  });

  it('a decline stores nothing and tells the rep', async () => {
    await h.command('UHR', '/cycle', 'open 2026-Q3 close 2026-10-10');
    await h.submit('UANN', 'visit', LATE_VISIT);
    const [late] = await h.deps.store.lateEntries.find({ repId: 'ann' });
    await h.interactive(click('UMGR', 'decide:late.decline', late!.id));
    await h.fake.until(() => h.fake.callsTo('chat.update').length === 1, 'the decided message');
    expect(h.fake.callsTo('chat.update')[0]!.params.text).toBe('Declined by Mia Manager: Visit to Acme on 2026-09-28 was not stored.');
    expect(await h.deps.store.activities.count()).toBe(0);
    expect((await h.deps.store.lateEntries.get(late!.id))?.state).toBe('declined');
  });

  it('a rep without a manager is told to ask HR, and nothing is stored', async () => {
    await h.command('UHR', '/cycle', 'open 2026-Q3 close 2026-10-10');
    const ann = (await h.deps.store.people.get('ann'))!;
    await h.deps.store.people.put({ ...ann, managerId: undefined });
    const east = (await h.deps.store.teams.get('east'))!;
    await h.deps.store.teams.put({ id: east.id, name: east.name, createdAt: east.createdAt });
    await h.submit('UANN', 'visit', LATE_VISIT, { meta: { r: h.fake.responseUrl('nomgr'), c: 'C0SALES' } });
    expect(await answerOf(h, 'nomgr')).toContain('Ask HR to set your manager. Nothing was saved.');
    expect(await h.deps.store.lateEntries.count()).toBe(0);
    expect(await h.deps.store.activities.count()).toBe(0);
  });
});

describe('/cycle targets and /cycle close on Slack', () => {
  it('HR sets a rep target by mention and a team target, lists them; a rep is refused; close waits for publication', async () => {
    await h.command('UANN', '/cycle', 'targets 2026-Q4 visits 50 <@UANN|ann>', { responseId: 'rep-refused' });
    expect(await answerOf(h, 'rep-refused')).toContain('needs the hr role');
    await h.command('UHR', '/cycle', 'targets 2026-Q4 visits 50 <@UANN|ann>', { responseId: 'rep' });
    expect(await answerOf(h, 'rep')).toBe('Target for Client visits in 2026-Q4, Ann Lee: — → 50.');
    await h.command('UHR', '/cycle', 'targets 2026-Q4 销售额 800000 team East', { responseId: 'team' });
    expect(await answerOf(h, 'team')).toBe('Target for Revenue in 2026-Q4, team East: — → 800000.');
    await h.command('UHR', '/cycle', 'targets 2026-Q4 visits 50 <@UNOBODY|nobody>', { responseId: 'stranger' });
    expect(await answerOf(h, 'stranger')).toContain('I don’t know @nobody: they need to be in the people list first.');
    await h.command('UHR', '/cycle', 'targets 2026-Q4', { responseId: 'list' });
    await answerOf(h, 'list');
    const list = JSON.stringify(h.fake.responses.find((r) => r.id === 'list')!.body);
    expect(list).toContain('team East: 800000');
    expect(list).toContain('Ann Lee: 50'); // ann's name from her Slack profile
    expect(await h.deps.store.targets.count()).toBe(2);

    await h.command('UHR', '/cycle', 'open 2026-Q3');
    await h.command('UHR', '/cycle', 'close 2026-Q3', { responseId: 'close' });
    expect(await answerOf(h, 'close')).toContain('The 2026-Q3 cycle is collecting: it must be published for this.');
  });
});

describe('entries of a period past its close date on the App Home', () => {
  type Block = { type: string; text?: { text: string }; accessory?: { action_id?: string; value?: string } };
  const lastHome = (user: string) =>
    h.fake.callsTo('views.publish').map((c) => c.params as unknown as { user_id: string; view: { blocks: Block[] } }).filter((p) => p.user_id === user).at(-1)!;
  const homeClick = (actionId: string, value: string) =>
    h.interactive({
      type: 'block_actions', team: { id: 'T0FAKE', domain: 'fake' }, user: { id: 'UANN', username: 'uann', name: 'uann', team_id: 'T0FAKE' },
      api_app_id: 'A0APP', token: 'legacy', trigger_id: 'trigger-home-edit', container: { type: 'view', view_id: 'VHOME' },
      view: { id: 'VHOME', type: 'home', callback_id: '', private_metadata: '', blocks: [], state: { values: {} } },
      actions: [{ type: 'button', action_id: actionId, block_id: 'b1', value, text: { type: 'plain_text', text: 'x' }, action_ts: '1764122400.000200' }],
    });

  it('shows no Edit or Delete for them, and an Edit click says a correction goes to the manager as a new entry', async () => {
    await h.deps.store.activities.insert({ id: 'q3v', repId: 'ann', accountId: 'acme', kind: 'visit', date: '2026-09-20', contacts: [], purpose: 'Renewal', outcome: 'ok', createdAt: '2026-09-20T02:00:00.000Z' });
    const q3Buttons = (blocks: Block[]) => blocks.flatMap((b) => (b.accessory?.value?.includes('q3v') ? [b.accessory.action_id] : []));
    await h.event({ type: 'app_home_opened', user: 'UANN', channel: 'DUANN', tab: 'home', event_ts: '1764122400.000100' }, 'EvHomeOpen');
    await h.fake.until(() => h.fake.callsTo('views.publish').length === 1, 'the Home');
    expect(q3Buttons(lastHome('UANN').view.blocks)).toEqual(['entry.edit']); // before the cycle: editable
    await h.command('UHR', '/cycle', 'open 2026-Q3 close 2026-10-10');
    await h.event({ type: 'app_home_opened', user: 'UANN', channel: 'DUANN', tab: 'home', event_ts: '1764122400.000100' }, 'EvHomeLate');
    await h.fake.until(() => h.fake.callsTo('views.publish').length === 2, 'the Home again');
    const home = lastHome('UANN').view.blocks;
    expect(JSON.stringify(home)).toContain('2026-09-20'); // listed, without its buttons
    expect(q3Buttons(home)).toEqual([]);

    await homeClick('entry.edit', JSON.stringify({ kind: 'visit', id: 'q3v' }));
    await h.fake.until(() => h.fake.callsTo('views.publish').length === 3, 'the Home with the refusal');
    expect(h.fake.callsTo('views.open')).toHaveLength(0);
    expect(JSON.stringify(lastHome('UANN').view.blocks)).toContain(
      'This entry is dated 2026-09-20, in 2026-Q3, whose entries closed on 2026-10-10: it can no longer be changed. Log the correction as a new entry: it goes to your manager for approval.',
    );
  });
});
