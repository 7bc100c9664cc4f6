import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

describe('follow-up reminder button', () => {
  it('opens the visit form with the account chosen, and stores the visit as a follow-up', async () => {
    const res = await h.interactive({
      type: 'block_actions', team: { id: 'T0FAKE', domain: 'fake' }, user: { id: 'UANN', username: 'ann', team_id: 'T0FAKE' },
      api_app_id: 'A0APP', token: 'legacy', trigger_id: 'trigger-follow', container: { type: 'message', channel_id: 'DUANN' }, channel: { id: 'DUANN' },
      actions: [{ type: 'button', action_id: 'reminder.log-follow-up', block_id: 'b1', value: JSON.stringify({ accountId: 'globex', activityId: 'a1' }), action_ts: '1.2' }],
    });
    expect(res.status).toBe(200);
    const open = h.fake.callsTo('views.open')[0]!.params as { trigger_id: string; view: { private_metadata: string; blocks: { element?: { initial_option?: { value: string } } }[] } };
    expect(open.trigger_id).toBe('trigger-follow');
    expect(open.view.blocks[0]!.element!.initial_option!.value).toBe('globex');
    const meta = JSON.parse(open.view.private_metadata) as object;
    expect(meta).toEqual({ k: 'follow_up' });
    await h.submit('UANN', 'visit', { account: { option: 'globex' }, purpose: { text: 'Follow-up' }, outcome: { text: 'Quote sent' }, date: { date: '2026-11-26' } }, { meta });
    expect(await h.deps.store.activities.find({ repId: 'ann' })).toEqual([expect.objectContaining({ kind: 'follow_up', accountId: 'globex' })]);
    // No response_url: the confirmation arrives as a DM.
    await h.fake.until(() => h.fake.callsTo('chat.postMessage').length === 1, 'the confirmation DM');
    expect(h.fake.callsTo('chat.postMessage')[0]!.params.text).toContain('Logged: follow-up with Globex on 2026-11-26.');
  });
});
