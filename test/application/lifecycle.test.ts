import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeCycle } from '../../src/application/cycle/close-cycle.js';
import { cycleStatus } from '../../src/application/cycle/cycle-status.js';
import { cycleTargets, indicatorFrom, setCycleTarget } from '../../src/application/cycle/cycle-targets.js';
import { openCycle } from '../../src/application/cycle/open-cycle.js';
import { startReview } from '../../src/application/cycle/start-review.js';
import { requestLateEntry } from '../../src/application/entries/late-entry-request.js';
import { logVisit } from '../../src/application/entries/log-visit.js';
import { cycleReminders } from '../../src/application/jobs/cycle-reminders.js';
import { jobByName } from '../../src/application/jobs/index.js';
import { runJob } from '../../src/application/jobs/job.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import type { Person } from '../../src/domain/model/people.js';
import { workCalendar } from '../../src/domain/work-calendar.js';
import { cycleAnswer } from '../../src/chat/cycle.js';
import { plainRequest } from '../../src/chat/review.js';
import { errorText } from '../../src/views/errors.js';
import { anAppeal } from '../helpers/builders.js';
import { smallOrg } from '../helpers/org.js';
import { refusal } from '../helpers/refusal.js';
import { testDeps } from '../helpers/temp-store.js';

let deps: ReturnType<typeof testDeps>;
let hr: Person;
let ann: Person;
let mgr: Person;
const get = async (id: string) => (await deps.store.people.get(id))!;
const q3 = async () => (await deps.store.cycles.find({ periodKey: '2026-Q3' }))[0]!;
const calendar = workCalendar({ holidays: [], makeUpDays: [] });
const remind = (date: string) => runJob(deps, cycleReminders, { date, platforms: ['slack'], calendar, owner: 'replica-a' });
const textOf = (a: { view: { blocks: unknown[] } }) => JSON.stringify(a.view.blocks);

beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z');
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  for (const id of ['ann', 'bob', 'cat', 'mgr', 'mgr2', 'hr']) await deps.store.people.put({ ...(await get(id)), identities: [`slack:U${id.toUpperCase()}`] });
  [hr, ann, mgr] = [await get('hr'), await get('ann'), await get('mgr')];
});
afterEach(() => deps.cleanup());

describe('/cycle close', () => {
  beforeEach(async () => {
    await openCycle(deps, hr, { period: '2026-Q3' });
  });

  it('closes a published cycle only, refused while appeals are pending, HR only, audited', async () => {
    expect(errorText('en', await refusal(closeCycle(deps, hr, { period: '2026-Q3' })))).toBe('The 2026-Q3 cycle is collecting data: it must be published for this.');
    await startReview(deps, hr, { period: '2026-Q3' });
    await deps.store.cycles.put({ ...(await q3()), state: 'published' });
    for (const [id, state] of [['ap1', 'pending'], ['ap2', 'pending'], ['ap3', 'rejected']] as const) {
      await deps.store.appeals.insert(anAppeal({ id, repId: 'ann', state }));
    }
    expect(errorText('en', await refusal(closeCycle(deps, ann, { period: '2026-Q3' })))).toContain('needs the HR role');
    expect(errorText('en', await refusal(closeCycle(deps, hr, { period: '2026-Q3' })))).toBe('The 2026-Q3 cycle cannot be closed: 2 appeals are still pending. Decide them first.');
    expect((await q3()).state).toBe('published');
    for (const id of ['ap1', 'ap2']) await deps.store.appeals.put({ ...(await deps.store.appeals.get(id))!, state: 'rejected' });

    const answer = await cycleAnswer(deps, hr, plainRequest('close 2026-Q3', ['slack']));
    expect(textOf(answer)).toContain('Review cycle 2026-Q3 is closed.');
    expect((await q3()).state).toBe('closed');
    expect((await deps.store.audit.find({})).some((a) => a.action === 'cycle.closed' && a.actorId === 'hr' && a.details.from === 'published')).toBe(true);
    // Entries stay refused after closing.
    const e = await refusal(logVisit(deps, ann, { requestId: 'v1', account: { accountId: 'acme' }, date: '2026-09-20' }));
    expect(errorText('en', e)).toContain('closed for entries');
    expect(errorText('en', await refusal(closeCycle(deps, hr, { period: '2026-Q3' })))).toContain('it must be published');
    expect(errorText('en', await refusal(closeCycle(deps, hr, { period: '2025-Q1' })))).toContain('There is no review cycle for 2025-Q1');
  });
});

