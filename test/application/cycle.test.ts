import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cycleStatus } from '../../src/application/cycle/cycle-status.js';
import { openCycle } from '../../src/application/cycle/open-cycle.js';
import { preparePublication } from '../../src/application/cycle/prepare-publication.js';
import { publishResults } from '../../src/application/cycle/publish-results.js';
import { startReview } from '../../src/application/cycle/start-review.js';
import { logVisit } from '../../src/application/entries/log-visit.js';
import { scorePeriod } from '../../src/application/score-period.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import { AppError } from '../../src/domain/errors.js';
import type { Person } from '../../src/domain/model/people.js';
import { parsePeriod } from '../../src/domain/period.js';
import { errorText } from '../../src/views/errors.js';
import { aDeal, aPayment } from '../helpers/builders.js';
import { smallOrg, T0, visits } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';
import { refusal } from '../helpers/refusal.js';

let deps: ReturnType<typeof testDeps>;
let hr: Person;
let ann: Person;
let mgr: Person;
const get = async (id: string) => (await deps.store.people.get(id))!;
beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z');
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  // Everyone reachable on Slack; a results channel configured.
  for (const id of ['ann', 'bob', 'cat', 'mgr', 'mgr2', 'hr']) await deps.store.people.put({ ...(await get(id)), identities: [`slack:U${id.toUpperCase()}`] });
  await deps.store.settings.put({ id: 'channels', value: { results: ['slack:CRESULTS'] }, updatedAt: T0, updatedBy: 'hr' });
  // Q3: ann 36 visits and a deal, bob 18 (lowest grade, penalty), cat nothing (no data).
  await deps.store.activities.insertMany([...visits('ann', 'acme', 36, '2026-07-01'), ...visits('bob', 'globex', 18, '2026-08-01')]);
  // ann also signs and collects a ¥1.5M deal: grade B, while bob lands in the lowest grade.
  await deps.store.deals.insert(aDeal({ id: 'd1', repId: 'ann', accountId: 'acme', amountBase: 1_500_000, units: 300, signedDate: '2026-07-10', dueDate: '2026-08-10', firstWin: true }));
  await deps.store.payments.insert(aPayment({ id: 'p1', dealId: 'd1', repId: 'ann', amountBase: 1_500_000, dueDate: '2026-08-10', receivedDate: '2026-08-09' }));
  [hr, ann, mgr] = [await get('hr'), await get('ann'), await get('mgr')];
});
afterEach(() => deps.cleanup());

/** The refusal's text in both languages: each must be a specific sentence, not the generic apology. */
function explained(e: AppError, en: string, zh: string): void {
  expect(errorText('en', e)).toContain(en);
  expect(errorText('zh-CN', e)).toContain(zh);
}

const inReview = async () => {
  await openCycle(deps, hr, { period: '2026-Q3' });
  await startReview(deps, hr, { period: '2026-Q3' });
};

describe('review cycle states', () => {
  it('opens a cycle collecting data with the current template and close date, audited', async () => {
    const c = await openCycle(deps, hr, { period: '2026-q3', closeDate: '2026-10-10' });
    expect(c).toMatchObject({ periodKey: '2026-Q3', state: 'collecting', templateId: 'default', templateVersion: 1, entryCloseDate: '2026-10-10', createdBy: 'hr' });
    expect((await deps.store.audit.find({ action: 'cycle.open' })).map((a) => a.subjectId)).toEqual([c.id]);
    const s = await cycleStatus(deps, hr, { period: '2026-Q3' });
    expect([s.cycle?.state, s.graded, s.noData]).toEqual(['collecting', 2, 1]);
  });

  it('refuses a second cycle, a non-HR actor, a bad period, a bad date — each explained in both languages', async () => {
    await openCycle(deps, hr, { period: '2026-Q3' });
    explained(await refusal(openCycle(deps, hr, { period: '2026-Q3' })), 'already a review cycle for 2026-Q3', '2026-Q3 已有考核周期');
    explained(await refusal(openCycle(deps, ann, { period: '2026-Q4' })), 'needs the HR role', '需要人力资源角色');
    explained(await refusal(openCycle(deps, hr, { period: '2026-Q5' })), 'is not a period', '不是有效的考核期');
    explained(await refusal(openCycle(deps, hr, { period: '2026-Q4', closeDate: '10/10/2026' })), 'is not a date', '不是有效日期');
    explained(await refusal(cycleStatus(deps, mgr, {})), 'needs the HR role', '需要人力资源角色');
    expect(await deps.store.cycles.count()).toBe(1);
  });

  it('moves collecting → in_review and refuses illegal transitions', async () => {
    explained(await refusal(startReview(deps, hr, { period: '2026-Q3' })), 'no review cycle for 2026-Q3', '2026-Q3 没有考核周期');
    explained(await refusal(preparePublication(deps, hr, { period: '2026-Q3' })), 'no review cycle', '没有考核周期');
    await openCycle(deps, hr, { period: '2026-Q3' });
    explained(await refusal(preparePublication(deps, hr, { period: '2026-Q3' })), 'is collecting data: it must be in review', '当前为“数据录入中”，此操作需要“评审中”');
    explained(await refusal(startReview(deps, ann, { period: '2026-Q3' })), 'needs the HR role', '需要人力资源角色');
    const c = await startReview(deps, hr, { period: '2026-Q3' });
    expect(c.state).toBe('in_review');
    expect((await deps.store.audit.find({ action: 'cycle.in_review' })).map((a) => a.details.from)).toEqual(['collecting']);
    explained(await refusal(startReview(deps, hr, { period: '2026-Q3' })), 'is in review: it must be collecting data', '当前为“评审中”，此操作需要“数据录入中”');
  });
});

