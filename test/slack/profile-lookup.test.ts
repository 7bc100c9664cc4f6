import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHarness, VISIT_VALUES, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(() => h.close());

const confirmations = () => h.fake.responses.map((r) => (r.body as { text: string }).text);

describe('a slow users.info never costs a submission its ack (issue 12)', () => {
  it('stores and confirms a newcomer’s submission while Slack has not answered users.info, and names them when it does', async () => {
    h.fake.addUser({ id: 'UNEW', name: 'Nina New', locale: 'zh-CN', tz: 'Asia/Singapore' });
    const release = h.fake.hold('users.info');
    // Slack answers 404 itself when a submission is not acknowledged within 3 seconds.
    const res = await h.submit('UNEW', 'visit', VISIT_VALUES);
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    const person = (await h.deps.store.personByIdentity('slack:UNEW'))!;
    expect(person).toMatchObject({ name: 'UNEW', roles: ['rep'], unplaced: true });
    expect(person.profileFetchedAt).toBeUndefined();
    expect(await h.deps.store.activities.find({ repId: person.id })).toHaveLength(1);
    expect(confirmations()).toEqual([expect.stringContaining(':white_check_mark: Logged: visit with Acme on 2026-11-25.')]);

    release();
    await h.idle();
    expect(await h.deps.store.personByIdentity('slack:UNEW')).toMatchObject({ name: 'Nina New', locale: 'zh-CN', timeZone: 'Asia/Singapore', profileFetchedAt: '2026-11-26T02:00:00.000Z' });
    expect(h.fake.callsTo('users.info')).toHaveLength(1);
  });

  it('answers a known person from the store, and refreshes a stale profile in the background', async () => {
    await h.submit('UANN', 'visit', VISIT_VALUES, { viewId: 'V1' });
    expect(h.fake.callsTo('users.info')).toHaveLength(1);
    expect((await h.deps.store.people.get('ann'))!).toMatchObject({ name: 'Ann Lee', profileFetchedAt: '2026-11-26T02:00:00.000Z' });

    // Fresh profile: no lookup at all.
    await h.command('UANN', '/scorecard');
    expect(h.fake.callsTo('users.info')).toHaveLength(1);

    // Seven hours on, Slack is slow: the submission is stored and confirmed from the cached profile.
    h.deps.clock.advance(7 * 3600_000);
    h.fake.users.set('UANN', { id: 'UANN', name: 'Ann Lee-Chen', locale: 'en-US' });
    const release = h.fake.hold('users.info');
    const res = await h.submit('UANN', 'visit', { ...VISIT_VALUES, purpose: { text: 'Second visit' } }, { viewId: 'V2' });
    expect(res.status).toBe(200);
    expect(await h.deps.store.activities.count()).toBe(2);
    expect(confirmations().at(-1)).toContain(':white_check_mark: Logged: visit with Acme');
    expect((await h.deps.store.people.get('ann'))!.name).toBe('Ann Lee');

    release();
    await h.idle();
    expect((await h.deps.store.people.get('ann'))!).toMatchObject({ name: 'Ann Lee-Chen', profileFetchedAt: '2026-11-26T09:00:00.000Z' });
  });

  it('still refuses a user Slack says does not exist, registering nobody', async () => {
    await h.command('UGHOST', '/visit');
    expect(confirmations()).toEqual([':warning: Slack does not know that user.']);
    expect(await h.deps.store.personByIdentity('slack:UGHOST')).toBeNull();
  });
});