describe('/cycle targets', () => {
  it('lists template defaults and overrides; HR sets team and rep overrides, audited with the old value', async () => {
    let list = await cycleTargets(deps, mgr, { period: '2026-Q4' });
    const visits = list.rows.find((r) => r.indicator === 'Client visits')!;
    expect(visits.overrides).toEqual([]);
    const def = Number(visits.template);
    expect(def).toBeGreaterThan(0);

    const team = await setCycleTarget(deps, hr, { period: '2026-Q4', indicator: 'visits', value: '40', teamName: 'east' });
    expect(team).toMatchObject({ old: null, changed: true, scopeLabel: 'team East', target: { scope: 'team', scopeId: 'east', value: 40 } });
    // The Chinese label names the same indicator; a rep override; then a change of it.
    await setCycleTarget(deps, hr, { period: '2026-Q4', indicator: '客户拜访次数', value: '30', rep: ann });
    const changed = await setCycleTarget(deps, hr, { period: '2026-Q4', indicator: 'Client visits', value: '32', rep: ann });
    expect(changed).toMatchObject({ old: 30, changed: true, target: { scope: 'rep', scopeId: 'ann', value: 32 } });
    expect((await setCycleTarget(deps, hr, { period: '2026-Q4', indicator: 'visits', value: '32', rep: ann })).changed).toBe(false);
    expect(await deps.store.targets.count({ periodKey: '2026-Q4' })).toBe(2);
    const audit = (await deps.store.audit.find({})).filter((a) => a.action === 'target.set');
    expect(audit.map((a) => [a.details.scopeId, a.details.old, a.details.new])).toEqual([['east', null, 40], ['ann', null, 30], ['ann', 30, 32]]);

    list = await cycleTargets(deps, hr, { period: '2026-Q4' });
    expect(list.rows.find((r) => r.indicator === 'Client visits')!.overrides).toEqual(['team East: 40', 'ann: 32']);
    // A logged visit now counts against ann's own target.
    const v = await logVisit(deps, ann, { requestId: 'v1', account: { accountId: 'acme' } });
    expect(v.quarter.target).toBe(32);

    const answer = await cycleAnswer(deps, hr, plainRequest('targets 2026-Q4 revenue 500000 team West', ['slack']));
    expect(textOf(answer)).toContain('Target for Revenue in 2026-Q4, team West: — → 500000.');
  });

  it('refuses a non-HR user, bad input and a published period, changing nothing', async () => {
    const cases: [Promise<unknown>, string][] = [
      [setCycleTarget(deps, mgr, { period: '2026-Q4', indicator: 'visits', value: '40', teamName: 'East' }), 'needs the HR role'],
      [setCycleTarget(deps, hr, { period: '2026-Q9', indicator: 'visits', value: '40', teamName: 'East' }), 'is not a period'],
      [setCycleTarget(deps, hr, { period: '2026-Q4', indicator: 'smiles', value: '40', teamName: 'East' }), '"smiles" is not an indicator'],
      [setCycleTarget(deps, hr, { period: '2026-Q4', indicator: 'visits', value: '-3', teamName: 'East' }), '"-3" is not a valid target'],
      [setCycleTarget(deps, hr, { period: '2026-Q4', indicator: 'visits', value: 'lots', teamName: 'East' }), '"lots" is not a valid target'],
      [setCycleTarget(deps, hr, { period: '2026-Q4', indicator: 'visits', value: '40', teamName: 'North' }), 'No team matches "North". Teams: East, West.'],
      [setCycleTarget(deps, hr, { period: '2026-Q4', indicator: 'visits', value: '40', rep: mgr }), 'mgr is not a rep'],
      [setCycleTarget(deps, hr, { period: '2026-Q4', indicator: 'visits', value: '40' }), 'Usage: /cycle targets'],
      [cycleTargets(deps, ann, { period: '2026-Q4' }), 'needs the HR/Manager role'],
    ];
    for (const [p, text] of cases) expect(errorText('en', await refusal(p))).toContain(text);
    await openCycle(deps, hr, { period: '2026-Q3' });
    await deps.store.cycles.put({ ...(await q3()), state: 'published' });
    expect(errorText('en', await refusal(setCycleTarget(deps, hr, { period: '2026-Q3', indicator: 'visits', value: '40', teamName: 'East' })))).toBe(
      'The 2026-Q3 cycle is published: targets can only change before publication.',
    );
    expect(await deps.store.targets.count()).toBe(0);
    expect(indicatorFrom('collection-rate')).toBe('collection_rate');
  });
});

describe('annual cycles', () => {
  it('opens, shows and moves a year cycle; its close date makes entries of that year late', async () => {
    // A close date before the year ends is refused: reps could not log December.
    expect((await refusal(cycleAnswer(deps, hr, plainRequest('open 2026 close 2026-11-20', ['slack'])))).params.messageId).toBe('cycle.error.closeBeforeEnd');
    const answer = await cycleAnswer(deps, hr, plainRequest('open 2026 close 2027-01-03', ['slack']));
    expect(textOf(answer)).toContain('Review cycle 2026 is open for data entry');
    const status = await cycleStatus(deps, hr, { period: '2026' });
    expect(status).toMatchObject({ period: { key: '2026', kind: 'year' }, cycle: { periodKey: '2026', state: 'collecting', entryCloseDate: '2027-01-03' } });
    // Past the year's close date (on 5 January 2027), a visit dated in 2026 needs the manager.
    deps.clock.set(new Date('2027-01-05T02:00:00Z'));
    const { late } = await requestLateEntry(deps, ann, { kind: 'visit', raw: { requestId: 'y1', account: { accountId: 'acme' }, date: '2026-12-28' }, platforms: ['slack'] });
    expect(late.periodKey).toBe('2026');
    expect(textOf(await cycleAnswer(deps, hr, plainRequest('review 2026', ['slack'])))).toContain('Review cycle 2026 is now in review');
    const targets = await cycleTargets(deps, hr, { period: '2026' });
    const quarter = await cycleTargets(deps, hr, { period: '2026-Q4' });
    const visitsOf = (l: typeof targets) => Number(l.rows.find((r) => r.indicator === 'Client visits')!.template);
    expect(visitsOf(targets)).toBe(4 * visitsOf(quarter));
  });
});

