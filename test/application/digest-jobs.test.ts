import cron from 'node-cron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { annualSummaryJob } from '../../src/application/jobs/annual-summary.js';
import { JOBS } from '../../src/application/jobs/index.js';
import { runJob, type Job } from '../../src/application/jobs/job.js';
import { quarterlyDigest } from '../../src/application/jobs/quarterly-digest.js';
import type { Delivery } from '../../src/application/delivery/enqueue.js';
import { loadConfig } from '../../src/config/config.js';
import { JOB_NAMES } from '../../src/config/schedule-config.js';
import { addDays, zonedInstant } from '../../src/domain/dates.js';
import { defaultTemplate } from '../../src/domain/scoring/default-template.js';
import { workCalendar } from '../../src/domain/work-calendar.js';
import type { Block } from '../../src/views/view.js';
import { anAward } from '../helpers/builders.js';
import { person, smallOrg, T0, visits } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';

/**
 * A small org scored by a one-indicator template (visits against a target of 10, so a total is
 * visits × 10) and quarter weights 10/20/30/40. Team East: ann, bob, dan, eve and fay (no data);
 * team West: cat. Totals per quarter of 2026:
 *   ann 20 / 40 / 90 / 100, bob — / 60 / 50 / —, dan — / 50 / 50 / —, eve — / 70 / 50 / —, cat — / — / 80 / —.
 */
