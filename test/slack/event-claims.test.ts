import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

/** Event redelivery after a crash mid-handling: Slack's retry is handled, a concurrent duplicate is not. */
let h: Harness;
beforeEach(async () => {
  h = await startHarness({ processBeforeResponse: true });
});
afterEach(() => h.close());

const homeOpened = { type: 'app_home_opened', user: 'UANN', channel: 'DUANN', tab: 'home', event_ts: '1764122400.000100' };
const at = (msFromNow: number) => new Date(h.deps.clock.now().getTime() + msFromNow).toISOString();

describe('Slack event claims', () => {
  it('handles the redelivery of an event whose first handler died mid-handling (its claim expired)', async () => {
    await h.deps.store.processedEvents.insert({ id: 'slack:EvCrash', receivedAt: at(-120_000), state: 'handling', claimExpiresAt: at(-60_000) });
    await h.event(homeOpened, 'EvCrash', { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    expect(h.fake.callsTo('views.publish')).toHaveLength(1);
    expect(await h.deps.store.processedEvents.get('slack:EvCrash')).toMatchObject({ state: 'done' });
  });

  it('drops a duplicate while another replica is still handling the event', async () => {
    await h.deps.store.processedEvents.insert({ id: 'slack:EvBusy', receivedAt: at(0), state: 'handling', claimExpiresAt: at(60_000) });
    await h.event(homeOpened, 'EvBusy', { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    expect(h.fake.callsTo('views.publish')).toHaveLength(0);
  });

  it('marks an event done only after it was handled, and drops the redelivery after that', async () => {
    await h.event(homeOpened, 'EvOnce');
    expect(await h.deps.store.processedEvents.get('slack:EvOnce')).toMatchObject({ state: 'done' });
    await h.event(homeOpened, 'EvOnce', { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    expect(h.fake.callsTo('views.publish')).toHaveLength(1);
  });
});
