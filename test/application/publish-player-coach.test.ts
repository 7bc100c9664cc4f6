import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { publishResults } from '../../src/application/cycle/publish-results.js';
import { enqueue } from '../../src/application/delivery/enqueue.js';
import { visits } from '../helpers/org.js';
import { recipient, rewardsQuarter, SLACK, type Deps } from './rewards-fixture.js';

/**
 * A player-coach (manager of East and a rep in it) is sent two messages by the publication: his
 * team's results and his own result. Both went under one outbox key (job, run, recipient), so the
 * second was dropped as a duplicate; each must arrive, and a rerun must still queue neither twice.
 */
let deps: Deps;
let p: Awaited<ReturnType<typeof rewardsQuarter>>['people'];
beforeEach(async () => {
  ({ deps, people: p } = await rewardsQuarter());
  await deps.store.people.put({ ...p.mgr, name: 'Mia Coach', roles: ['rep', 'manager'] });
  await deps.store.activities.insertMany(visits('mgr', 'acme', 30, '2026-07-01'));
});
afterEach(() => deps.cleanup());

const toCoach = async () => (await deps.store.outbox.find({ job: 'publish-results' })).filter((o) => recipient(o) === 'slack:UMGR');

describe('a player-coach at publication', () => {
  it('gets both his team’s results and his own result, each once', async () => {
    await publishResults(deps, p.hr, { period: '2026-Q3', platforms: SLACK });
    const items = await toCoach();
    expect(items).toHaveLength(2);
    expect(new Set(items.map((o) => o.key)).size).toBe(2);
    const titles = items.map((o) => o.message.text).sort();
    expect(titles).toEqual(['2026-Q3 results of your team', expect.stringMatching(/^Your 2026-Q3 appraisal result: Grade /)]);

    // Queued again (a resumed publication), neither goes twice.
    const again = await enqueue(deps, items.map((o) => ({ job: o.job, runKey: o.runKey, platform: o.platform, target: o.target, message: { text: o.message.text } })));
    expect(again).toEqual({ queued: 0, skipped: 2 });
    expect(await toCoach()).toHaveLength(2);
  });
});
