import cron from 'node-cron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackOutbound } from '../../src/adapters/slack/outbound.js';
import { JOBS } from '../../src/application/jobs/index.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import { addDays, zonedInstant } from '../../src/domain/dates.js';
import { createScheduler, type Scheduler } from '../../src/jobs/scheduler.js';
import { FakeSlack } from '../slack/fake-slack.js';
import { aVisit } from '../helpers/builders.js';
import { smallOrg, T0 } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';

/**
 * A whole quarter (2026-Q4, China's National Day week off, one make-up Saturday) simulated day by
 * day with the injected clock, two replicas running the same schedule against one store, Slack's
 * Web API faked on loopback and answering some posts with 429.
 */
const TZ = 'Asia/Shanghai';
const HOLIDAYS = ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'];
const MAKEUP = ['2026-10-10'];

let fake: FakeSlack;
let deps: ReturnType<typeof testDeps>;
let replicas: Scheduler[];
const followUps: { id: string; step: string; due: string }[] = [];

type Post = { channel: string; text: string; blocks?: { text?: { text: string } }[]; metadata: { event_payload: { key: string } } };
const posts = (): Post[] => fake.succeeded('chat.postMessage').map((c) => c.params as unknown as Post);

beforeAll(async () => {
  fake = new FakeSlack();
  await fake.start();
  deps = testDeps('2026-09-30T16:00:00.000Z'); // midnight starting Oct 1 in Shanghai
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  for (const [id, user, timeZone] of [['ann', 'UANN', undefined], ['bob', 'UBOB', undefined], ['cat', 'UCAT', 'Europe/London']] as const) {
    const p = (await deps.store.people.get(id))!;
    await deps.store.people.put({ ...p, identities: [`slack:${user}`], ...(timeZone ? { timeZone } : {}) });
  }
  // Managers and HR read the quarterly digest of 2026-Q3 on the first work day after the holidays.
  for (const [id, user] of [['mgr', 'UMGR'], ['mgr2', 'UMGR2'], ['hr', 'UHR']] as const) {
    await deps.store.people.put({ ...(await deps.store.people.get(id))!, identities: [`slack:${user}`] });
  }
  await deps.store.settings.put({ id: 'channels', value: { rankings: ['slack:C0RANK'] }, updatedAt: T0 });
  // A follow-up due on every third day of the quarter, including holidays and weekends.
  for (let i = 0, d = '2026-10-01'; d <= '2026-12-31'; i++, d = addDays(d, 3)) {
    const rep = ['ann', 'bob', 'cat'][i % 3]!;
    followUps.push({ id: `f${i}`, step: `step-${i}`, due: d });
    const date = addDays(d, -3) < '2026-09-28' ? '2026-09-28' : addDays(d, -3);
    await deps.store.activities.insert(aVisit({ id: `f${i}`, repId: rep, accountId: 'acme', date, nextStep: `step-${i}`, nextStepDate: d }));
  }
  const sleep = async (ms: number) => deps.clock.advance(ms);
  const schedule = { schedules: {}, disabled: [], holidays: HOLIDAYS, makeUpDays: MAKEUP, dispatchIntervalMs: 10_000 };
  replicas = ['replica-a', 'replica-b'].map((owner) =>
    createScheduler({ deps, jobs: JOBS, config: schedule, platforms: new Map([['slack', createSlackOutbound({ botToken: 'xoxb-test-token', apiUrl: fake.apiUrl })]]), owner, sleep }),
  );

  const tasks = JOBS.map((job) => ({ job, task: cron.createTask(job.defaultSchedule, () => undefined, { timezone: TZ }) }));
  for (let day = '2026-10-01'; day <= '2026-12-31'; day = addDays(day, 1)) {
    if (day === '2026-11-13') for (let i = 0; i < 6; i++) fake.rateLimitNext('chat.postMessage', 30); // a 429 storm
    for (let hour = 0; hour < 24; hour++) {
      const at = zonedInstant(day, hour, 0, TZ);
      deps.clock.set(at);
      for (const { job, task } of tasks) {
        if (!task.match(at)) continue;
        // Both replicas fire the same cron tick.
        await Promise.all(replicas.map((r) => r.runNow(job.name)));
      }
      await Promise.all(replicas.map((r) => r.dispatchNow()));
    }
  }
}, 120_000);

