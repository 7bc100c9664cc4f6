import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scorePeriod } from '../../src/application/score-period.js';
import { parsePeriod } from '../../src/domain/period.js';
import { person, T0, visits } from '../helpers/org.js';
import { startHarness, type Harness } from './harness.js';

/** Peer reviews people can be honest in (issue 8): the anonymity floor, seen through /scorecard on Slack. */
let h: Harness;
beforeEach(async () => {
  h = await startHarness();
  await h.deps.store.people.insertMany([person('dan', { teamId: 'east', managerId: 'mgr', name: 'Dan Reviewer' }), person('eve', { teamId: 'east', managerId: 'mgr', name: 'Eve Reviewer' })]);
  await h.deps.store.activities.insertMany(visits('ann', 'acme', 10, '2026-10-05'));
});
afterEach(() => h.close());

const review = (id: string, fromId: string, collaboration: number) =>
  h.deps.store.peerReviews.insert({ id, fromId, toId: 'ann', periodKey: '2026-Q4', collaboration, comment: 'blunt but fair', date: '2026-11-20', createdAt: T0 });
const scorecardText = async (user: string, text = ''): Promise<string> => {
  await h.command(user, '/scorecard', text);
  return JSON.stringify(h.fake.responses.at(-1)!.body);
};

describe('peer-review anonymity on Slack', () => {
  it('with 2 reviews the rep sees neither the rating nor who gave it; with 3, only the average', async () => {
    await review('r1', 'bob', 2);
    await review('r2', 'dan', 4);
    let text = await scorecardText('UANN');
    expect(text).toContain('2 peer review(s) so far: the rating is shown and counted from 3 reviews');
    for (const hidden of ['Bob', 'bob', 'Dan Reviewer', 'blunt but fair', 'average of 2']) expect(text).not.toContain(hidden);

    await review('r3', 'eve', 3);
    text = await scorecardText('UANN');
    expect(text).toContain('average of 3 ratings');
    expect(text).toMatch(/Collaboration \(peer rating\)[^"]*?3(\.0)?\b/);
    for (const hidden of ['Dan Reviewer', 'Eve Reviewer', 'blunt but fair']) expect(text).not.toContain(hidden);
  });

  it('the withheld rating does not count in the total either (it cannot be worked out from it)', async () => {
    const total = async () => (await scorePeriod(h.deps, parsePeriod('2026-Q4'))).reps.get('ann')!.card.total;
    const withNone = await total();
    // A top rating would lift the total if it counted.
    await review('r1', 'bob', 5);
    expect(await total()).toBe(withNone);
    await review('r2', 'dan', 5);
    await review('r3', 'eve', 5);
    expect(await total()).not.toBe(withNone);
  });

  it('HR sets the floor; with a floor of 2, two reviews are shown', async () => {
    await review('r1', 'bob', 2);
    await review('r2', 'dan', 4);
    await h.command('UHR', '/appraisal-admin', 'policy peer-floor 2');
    expect(JSON.stringify(h.fake.responses.at(-1)!.body)).toContain('peer ratings shown from 2 reviews');
    expect(await scorecardText('UANN')).toContain('average of 2 ratings');
  });

  it('HR alone sees who reviewed whom, for audit, and the reading is recorded', async () => {
    await review('r1', 'bob', 2);
    await review('r2', 'dan', 4);
    await h.command('UANN', '/audit', 'peers 2026-Q4');
    expect(JSON.stringify(h.fake.responses.at(-1)!.body)).toContain('This needs the hr role');
    await h.command('UHR', '/audit', 'peers 2026-Q4 <@UANN|ann>');
    const text = JSON.stringify(h.fake.responses.at(-1)!.body);
    expect(text).toContain('Dan Reviewer');
    expect(text).toContain('blunt but fair');
    expect(text).toContain('For audit only');
    expect(await h.deps.store.audit.find({ action: 'peer-reviews.view' })).toEqual([expect.objectContaining({ actorId: 'hr', details: expect.objectContaining({ periodKey: '2026-Q4', repId: 'ann', reviews: 2 }) })]);
  });
});
