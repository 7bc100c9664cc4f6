import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSlackOutbound } from '../../src/adapters/slack/outbound.js';
import { dispatchDue } from '../../src/application/delivery/dispatch.js';
import { startHarness, VISIT_VALUES, type Harness } from './harness.js';

/** The close-date lock on Slack: the pending answer, the manager's buttons as Block Kit, the App Home's locked entries. */
let h: Harness;
beforeEach(async () => {
  h = await startHarness(); // 2026-11-26 in Shanghai
});
afterEach(() => h.close());

const LATE_VISIT = { ...VISIT_VALUES, date: { date: '2026-09-28' }, nextStepDate: { date: '2026-10-20' } };

async function answerOf(h: Harness, id: string): Promise<string> {
  await h.fake.until(() => h.fake.responses.some((r) => r.id === id), `answer ${id}`);
  return (h.fake.responses.find((r) => r.id === id)!.body as { text: string }).text;
}

describe('late entries on Slack', () => {
  it('a late visit is answered privately as waiting for approval, and the manager’s DM carries both buttons as Block Kit', async () => {
    await h.command('UHR', '/cycle', 'open 2026-Q3 close 2026-10-10', { responseId: 'open' });
    expect(await answerOf(h, 'open')).toContain('entries close on 2026-10-10');

    const res = await h.submit('UANN', 'visit', LATE_VISIT, { meta: { r: h.fake.responseUrl('late'), c: 'C0SALES' } });
    expect(res.status).toBe(200);
    expect(res.body).toBe(''); // the modal closes: nothing is wrong with the input
    expect(await answerOf(h, 'late')).toBe(
      ':hourglass_flowing_sand: Not saved yet: entries for 2026-Q3 closed on 2026-10-10, so this was sent to mgr for approval. You will get a message when they decide. (Visit to Acme on 2026-09-28)',
    );
    const [late] = await h.deps.store.lateEntries.find({ repId: 'ann' });

    // Sent through the real outbound client: the manager's DM carries both buttons.
    const slack = createSlackOutbound({ botToken: 'xoxb-test-token', apiUrl: h.fake.apiUrl, limits: { perTargetIntervalMs: 0, perPlatformIntervalMs: 0 } });
    expect((await dispatchDue(h.deps, new Map([['slack', slack]]), { owner: 'test', sleep: async () => {} })).sent).toBe(1);
    const post = h.fake.callsTo('chat.postMessage').find((c) => c.params.channel === 'DUMGR')!.params as { blocks: { type: string; elements?: { action_id: string; value: string }[] }[] };
    const buttons = post.blocks.flatMap((b) => (b.type === 'actions' ? b.elements! : []));
    expect(buttons.map((b) => `${b.action_id}=${b.value}`)).toEqual([`decide:late.approve=${late!.id}`, `decide:late.decline=${late!.id}`]);
    // The decision flow itself (who may decide, what is stored, who is told) is in test/chat/late-entries;
    // the click replacing the DM is in the platform contract.
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