afterAll(async () => {
  for (const t of replicas) await t.stop();
  await fake.stop();
  await deps.cleanup();
});

describe('a simulated quarter', () => {
  it('sends every message exactly once, though two replicas ran every job', async () => {
    const keys = posts().map((p) => p.metadata.event_payload.key);
    expect(keys.length).toBeGreaterThan(0);
    expect(new Set(keys).size).toBe(keys.length);
    expect(await deps.store.outbox.count({ state: 'sent' })).toBe(keys.length);
    expect(await deps.store.outbox.count({ state: 'pending' })).toBe(0);
    expect(await deps.store.outbox.count({ state: 'failed' })).toBe(0);
  });

  it('reminds of every follow-up exactly once, on its day or the next work day', async () => {
    const dmText = posts().filter((p) => p.channel.startsWith('D')).map((p) => JSON.stringify(p.blocks ?? []));
    for (const f of followUps) {
      const hits = dmText.filter((t) => t.includes(`${f.step} (`));
      expect(hits, `${f.step} due ${f.due}`).toHaveLength(1);
    }
    const sentOn = (await deps.store.outbox.find({ job: 'follow-up-reminders' })).map((o) => o.runKey);
    expect(sentOn.filter((d) => HOLIDAYS.includes(d))).toEqual([]);
    expect(sentOn).toContain('2026-10-10'); // the make-up Saturday
    expect(sentOn).not.toContain('2026-10-11'); // an ordinary Sunday
    expect(sentOn).toContain('2026-10-08'); // the first work day after the holiday week collects its follow-ups
  });

  it('sends the monthly scorecard on the first work day of each month, to each rep', async () => {
    const runs = await deps.store.outbox.find({ job: 'monthly-scorecard' });
    expect([...new Set(runs.map((r) => r.runKey))].sort()).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(runs.length).toBe(9);
    // October's went out on the 8th, after the National Day week.
    const oct = runs.filter((r) => r.runKey === '2026-10').map((r) => r.notBefore.slice(0, 10));
    expect(new Set(oct)).toEqual(new Set(['2026-10-08']));
  });

  it('sends the quarterly digest of the quarter just ended once, to each manager and HR, after the holidays', async () => {
    const digests = await deps.store.outbox.find({ job: 'quarterly-digest' });
    expect(digests.map((d) => (d.target.kind === 'dm' ? d.target.identity : '')).sort()).toEqual(['slack:UHR', 'slack:UMGR', 'slack:UMGR2']);
    expect(digests.every((d) => d.runKey === '2026-Q3' && d.state === 'sent' && d.notBefore === zonedInstant('2026-10-08', 9, 0, TZ).toISOString())).toBe(true);
    const texts = posts().map((p) => p.text);
    expect(texts.filter((t) => t === '2026-Q3 review digest: East')).toHaveLength(1);
    expect(texts.filter((t) => t === '2026-Q3 review digest: the whole company')).toHaveLength(1);
    // The annual summary waits for January.
    expect(await deps.store.outbox.count({ job: 'annual-summary' })).toBe(0);
  });

  it('posts the ranking to the channel every Friday', async () => {
    const rankings = posts().filter((p) => p.channel === 'C0RANK');
    expect(rankings).toHaveLength(13); // Fridays from Oct 2 to Dec 25
  });

  it('delivers personal messages at 09:00 in each recipient’s zone', async () => {
    const dms = await deps.store.outbox.find({ job: 'monthly-scorecard' });
    for (const d of dms) {
      const tz = d.target.kind === 'dm' && d.target.identity === 'slack:UCAT' ? 'Europe/London' : TZ;
      // 09:00 in Shanghai and in London both fall on the same UTC date, so the date is the local one.
      expect(d.notBefore).toBe(zonedInstant(d.notBefore.slice(0, 10), 9, 0, tz).toISOString());
      expect(d.sentAt! >= d.notBefore).toBe(true);
    }
  });

  it('came through the 429 storm late but complete', async () => {
    expect(fake.callsTo('chat.postMessage').filter((c) => c.outcome === 'ratelimited')).toHaveLength(6);
    const nov13 = await deps.store.outbox.find({ job: 'follow-up-reminders', runKey: '2026-11-13' });
    expect(nov13.every((o) => o.state === 'sent')).toBe(true);
  });
});
