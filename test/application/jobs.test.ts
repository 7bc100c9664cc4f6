import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { followUpReminders } from '../../src/application/jobs/follow-up-reminders.js';
import { runJob, type Job } from '../../src/application/jobs/job.js';
import { monthlyScorecard } from '../../src/application/jobs/monthly-scorecard.js';
import { weeklyNudge } from '../../src/application/jobs/weekly-nudge.js';
import { weeklyRanking } from '../../src/application/jobs/weekly-ranking.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import { workCalendar } from '../../src/domain/work-calendar.js';
import { aDeal, aVisit } from '../helpers/builders.js';
import { smallOrg, T0, visits } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';

let deps: ReturnType<typeof testDeps>;
const calendar = workCalendar({ holidays: ['2026-12-25'], makeUpDays: ['2026-11-28'] });
const run = (job: Job, date: string, extra: { owner?: string; dryRun?: boolean } = {}) =>
  runJob(deps, job, { date, platforms: ['slack'], calendar, owner: extra.owner ?? 'replica-a', ...(extra.dryRun ? { dryRun: true } : {}) });

beforeEach(async () => {
  deps = testDeps('2026-11-26T23:00:00Z'); // 07:00 on Friday 2026-11-27 in Shanghai
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  for (const [id, identity, timeZone] of [['ann', 'slack:UANN', undefined], ['bob', 'slack:UBOB', 'Europe/London'], ['cat', 'lark:ou_cat1', undefined]] as const) {
    const p = (await deps.store.people.get(id))!;
    await deps.store.people.put({ ...p, identities: [identity], ...(timeZone ? { timeZone } : {}) });
  }
});
afterEach(() => deps.cleanup());

describe('follow-up reminders', () => {
  beforeEach(async () => {
    await deps.store.activities.insertMany([
      aVisit({ id: 'a1', repId: 'ann', accountId: 'acme', date: '2026-11-20', nextStep: 'Send the quote', nextStepDate: '2026-11-27' }),
      aVisit({ id: 'a2', repId: 'ann', accountId: 'globex', date: '2026-11-21', nextStep: 'Demo for the CTO', nextStepDate: '2026-11-27' }),
      aVisit({ id: 'b1', repId: 'bob', accountId: 'globex', date: '2026-11-22', nextStep: 'Call back', nextStepDate: '2026-11-27' }),
      aVisit({ id: 'b2', repId: 'bob', accountId: 'globex', date: '2026-11-22', nextStep: 'Later', nextStepDate: '2026-11-30' }),
    ]);
  });

  it('sends each rep one DM listing today’s follow-ups, at 09:00 their local time', async () => {
    const r = await run(followUpReminders, '2026-11-27');
    expect(r).toMatchObject({ ran: true, runKey: '2026-11-27', queued: 2 });
    const byTarget = Object.fromEntries(r.deliveries.map((d) => [d.target.kind === 'dm' ? d.target.identity : '', d]));
    expect(byTarget['slack:UANN']!.notBefore).toBe('2026-11-27T01:00:00.000Z'); // 09:00 Shanghai
    expect(byTarget['slack:UBOB']!.notBefore).toBe('2026-11-27T09:00:00.000Z'); // 09:00 London
    const annView = byTarget['slack:UANN']!.message.view!;
    expect(annView.blocks.filter((b) => b.type === 'item').map((b) => (b as { text: string }).text)).toEqual([
      'Acme: Send the quote (from your visit on 2026-11-20)',
      'Globex: Demo for the CTO (from your visit on 2026-11-21)',
    ]);
  });

  it('queues nothing twice when the run repeats, and lets only one replica run it', async () => {
    const [a, b] = await Promise.all([run(followUpReminders, '2026-11-27', { owner: 'replica-a' }), run(followUpReminders, '2026-11-27', { owner: 'replica-b' })]);
    expect([a.ran, b.ran].sort()).toEqual([false, true]);
    expect([a, b].find((x) => !x.ran)!.skipped).toBe('another-replica-has-it');
    deps.clock.advance(3_600_000); // the lease has expired: a rerun plans again but queues nothing new
    const again = await run(followUpReminders, '2026-11-27');
    expect(again).toMatchObject({ ran: true, queued: 0, alreadyQueued: 2 });
    expect(await deps.store.outbox.count()).toBe(2);
  });

  it('skips holidays and weekends and runs on make-up work days', async () => {
    expect(await run(followUpReminders, '2026-12-25')).toMatchObject({ ran: false, skipped: 'not-a-work-day' });
    expect(await run(followUpReminders, '2026-11-29')).toMatchObject({ ran: false, skipped: 'not-a-work-day' }); // Sunday
    expect(await run(followUpReminders, '2026-11-28')).toMatchObject({ ran: true }); // make-up Saturday
  });

  it('previews a run without queuing anything', async () => {
    const r = await run(followUpReminders, '2026-11-27', { dryRun: true });
    expect(r.deliveries).toHaveLength(2);
    expect(await deps.store.outbox.count()).toBe(0);
    expect(await deps.store.leases.count()).toBe(0);
  });
});