describe('publishing results', () => {
  it('summarises what would be published without changing anything', async () => {
    await inReview();
    const plan = await preparePublication(deps, hr, { period: '2026-Q3' });
    expect(plan.graded.map((s) => s.rep.id)).toEqual(['ann', 'bob']);
    expect(plan.noData.map((s) => s.rep.id)).toEqual(['cat']);
    expect(plan.penalised.map((s) => s.rep.id)).toEqual(['bob']);
    expect(plan.gradeCounts.filter((g) => g.count > 0)).toEqual([{ grade: 'B', count: 1 }, { grade: 'D', count: 1 }]);
    expect(await deps.store.results.count()).toBe(0);
    expect(await deps.store.outbox.count()).toBe(0);
  });

  it('freezes one version-1 result per graded rep and queues the channel summary, the DMs and the team results once', async () => {
    await inReview();
    const p = await publishResults(deps, hr, { period: '2026-Q3', platforms: ['slack'] });
    expect([p.version, p.results]).toEqual([1, 2]);
    const results = await deps.store.results.find({ periodKey: '2026-Q3' });
    expect(results.map((r) => [r.repId, r.version, r.scorecard.templateVersion, r.publishedBy]).sort()).toEqual([
      ['ann', 1, 1, 'hr'],
      ['bob', 1, 1, 'hr'],
    ]);
    expect((await deps.store.cycles.find({ periodKey: '2026-Q3' }))[0]!.state).toBe('published');
    expect(await deps.store.audit.count({ action: 'cycle.published' })).toBe(1);

    const outbox = await deps.store.outbox.find({ job: 'publish-results' });
    const to = outbox.map((o) => (o.target.kind === 'dm' ? o.target.identity : o.target.channel)).sort();
    // ann and bob get their own result, their manager mgr the team's; cat (no data) and mgr2 (no graded rep) nothing.
    expect(to).toEqual(['slack:CRESULTS', 'slack:UANN', 'slack:UBOB', 'slack:UMGR']);
    // The managers' team results have a run key of their own (a player-coach gets his own result too).
    expect(outbox.map((o) => [o.target.kind === 'dm' ? o.target.identity : o.target.channel, o.runKey]).sort()).toEqual([
      ['slack:CRESULTS', '2026-Q3:v1'],
      ['slack:UANN', '2026-Q3:v1'],
      ['slack:UBOB', '2026-Q3:v1'],
      ['slack:UMGR', '2026-Q3:v1:team'],
    ]);
    const channel = outbox.find((o) => o.target.kind === 'channel')!;
    expect(channel.message.text).toContain('2026-Q3');
    expect(JSON.stringify(channel.message.view)).not.toContain('ann');
    const annDm = outbox.find((o) => o.target.kind === 'dm' && o.target.identity === 'slack:UANN')!;
    expect(JSON.stringify(annDm.message.view)).toContain('appeal');
    const bobCard = results.find((r) => r.repId === 'bob')!.scorecard;
    expect(JSON.stringify(outbox.find((o) => o.target.kind === 'dm' && o.target.identity === 'slack:UMGR')!.message.view)).toContain(bobCard.grade);
  });

  it('refuses a second publication and a non-HR publisher, queuing nothing more', async () => {
    await inReview();
    explained(await refusal(publishResults(deps, mgr, { period: '2026-Q3', platforms: ['slack'] })), 'needs the HR role', '需要人力资源角色');
    expect(await deps.store.results.count()).toBe(0);
    await publishResults(deps, hr, { period: '2026-Q3', platforms: ['slack'] });
    const queued = await deps.store.outbox.count();
    explained(await refusal(publishResults(deps, hr, { period: '2026-Q3', platforms: ['slack'] })), 'already been published', '不能重复发布');
    expect([await deps.store.results.count(), await deps.store.outbox.count()]).toEqual([2, queued]);
  });

  it('keeps the frozen result when activities change later, and closes the quarter for entries', async () => {
    await inReview();
    await publishResults(deps, hr, { period: '2026-Q3', platforms: ['slack'] });
    const before = (await deps.store.results.find({ repId: 'ann' }))[0]!;
    // A later change to the live data (as if someone edited the store directly).
    await deps.store.activities.insertMany(visits('ann', 'acme', 10, '2026-09-01', 'late-'));
    const live = (await scorePeriod(deps, parsePeriod('2026-Q3'))).reps.get('ann')!.card;
    expect(live.total).toBeGreaterThan(before.scorecard.total);
    const after = (await deps.store.results.find({ repId: 'ann' }))[0]!;
    expect(after).toEqual(before);
    const e = await refusal(logVisit(deps, ann, { requestId: 'late', account: { accountId: 'acme' }, date: '2026-09-29' }));
    expect(e.params.messageId).toBe('error.periodClosed');
  });
});