describe('cycle reminders job', () => {
  beforeEach(async () => {
    await openCycle(deps, hr, { period: '2026-Q4', closeDate: '2027-01-10' });
  });
  const dmsTo = (r: Awaited<ReturnType<typeof remind>>) => r.deliveries.map((d) => (d.target.kind === 'dm' ? d.target.identity : d.target.channel)).sort();

  it('is registered and reminds every active rep 3 days and 1 day before the close date, once', async () => {
    expect(jobByName('cycle-reminders')).toBe(cycleReminders);
    await deps.store.people.put({ ...(await get('cat')), active: false });
    expect((await remind('2027-01-06')).deliveries).toEqual([]);
    const three = await remind('2027-01-07');
    expect(dmsTo(three)).toEqual(['slack:UANN', 'slack:UBOB']);
    expect(three.deliveries[0]!.message.text).toBe('Entries for 2026-Q4 close on 2027-01-10. Log your visits, deals, payments and feedback before then; after it they need your manager’s approval.');
    expect(three.deliveries[0]!.notBefore).toBe('2027-01-07T01:00:00.000Z'); // 09:00 in Shanghai
    expect(dmsTo(await remind('2027-01-09'))).toEqual(['slack:UANN', 'slack:UBOB']);
    // A rerun of the day queues nothing new.
    expect((await runJob(deps, cycleReminders, { date: '2027-01-09', platforms: ['slack'], calendar, owner: 'replica-b', force: true, leaseMs: 0 })).queued).toBe(0);
    expect((await remind('2027-01-10')).deliveries).toEqual([]);
    expect(await deps.store.outbox.count({ job: 'cycle-reminders' })).toBe(4);
  });

  it('tells HR once after the close date while the cycle still collects, not after review started', async () => {
    const after = await remind('2027-01-11');
    expect(dmsTo(after)).toEqual(['slack:UHR']);
    expect(after.deliveries[0]!.message.text).toBe('The entry close date of 2026-Q4 (2027-01-10) has passed. Move the cycle to review with /cycle review 2026-Q4');
    expect((await remind('2027-01-12')).queued).toBe(0);
    deps.clock.set(new Date('2027-01-12T02:00:00Z')); // HR reviews once the entries have closed
    await startReview(deps, hr, { period: '2026-Q4' });
    expect((await remind('2027-01-13')).deliveries).toEqual([]);
  });

  it('reminds meeting participants the day before, in their time', async () => {
    const cycle = (await deps.store.cycles.find({ periodKey: '2026-Q4' }))[0]!;
    await deps.store.cycles.put({ ...cycle, meeting: { at: '2027-01-15T06:30:00.000Z', place: 'Room 5', participantIds: ['mgr', 'hr'] } });
    expect((await remind('2027-01-13')).deliveries.filter((d) => d.message.text.includes('meeting'))).toEqual([]);
    const r = await remind('2027-01-14');
    const meeting = r.deliveries.filter((d) => d.message.text.includes('meeting'));
    expect(meeting.map((d) => (d.target.kind === 'dm' ? d.target.identity : '')).sort()).toEqual(['slack:UHR', 'slack:UMGR']);
    expect(meeting[0]!.message.text).toBe('Reminder: the 2026-Q4 review meeting is tomorrow at 14:30, Room 5.');
  });

  it('reminds the manager of a late entry pending for 2 days, once, with the buttons', async () => {
    await openCycle(deps, hr, { period: '2026-Q3', closeDate: '2026-10-10' });
    const { late } = await requestLateEntry(deps, ann, { kind: 'visit', raw: { requestId: 'l1', account: { accountId: 'acme' }, date: '2026-09-28' }, platforms: ['slack'] });
    const lateOnly = (r: Awaited<ReturnType<typeof remind>>) => r.deliveries.filter((d) => d.runKey.startsWith('late-entry:'));
    expect(lateOnly(await remind('2026-11-27'))).toEqual([]);
    const r = await remind('2026-11-28');
    expect(lateOnly(r).map((d) => d.target)).toEqual([{ kind: 'dm', identity: 'slack:UMGR' }]);
    const view = lateOnly(r)[0]!.message.view!;
    expect(view.title).toBe('Reminder: ann’s late entry for 2026-Q3 is waiting for your decision since 2026-11-26:');
    expect(view.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons.map((x) => x.value) : []))).toEqual([late.id, late.id]);
    expect((await remind('2026-11-29')).queued).toBe(0);
  });
});