describe('weekly nudge', () => {
  it('nudges a rep behind pace on visits and leaves a rep on pace alone', async () => {
    // 54 of 92 days gone on Nov 23: ann's 40 visits project to ~68 and her ¥1.2M to ~¥2M (on pace);
    // bob's 5 visits project to ~8 and his revenue is 0 (behind on both).
    await deps.store.activities.insertMany(visits('ann', 'acme', 40, '2026-10-05'));
    await deps.store.deals.insert(aDeal({ repId: 'ann', accountId: 'acme', amountBase: 1_200_000, units: 200, signedDate: '2026-11-02', dueDate: '2026-12-02', firstWin: true }));
    await deps.store.activities.insertMany(visits('bob', 'globex', 5, '2026-10-05'));
    const r = await run(weeklyNudge, '2026-11-23');
    expect(r.runKey).toBe('2026-W48');
    expect(r.deliveries.map((d) => (d.target.kind === 'dm' ? d.target.identity : ''))).toEqual(['slack:UBOB']);
    expect(r.deliveries[0]!.message.text).toBe('Week 48: you are behind pace on Revenue, Client visits.');
  });
});

describe('weekly ranking', () => {
  beforeEach(async () => {
    await deps.store.activities.insertMany(visits('ann', 'acme', 20, '2026-10-05'));
    await deps.store.activities.insertMany(visits('bob', 'globex', 10, '2026-10-05'));
  });

  it('posts once to each rankings channel of each running platform', async () => {
    await deps.store.settings.put({ id: 'channels', value: { rankings: ['slack:C0RANK', 'lark:oc_rank'] }, updatedAt: T0 });
    const r = await runJob(deps, weeklyRanking, { date: '2026-11-27', platforms: ['slack', 'lark'], calendar, owner: 'a' });
    expect(r.deliveries.map((d) => d.target)).toEqual([
      { kind: 'channel', channel: 'slack:C0RANK' },
      { kind: 'channel', channel: 'lark:oc_rank' },
    ]);
    const table = r.deliveries[0]!.message.view!.blocks.find((b) => b.type === 'table') as { rows: string[][] };
    expect(table.rows.map((row) => row.slice(0, 3))).toEqual([
      ['1', 'ann', 'East'],
      ['2', 'bob', 'East'],
    ]);
  });

  it('respects “own position only” and opt-outs, and posts nothing without a channel', async () => {
    expect((await run(weeklyRanking, '2026-11-27')).deliveries).toEqual([]);
    await deps.store.settings.put({ id: 'channels', value: { rankings: ['slack:C0RANK'] }, updatedAt: T0 });
    await deps.store.settings.put({ id: 'ranking.privacy', value: { mode: 'full', topN: 10, optOut: ['ann'] }, updatedAt: T0 });
    const full = await run(weeklyRanking, '2026-11-20');
    const table = full.deliveries[0]!.message.view!.blocks.find((b) => b.type === 'table') as { rows: string[][] };
    expect(table.rows.map((row) => row[1])).toEqual(['bob']);
    await deps.store.settings.put({ id: 'ranking.privacy', value: { mode: 'own_only', topN: 10, optOut: [] }, updatedAt: T0 });
    const priv = await run(weeklyRanking, '2026-11-13');
    expect(priv.deliveries[0]!.message.view!.blocks).toEqual([{ type: 'text', text: 'Rankings are private this quarter: use /ranking to see your own place.' }]);
  });
});

describe('monthly scorecard', () => {
  it('runs on the first work day of the month only, DMing every active rep on a running platform', async () => {
    expect(await run(monthlyScorecard, '2026-12-02')).toMatchObject({ ran: false, skipped: 'not-due' });
    const r = await run(monthlyScorecard, '2026-12-01');
    expect(r).toMatchObject({ ran: true, runKey: '2026-12' });
    // cat is only on Lark, which is not running here.
    expect(r.deliveries.map((d) => (d.target.kind === 'dm' ? d.target.identity : '')).sort()).toEqual(['slack:UANN', 'slack:UBOB']);
    expect(r.deliveries[0]!.message.text).toBe('Your monthly scorecard for 2026-Q4 so far.');
  });
});
