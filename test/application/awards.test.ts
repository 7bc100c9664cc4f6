import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decideAward } from '../../src/application/cycle/award-decision.js';
import { grantAward } from '../../src/application/cycle/award-grant.js';
import { listAwards } from '../../src/application/cycle/award-list.js';
import { openCycle } from '../../src/application/cycle/open-cycle.js';
import { preparePublication } from '../../src/application/cycle/prepare-publication.js';
import { publishResults } from '../../src/application/cycle/publish-results.js';
import { startReview } from '../../src/application/cycle/start-review.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import type { Person } from '../../src/domain/model/people.js';
import { errorText } from '../../src/views/errors.js';
import { smallOrg, T0, visits } from '../helpers/org.js';
import { refusal } from '../helpers/refusal.js';
import { testDeps } from '../helpers/temp-store.js';

let deps: ReturnType<typeof testDeps>;
let hr: Person, ann: Person, bob: Person, mgr: Person, mgr2: Person;
const get = async (id: string) => (await deps.store.people.get(id))!;
const slack = ['slack'] as const;
const REASON = 'won the Acme framework deal against two competitors';

beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z');
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  for (const id of ['ann', 'bob', 'cat', 'mgr', 'mgr2', 'hr']) await deps.store.people.put({ ...(await get(id)), identities: [`slack:U${id.toUpperCase()}`] });
  await deps.store.settings.put({ id: 'channels', value: { results: ['slack:CRESULTS'], 'hr-private': ['slack:CHR'] }, updatedAt: T0, updatedBy: 'hr' });
  await deps.store.activities.insertMany([...visits('ann', 'acme', 36, '2026-07-01'), ...visits('bob', 'globex', 18, '2026-08-01')]);
  [hr, ann, bob, mgr, mgr2] = [await get('hr'), await get('ann'), await get('bob'), await get('mgr'), await get('mgr2')];
});
afterEach(() => deps.cleanup());

const requests = async () => (await deps.store.outbox.find({ job: 'award-request' })).map((o) => (o.target.kind === 'dm' ? o.target.identity : o.target.channel)).sort();

