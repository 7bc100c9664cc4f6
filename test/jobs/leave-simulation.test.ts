import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JOBS } from '../../src/application/jobs/index.js';
import { runJob } from '../../src/application/jobs/job.js';
import { scorePeriod } from '../../src/application/score-period.js';
import { setAway } from '../../src/application/people/set-away.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import { addDays, zonedInstant } from '../../src/domain/dates.js';
import { parsePeriod } from '../../src/domain/period.js';
import { workCalendar } from '../../src/domain/work-calendar.js';
import type { OutboxItem } from '../../src/domain/model/delivery.js';
import { aVisit } from '../helpers/builders.js';
import { smallOrg } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';

/**
 * Leave (issue 8) across a simulated quarter: every job runs every day of 2026-Q4 while ann is away
 * from 2 to 20 November (19 days). Nothing scheduled reaches her on those days: nudges and
 * reminders are dropped, reports wait for the morning after she is back; bob, at work, is
 * untouched. Her targets are prorated for the leave; the scorecard says so.
 */
const TZ = 'Asia/Shanghai';
const LEAVE = { from: '2026-11-02', to: '2026-11-20' };
let deps: ReturnType<typeof testDeps>;
let outbox: OutboxItem[];

beforeAll(async () => {
  deps = testDeps('2026-09-30T16:00:00.000Z');
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  for (const [id, user] of [['ann', 'UANN'], ['bob', 'UBOB'], ['mgr', 'UMGR'], ['hr', 'UHR']] as const) {
    await deps.store.people.put({ ...(await deps.store.people.get(id))!, identities: [`slack:${user}`] });
  }
  // A follow-up due every day for both reps, and a few visits so both are scored (and behind pace).
  for (let d = '2026-10-02'; d <= '2026-12-31'; d = addDays(d, 1)) {
    for (const rep of ['ann', 'bob']) {
      const [accountId, date] = [rep === 'ann' ? 'acme' : 'globex', d < '2026-10-08' ? d : '2026-10-08'];
      await deps.store.activities.insert(aVisit({ id: `${rep}-${d}`, repId: rep, accountId, date, nextStep: 'call back', nextStepDate: d }));
    }
  }
  // Recorded by HR, so approved at once: one's own leave prorates targets only once approved (test/chat/leave-approval.test.ts).
  const ann = (await deps.store.people.get('ann'))!;
  const hr = (await deps.store.people.get('hr'))!;
  await setAway(deps, hr, { person: ann, from: LEAVE.from, to: LEAVE.to, note: 'annual leave' });
  const calendar = workCalendar({ holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'], makeUpDays: [] });
  for (let day = '2026-10-01'; day <= '2026-12-31'; day = addDays(day, 1)) {
    deps.clock.set(zonedInstant(day, 7, 0, TZ));
    for (const job of JOBS) await runJob(deps, job, { date: day, platforms: ['slack'], calendar, owner: 'replica-a' });
  }
  outbox = await deps.store.outbox.find({});
}, 120_000);

afterAll(() => deps.cleanup());

const dmsTo = (identity: string) => outbox.filter((o) => o.target.kind === 'dm' && o.target.identity === identity);
const localDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);

describe('leave across a simulated quarter', () => {
  it('sends ann nothing scheduled while she is away, and bob keeps getting his', () => {
    const during = (o: OutboxItem) => localDay(o.notBefore) >= LEAVE.from && localDay(o.notBefore) <= LEAVE.to;
    expect(dmsTo('slack:UANN').filter(during)).toEqual([]);
    expect(dmsTo('slack:UBOB').filter(during).length).toBeGreaterThan(10);
    // Before and after the leave ann's reminders do arrive.
    expect(dmsTo('slack:UANN').some((o) => localDay(o.notBefore) < LEAVE.from)).toBe(true);
    expect(dmsTo('slack:UANN').some((o) => localDay(o.notBefore) > LEAVE.to && o.job === 'follow-up-reminders')).toBe(true);
  });

  it('drops her nudges and reminders of those days, and holds her monthly scorecard until the morning after', () => {
    const followUpRuns = new Set(dmsTo('slack:UANN').filter((o) => o.job === 'follow-up-reminders').map((o) => o.runKey));
    for (let d = LEAVE.from; d <= LEAVE.to; d = addDays(d, 1)) expect(followUpRuns.has(d)).toBe(false);
    const november = dmsTo('slack:UANN').find((o) => o.job === 'monthly-scorecard' && o.runKey === '2026-11');
    expect(november).toBeDefined();
    expect(localDay(november!.notBefore)).toBe('2026-11-21');
  });

  it('prorates her team and template targets for the 19 days of leave and says so', async () => {
    const scores = await scorePeriod(deps, parsePeriod('2026-Q4'));
    const visits = scores.reps.get('ann')!.card.indicators.find((i) => i.key === 'visits')!;
    // 92 days in Q4, 19 away: 36 × 73 / 92.
    expect(visits.proration).toBeCloseTo(73 / 92, 10);
    expect(visits.target).toBeCloseTo((36 * 73) / 92, 10);
    expect(visits.leaveDays).toBe(19);
    // Rates are not prorated.
    expect(scores.reps.get('ann')!.card.indicators.find((i) => i.key === 'collection_rate')!.leaveDays).toBeUndefined();
    expect(scores.reps.get('bob')!.card.indicators.find((i) => i.key === 'visits')!.proration).toBe(1);
  });
});