let deps: ReturnType<typeof testDeps>;
const calendar = workCalendar({ holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07', '2027-01-01'], makeUpDays: ['2026-10-10'] });
const run = (job: Job, date: string, owner = 'replica-a', cal = calendar) => runJob(deps, job, { date, platforms: ['slack'], calendar: cal, owner });
const dmTo = (ds: Delivery[], identity: string) => ds.find((d) => d.target.kind === 'dm' && d.target.identity === identity);
const recipients = (ds: Delivery[]) => ds.map((d) => (d.target.kind === 'dm' ? d.target.identity : d.target.channel)).sort();
const texts = (d: Delivery | undefined): string[] => (d?.message.view?.blocks ?? []).flatMap((b: Block) => ('text' in b ? [b.text] : []));
const table = (d: Delivery | undefined, n = 0) => (d!.message.view!.blocks.filter((b) => b.type === 'table')[n] as { rows: string[][] }).rows;

beforeEach(async () => {
  deps = testDeps('2026-10-07T16:00:00Z'); // midnight starting 2026-10-08 in Shanghai
  await smallOrg(deps.store);
  const base = defaultTemplate(T0);
  await deps.store.templates.put({
    ...base,
    id: 'default@2',
    version: 2,
    categories: [{ key: 'behaviour', weight: 100, indicators: [{ key: 'visits', weight: 100, scoring: { type: 'ratio', cap: 10 }, missing: { policy: 'exclude' }, defaultTarget: 10 }] }],
    annualQuarterWeights: [10, 20, 30, 40],
  });
  await deps.store.people.insertMany(['dan', 'eve', 'fay'].map((id) => person(id, { teamId: 'east', managerId: 'mgr' })));
  const ids: Record<string, string> = { mgr: 'slack:UMGR', mgr2: 'slack:UMGR2', hr: 'slack:UHR', bob: 'slack:UBOB', fay: 'slack:UFAY' };
  for (const [id, identity] of Object.entries(ids)) {
    const p = (await deps.store.people.get(id))!;
    await deps.store.people.put({ ...p, identities: [identity], ...(id === 'mgr2' ? { locale: 'zh-CN' as const, timeZone: 'Europe/London' } : {}) });
  }
  const plan: [string, number, string][] = [
    ['ann', 2, '2026-01-05'], ['ann', 4, '2026-04-06'], ['ann', 9, '2026-07-06'], ['ann', 10, '2026-10-08'],
    ['bob', 6, '2026-04-06'], ['bob', 5, '2026-07-06'], ['dan', 5, '2026-04-06'], ['dan', 5, '2026-07-06'],
    ['eve', 7, '2026-04-06'], ['eve', 5, '2026-07-06'], ['cat', 8, '2026-07-06'],
  ];
  for (const [rep, n, first] of plan) await deps.store.activities.insertMany(visits(rep, 'acme', n, first, `${rep}-${first}-`));
});
afterEach(() => deps.cleanup());

describe('quarterly digest', () => {
  it('runs on the first work day of the quarter only, after the holidays, reviewing the quarter just ended', async () => {
    expect(await run(quarterlyDigest, '2026-10-01')).toMatchObject({ ran: false, skipped: 'not-a-work-day' });
    expect(await run(quarterlyDigest, '2026-10-09')).toMatchObject({ ran: false, skipped: 'not-due' });
    expect(await run(quarterlyDigest, '2026-11-02')).toMatchObject({ ran: false, skipped: 'not-due' });
    const r = await run(quarterlyDigest, '2026-10-08');
    expect(r).toMatchObject({ ran: true, runKey: '2026-Q3', queued: 3 });
    // Managers get their team's digest, HR the company's; reps get nothing.
    expect(recipients(r.deliveries)).toEqual(['slack:UHR', 'slack:UMGR', 'slack:UMGR2']);
    expect(dmTo(r.deliveries, 'slack:UMGR')!.notBefore).toBe('2026-10-08T01:00:00.000Z'); // 09:00 Shanghai
    expect(dmTo(r.deliveries, 'slack:UMGR2')!.notBefore).toBe('2026-10-08T08:00:00.000Z'); // 09:00 London (BST)
  });

  it("gives a manager their team's scorecards, distribution, movers, outliers and who lacks data", async () => {
    const east = dmTo((await run(quarterlyDigest, '2026-10-08')).deliveries, 'slack:UMGR');
    expect(east!.message.text).toBe('2026-Q3 review digest: East');
    expect(table(east)).toEqual([
      ['ann', '90.0', 'A', '+50.0', '+30.0'],
      ['bob', '50.0', 'D', '−10.0', '−10.0'],
      ['dan', '50.0', 'D', '±0.0', '−10.0'],
      ['eve', '50.0', 'D', '−20.0', '−10.0'],
    ]);
    expect(texts(east)).toEqual(
      expect.arrayContaining([
        'Average 60.0 over 4 graded reps.',
        'Grade distribution: S 0, A 1, B 0, C 0, D 3',
        'Biggest gains vs last quarter: ann +50.0',
        'Biggest drops vs last quarter: eve −20.0, bob −10.0',
        // mean 60, σ = √300 ≈ 17.32: ann is (90 − 60) / 17.32 = 1.73σ away.
        'Outliers: ann 90.0 (+1.7σ)',
        'Outliers are totals more than 1.5 standard deviations from the mean (mean 60.0, standard deviation 17.3).',
        'Still lacking data: fay',
      ]),
    );
    expect(texts(east).join('\n')).not.toContain('cat');
  });

  it('gives HR the company-wide version: every team summarised and the overall distribution', async () => {
    const hr = dmTo((await run(quarterlyDigest, '2026-10-08')).deliveries, 'slack:UHR');
    expect(hr!.message.text).toBe('2026-Q3 review digest: the whole company');
    expect(table(hr)).toEqual([
      ['East', '4', '60.0', 'S0 A1 B0 C0 D3', '1'],
      ['West', '1', '80.0', 'S0 A0 B1 C0 D0', '0'],
      ['Whole company', '5', '64.0', 'S0 A1 B1 C0 D3', '1'],
    ]);
    // Company-wide σ = √304 ≈ 17.44, so ann (+26) is 1.49σ away: not an outlier of the company.
    expect(texts(hr)).toContain('No outliers.');
    expect(texts(hr)).toContain('Still lacking data: fay');
  });

  it('writes in the manager’s language', async () => {
    const west = dmTo((await run(quarterlyDigest, '2026-10-08')).deliveries, 'slack:UMGR2');
    expect(west!.message.text).toBe('2026-Q3 考核汇总：West');
    expect(texts(west)).toEqual(expect.arrayContaining(['平均分 80.0，共 1 人已评分。', '无异常值。', '所有人都有数据。', '等级分布：S 0 人、A 0 人、B 1 人、C 0 人、D 0 人']));
  });

  it('queues nothing twice on a rerun or a second replica', async () => {
    const [a, b] = await Promise.all([run(quarterlyDigest, '2026-10-08', 'replica-a'), run(quarterlyDigest, '2026-10-08', 'replica-b')]);
    expect([a.ran, b.ran].sort()).toEqual([false, true]);
    deps.clock.advance(3_600_000);
    expect(await run(quarterlyDigest, '2026-10-08')).toMatchObject({ ran: true, queued: 0, alreadyQueued: 3 });
    expect(await deps.store.outbox.count({ job: 'quarterly-digest' })).toBe(3);
  });

  it('puts the company and the team version in one message for a manager who is also HR', async () => {
    const mgr2 = (await deps.store.people.get('mgr2'))!;
    await deps.store.people.put({ ...mgr2, roles: ['manager', 'hr'] });
    const d = dmTo((await run(quarterlyDigest, '2026-10-08')).deliveries, 'slack:UMGR2');
    expect(d!.message.text).toBe('2026-Q3 考核汇总：全公司 · 2026-Q3 考核汇总：West');
  });
});

describe('annual summary', () => {
  beforeEach(async () => {
    await deps.store.awards.insertMany([
      anAward({ id: 'aw1', grantedBy: 'hr', repId: 'ann', title: 'Deal of the quarter', reason: 'Won the Acme framework deal', state: 'approved' }),
      anAward({ id: 'aw2', grantedBy: 'hr', periodKey: '2026-Q4', repId: 'ann', title: 'Pending idea' }),
      anAward({ id: 'aw3', grantedBy: 'hr', periodKey: '2025', repId: 'bob', title: 'Last year', state: 'approved' }),
    ]);
    deps.clock.set(new Date('2027-01-03T16:00:00Z'));
  });

  it('runs on the first work day of January only, honouring holidays and make-up days', async () => {
    expect(await run(annualSummaryJob, '2027-01-01')).toMatchObject({ ran: false, skipped: 'not-a-work-day' });
    expect(await run(annualSummaryJob, '2027-01-05')).toMatchObject({ ran: false, skipped: 'not-due' });
    const makeUp = workCalendar({ holidays: ['2027-01-01'], makeUpDays: ['2027-01-02'] });
    expect(await run(annualSummaryJob, '2027-01-04', 'a', makeUp)).toMatchObject({ ran: false, skipped: 'not-due' });
    const r = await run(annualSummaryJob, '2027-01-04');
    expect(r).toMatchObject({ ran: true, runKey: '2026' });
    expect(recipients(r.deliveries)).toEqual(['slack:UANN', 'slack:UBOB', 'slack:UFAY', 'slack:UHR', 'slack:UMGR', 'slack:UMGR2']);
    deps.clock.advance(3_600_000);
    expect(await run(annualSummaryJob, '2027-01-04')).toMatchObject({ queued: 0, alreadyQueued: 6 });
  });

  it("tells each rep their quarters, weighted annual score, trend, forecast and approved awards", async () => {
    const r = await run(annualSummaryJob, '2027-01-04');
    const ann = dmTo(r.deliveries, 'slack:UANN');
    // (20×10 + 40×20 + 90×30 + 100×40) / 100 = 77 → B. OLS through 20, 40, 90, 100: slope 29, next 135 → S.
    expect(ann!.message.text).toBe('Your year 2026: 77.0 (B)');
    expect(table(ann)).toEqual([['2026-Q1', '20.0', 'D'], ['2026-Q2', '40.0', 'D'], ['2026-Q3', '90.0', 'A'], ['2026-Q4', '100.0', 'A']]);
    expect(texts(ann)).toEqual(
      expect.arrayContaining([
        'Annual score: 77.0 (B), the quarters weighted 10/20/30/40.',
        'Trend: rising, +29.0 points a quarter.',
        // The range: ±1 standard error of the prediction (residuals 1, −8, 13, −6 → s = √(270 / 2) = 11.62; se = s × √2.5 = 18.4).
        'Forecast for 2027-Q1: 135.0 (S), likely 116.6–153.4, from the straight-line trend of 4 quarters.',
        'Deal of the quarter (2026-Q3): Won the Acme framework deal',
      ]),
    );
    expect(texts(ann).join('\n')).not.toContain('Pending idea');
    const bob = dmTo(r.deliveries, 'slack:UBOB');
    // 60 and 50 weighted 20 and 30: (1200 + 1500) / 50 = 54 → D; falling 10 a quarter.
    expect(bob!.message.text).toBe('Your year 2026: 54.0 (D)');
    expect(texts(bob)).toEqual(expect.arrayContaining(['Trend: falling, −10.0 points a quarter.', 'No special awards this year.']));
    // Two graded quarters make a trend, not a forecast.
    expect(texts(bob).join('\n')).not.toContain('Forecast for');
    expect(dmTo(r.deliveries, 'slack:UFAY')!.message.text).toBe('Your year 2026: no graded quarter');
  });

  it("gives managers their team's year and HR the company's", async () => {
    const r = await run(annualSummaryJob, '2027-01-04');
    const east = dmTo(r.deliveries, 'slack:UMGR');
    expect(east!.message.text).toBe('2026 year digest: East');
    // dan 50/50 and eve 70/50 weighted 20/30: 50 and 58.
    expect(table(east)).toEqual([
      ['ann', '20.0', '40.0', '90.0', '100.0', '77.0', 'B'],
      ['eve', '—', '70.0', '50.0', '—', '58.0', 'D'],
      ['bob', '—', '60.0', '50.0', '—', '54.0', 'D'],
      ['dan', '—', '50.0', '50.0', '—', '50.0', 'D'],
    ]);
    expect(texts(east)).toEqual(expect.arrayContaining(['Still lacking data: fay', 'Special awards of the year: ann: Deal of the quarter']));
    const hr = dmTo(r.deliveries, 'slack:UHR');
    expect(hr!.message.text).toBe('2026 year digest: the whole company');
    expect(table(hr)).toEqual([
      ['East', '4', '59.8', 'S0 A0 B1 C0 D3', '1'], // (77 + 58 + 54 + 50) / 4 = 59.75
      ['West', '1', '80.0', 'S0 A0 B1 C0 D0', '0'],
      ['Whole company', '5', '63.8', 'S0 A0 B2 C0 D3', '1'],
    ]);
    expect(dmTo(r.deliveries, 'slack:UMGR2')!.message.text).toBe('2026 年度汇总：West');
  });
});

describe('across the year boundary', () => {
  it('runs each digest once, on the first work day of the new year, at its cron hour, though two replicas fire every tick', async () => {
    const jobs = [quarterlyDigest, annualSummaryJob];
    const tasks = jobs.map((job) => ({ job, task: cron.createTask(job.defaultSchedule, () => undefined, { timezone: 'Asia/Shanghai' }) }));
    const ran: string[] = [];
    for (let day = '2026-12-28'; day <= '2027-01-08'; day = addDays(day, 1)) {
      for (let hour = 0; hour < 24; hour++) {
        const at = zonedInstant(day, hour, 0, 'Asia/Shanghai');
        deps.clock.set(at);
        for (const { job, task } of tasks) {
          if (!task.match(at)) continue;
          const results = await Promise.all(['replica-a', 'replica-b'].map((owner) => run(job, day, owner)));
          for (const r of results) if (r.ran) ran.push(`${job.name} ${r.runKey} ${day} ${hour}:00`);
        }
      }
    }
    expect(ran).toEqual(['quarterly-digest 2026-Q4 2027-01-04 7:00', 'annual-summary 2026 2027-01-04 7:00']);
    expect(await deps.store.outbox.count({ job: 'quarterly-digest', runKey: '2026-Q4' })).toBe(3);
    expect(await deps.store.outbox.count({ job: 'annual-summary', runKey: '2026' })).toBe(6);
  });
});

describe('settings', () => {
  it('lists both jobs, so their schedules can be overridden and they can be switched off', () => {
    expect(JOBS.map((j) => j.name)).toEqual([...JOB_NAMES]);
    const c = loadConfig({ SCHEDULE_ANNUAL_SUMMARY: '30 8 * * *', JOBS_DISABLED: 'quarterly-digest' });
    expect(c.schedule.schedules).toEqual({ 'annual-summary': '30 8 * * *' });
    expect(c.schedule.disabled).toEqual(['quarterly-digest']);
  });
});