describe('special awards', () => {
  it('HR grants at once for the current quarter; a manager proposes, HR is asked by DM and channel, and approves once', async () => {
    const a = await grantAward(deps, hr, { rep: ann, title: 'Deal of the quarter', reason: REASON, platforms: slack });
    expect(a.award).toMatchObject({ periodKey: '2026-Q4', state: 'approved', decidedBy: 'hr', grantedBy: 'hr' });
    expect(a.queued).toBe(0);

    const p = await grantAward(deps, mgr, { rep: bob, title: 'Best newcomer', reason: 'opened three new strategic accounts', period: '2026-Q4', platforms: slack });
    expect(p.award.state).toBe('pending');
    expect(await requests()).toEqual(['slack:CHR', 'slack:UHR']);
    const request = (await deps.store.outbox.find({ job: 'award-request' }))[0]!;
    expect(JSON.stringify(request.message.view)).toContain('"id":"decide:award.approve"');
    expect(JSON.stringify(request.message.view)).toContain(`"value":"${p.award.id}"`);

    explained(await refusal(decideAward(deps, mgr, { awardId: p.award.id, approve: true, platforms: slack })), 'needs the HR role');
    const d = await decideAward(deps, hr, { awardId: p.award.id, approve: true, platforms: slack });
    expect([d.alreadyDecided, d.award.state, d.award.decidedBy]).toEqual([false, 'approved', 'hr']);
    const again = await decideAward(deps, hr, { awardId: p.award.id, approve: false, platforms: slack });
    expect([again.alreadyDecided, again.award.state]).toEqual([true, 'approved']);
    // The proposer hears of the decision.
    expect((await deps.store.outbox.find({ job: 'award-decision' })).map((o) => o.target.kind === 'dm' && o.target.identity)).toEqual(['slack:UMGR']);
    expect((await deps.store.audit.find({ subjectId: p.award.id })).map((e) => e.action).sort()).toEqual(['award.approve', 'award.grant']);

    const list = await listAwards(deps, hr, {});
    expect(list.rows.map((r) => [r.repName, r.award.title, r.award.state])).toEqual([
      ['ann', 'Deal of the quarter', 'approved'],
      ['bob', 'Best newcomer', 'approved'],
    ]);
    expect((await listAwards(deps, ann, {})).rows.map((r) => r.award.title)).toEqual(['Deal of the quarter']);
    expect((await listAwards(deps, mgr2, {})).rows).toEqual([]);
  });

  it('defaults to the quarter in review', async () => {
    await openCycle(deps, hr, { period: '2026-Q3' });
    await startReview(deps, hr, { period: '2026-Q3' });
    expect((await grantAward(deps, hr, { rep: ann, title: 'Deal of the quarter', reason: REASON, platforms: slack })).award.periodKey).toBe('2026-Q3');
  });

  it('refuses a rep, another team’s manager, a short reason, a non-rep and a published period — nothing stored', async () => {
    explained(await refusal(grantAward(deps, bob, { rep: ann, title: 'Best teammate', reason: REASON, platforms: slack })), 'needs the HR/Manager role');
    explained(await refusal(grantAward(deps, mgr2, { rep: ann, title: 'Best', reason: REASON, platforms: slack })), 'You do not manage ann');
    explained(await refusal(grantAward(deps, mgr, { rep: ann, title: 'Best', reason: 'great', platforms: slack })), 'at least 10 characters');
    explained(await refusal(grantAward(deps, hr, { rep: mgr, title: 'Best', reason: REASON, platforms: slack })), 'is not a sales rep');
    explained(await refusal(grantAward(deps, hr, { rep: undefined, title: 'Best', reason: REASON, platforms: slack })), 'Name the rep and the award');
    await openCycle(deps, hr, { period: '2026-Q3' });
    await startReview(deps, hr, { period: '2026-Q3' });
    const pending = await grantAward(deps, mgr, { rep: bob, title: 'Late proposal', reason: REASON, platforms: slack });
    await publishResults(deps, hr, { period: '2026-Q3', platforms: slack });
    explained(await refusal(grantAward(deps, hr, { rep: ann, title: 'Too late', reason: REASON, period: '2026-Q3', platforms: slack })), '2026-Q3 is already published');
    explained(await refusal(decideAward(deps, hr, { awardId: pending.award.id, approve: true, platforms: slack })), '2026-Q3 is already published');
    expect(await deps.store.awards.count()).toBe(1);
    expect(await deps.store.audit.count({ action: 'award.grant' })).toBe(1);
  });

  it('shows approved and pending awards in the publication plan, and freezes only the approved ones into the results', async () => {
    await openCycle(deps, hr, { period: '2026-Q3' });
    await startReview(deps, hr, { period: '2026-Q3' });
    const approved = await grantAward(deps, hr, { rep: ann, title: 'Deal of the quarter', reason: REASON, platforms: slack });
    const pending = await grantAward(deps, mgr, { rep: bob, title: 'Best newcomer', reason: REASON, platforms: slack });
    const plan = await preparePublication(deps, hr, { period: '2026-Q3' });
    expect(plan.approvedAwards.map((a) => a.id)).toEqual([approved.award.id]);
    expect(plan.pendingAwards.map((a) => a.id)).toEqual([pending.award.id]);
    await publishResults(deps, hr, { period: '2026-Q3', platforms: slack });
    const results = await deps.store.results.find({ periodKey: '2026-Q3' });
    expect(Object.fromEntries(results.map((r) => [r.repId, r.awardIds]))).toEqual({ ann: [approved.award.id], bob: [] });
  });
});

function explained(e: Parameters<typeof errorText>[1], en: string): void {
  expect(errorText('en', e)).toContain(en);
  expect(errorText('zh-CN', e)).not.toMatch(/[A-Za-z]{12,}/);
}
