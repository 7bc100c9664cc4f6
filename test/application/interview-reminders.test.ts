import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logInterview } from '../../src/application/interviews/log-interview.js';
import { scheduleInterview } from '../../src/application/interviews/schedule-interview.js';
import { interviewRemindersJob } from '../../src/application/jobs/interview-reminders.js';
import { runJob } from '../../src/application/jobs/job.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import type { Person } from '../../src/domain/model/people.js';
import { workCalendar } from '../../src/domain/work-calendar.js';
import { smallOrg, visits } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';
import { addQ3Data, publishQ3 } from './interview-fixture.js';

let deps: ReturnType<typeof testDeps>;
let hr: Person, ann: Person, mgr: Person;
const get = async (id: string) => (await deps.store.people.get(id))!;
const platforms = ['slack'] as const;
const calendar = workCalendar();
const run = (date: string) => runJob(deps, interviewRemindersJob, { date, platforms, calendar, owner: 'replica-a' });
const sent = (r: Awaited<ReturnType<typeof run>>) => r.deliveries.map((d) => [d.target.kind === 'dm' ? d.target.identity : '', d.message.text] as const).sort();

beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z'); // published on Thursday 2026-11-26
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  for (const id of ['ann', 'bob', 'cat', 'mgr', 'mgr2', 'hr']) await deps.store.people.put({ ...(await get(id)), identities: [`slack:U${id.toUpperCase()}`] });
  await addQ3Data(deps);
  [hr, ann, mgr] = [await get('hr'), await get('ann'), await get('mgr')];
  await publishQ3(deps, hr);
});
afterEach(() => deps.cleanup());

describe('interview-reminders job', () => {
  it('reminds both the day before and on the day, exactly once each; a moved interview is reminded at its new time', async () => {
    await scheduleInterview(deps, mgr, { rep: ann, date: '2026-12-03', time: '15:00', place: 'Room 5', platforms });
    // bob's interview is further off (and keeps the weekly "to hold" list quiet).
    await scheduleInterview(deps, mgr, { rep: await get('bob'), date: '2026-12-20', time: '15:00', platforms });
    expect((await run('2026-12-01')).deliveries).toEqual([]);
    const before = await run('2026-12-02');
    expect(sent(before)).toEqual([
      ['slack:UANN', 'Reminder: tomorrow, feedback interview on 2026-Q3 between mgr and ann at 2026-12-03 15:00 (Asia/Shanghai) (Room 5).'],
      ['slack:UMGR', 'Reminder: tomorrow, feedback interview on 2026-Q3 between mgr and ann at 2026-12-03 15:00 (Asia/Shanghai) (Room 5).'],
    ]);
    expect(before.queued).toBe(2);
    // A rerun of the same day (a second replica, a restart) queues nothing.
    expect((await run('2026-12-02')).queued).toBe(0);
    const onDay = await run('2026-12-03');
    expect(sent(onDay).map(([to, text]) => [to, text.slice(0, 6)])).toEqual([['slack:UANN', 'Today:'], ['slack:UMGR', 'Today:']]);
    // Not before 08:00 local, nor later than an hour before the interview.
    expect(onDay.deliveries.map((d) => d.notBefore)).toEqual(['2026-12-03T00:00:00.000Z', '2026-12-03T00:00:00.000Z']);
    expect([(await run('2026-12-03')).queued, await deps.store.outbox.count({ job: 'interview-reminders' })]).toEqual([0, 4]);

    deps.clock.set('2026-12-03T02:00:00Z');
    await scheduleInterview(deps, mgr, { rep: ann, date: '2026-12-08', time: '10:00', platforms });
    expect((await run('2026-12-07')).queued).toBe(2);
    deps.clock.set('2026-12-08T03:00:00Z');
    await logInterview(deps, mgr, { rep: ann, notes: '', repView: '', goals: [], platforms });
    // Held: no reminder on the day.
    expect(sent(await run('2026-12-08')).filter(([, text]) => text.startsWith('Today'))).toEqual([]);
  });

  it('tells a manager once a week, from 7 days after publication, which reps still have no interview', async () => {
    await scheduleInterview(deps, mgr, { rep: ann, date: '2026-12-10', time: '15:00', platforms });
    expect((await run('2026-12-02')).deliveries).toEqual([]);
    const week = await run('2026-12-03');
    // bob has no interview; ann has one scheduled; cat (mgr2's) has no published result.
    expect(sent(week)).toEqual([['slack:UMGR', 'Feedback interviews to hold for 2026-Q3']]);
    expect(JSON.stringify(week.deliveries[0]!.message.view)).toContain('Interviews to hold: bob.');
    expect((await run('2026-12-04')).queued).toBe(0);
    expect((await run('2026-12-06')).queued).toBe(0);
    expect((await run('2026-12-07')).queued).toBe(1); // a new ISO week
    expect(await deps.store.outbox.count({ job: 'interview-reminders' })).toBe(2);
  });

  it("sends each open plan's check-in to the manager and the rep on its date, with the goals' progress, once", async () => {
    const { plan } = await logInterview(deps, mgr, { rep: ann, notes: '', repView: '', goals: [], platforms });
    expect(plan.checkIns.map((c) => c.date)).toEqual(['2026-12-24']);
    await deps.store.activities.insertMany(visits('ann', 'acme', 9, '2026-10-05', 'ann-q4-'));
    expect((await run('2026-12-23')).deliveries.filter((d) => d.runKey.includes('check-in'))).toEqual([]);
    const r = await run('2026-12-24');
    const checkIns = r.deliveries.filter((d) => d.runKey === `${plan.id}:check-in:2026-12-24`);
    expect(checkIns.map((d) => (d.target.kind === 'dm' ? d.target.identity : '')).sort()).toEqual(['slack:UANN', 'slack:UMGR']);
    const view = JSON.stringify(checkIns[0]!.message.view);
    expect(view).toContain('["Make 36 client visits (18 by 2026-11-16; 30 in 2026-Q3)","9","36","2026-12-31"]');
    expect((await run('2026-12-24')).queued).toBe(0);
  });
});
