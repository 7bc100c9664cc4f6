import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

/**
 * Where Slack puts the out-of-date answer to a decision button this version does not know: it
 * replaces the clicked message (a DM: chat.update; a private command answer: its response_url).
 * That a stale button is answered at all, and that a mention registers nobody, is in the platform
 * contract (test/platform-contract).
 */
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const click = (actionId: string, extra: object) => ({
  type: 'block_actions', team: { id: 'T0FAKE', domain: 'fake' }, user: { id: 'UANN', username: 'ann', team_id: 'T0FAKE' },
  api_app_id: 'A0APP', token: 'legacy', trigger_id: 'trigger-decide',
  actions: [{ type: 'button', action_id: actionId, block_id: 'b1', value: 'x', action_ts: '1.2' }],
  ...extra,
});

describe('stale decision buttons on Slack', () => {
  it('a decision button this version does not know updates the clicked DM to say it is out of date', async () => {
    const res = await h.interactive(click('decide:nothing.here', { container: { type: 'message', channel_id: 'DUANN', message_ts: '17.1' }, channel: { id: 'DUANN' }, message: { ts: '17.1', text: 'old' } }));
    expect(res.status).toBe(200);
    await h.fake.until(() => h.fake.callsTo('chat.update').length === 1, 'the message update');
    expect(h.fake.callsTo('chat.update')[0]!.params).toMatchObject({ channel: 'DUANN', ts: '17.1', text: 'This button is out of date: run the command again.' });
  });

  it('on a private command answer, the out-of-date note replaces it through the response_url', async () => {
    await h.interactive(click('decide:nothing.here', { container: { type: 'message', is_ephemeral: true, channel_id: 'C0SALES' }, channel: { id: 'C0SALES' }, response_url: h.fake.responseUrl('eph') }));
    await h.fake.until(() => h.fake.responses.some((r) => r.id === 'eph'), 'the replacement');
    expect(h.fake.responses.find((r) => r.id === 'eph')!.body).toMatchObject({ replace_original: true, text: 'This button is out of date: run the command again.' });
  });
});
