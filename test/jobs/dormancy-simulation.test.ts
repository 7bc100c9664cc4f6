import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runJob } from '../../src/application/jobs/job.js';
import { weeklyNudge } from '../../src/application/jobs/weekly-nudge.js';
import { scorePeriod } from '../../src/application/score-period.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import { addDays, zonedInstant } from '../../src/domain/dates.js';
import { KpiTemplateSchema } from '../../src/domain/model/template.js';
import { parsePeriod } from '../../src/domain/period.js';
import { defaultTemplate } from '../../src/domain/scoring/default-template.js';
import { workCalendar } from '../../src/domain/work-calendar.js';
import { smallOrg, T0, visits } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';

/**
 * Coverage and dormancy across a simulated quarter (issue 8). ann owns Acme (tier A: every 45 days)
 * and visits it on 5 October and 25 November; bob owns Globex (strategic: every 30 days) and
 * visits it on 2 October only. The weekly nudge runs every Monday of 2026-Q4.
 */
let deps: ReturnType<typeof testDeps>;
const dormantOn = new Map<string, string[]>(); // Monday → who was told about a dormant account

beforeAll(async () => {
  deps = testDeps('2026-09-30T16:00:00.000Z');
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  for (const [id, user] of [['ann', 'UANN'], ['bob', 'UBOB']] as const) await deps.store.people.put({ ...(await deps.store.people.get(id))!, identities: [`slack:${user}`] });
  await deps.store.activities.insertMany([
    ...visits('ann', 'acme', 1, '2026-10-05', 'a1'),
    ...visits('ann', 'acme', 1, '2026-11-25', 'a2'),
    ...visits('bob', 'globex', 1, '2026-10-02', 'g1'),
  ]);
  const calendar = workCalendar({ holidays: [], makeUpDays: [] });
  for (let day = '2026-10-05'; day <= '2026-12-31'; day = addDays(day, 7)) {
    deps.clock.set(zonedInstant(day, 7, 0, 'Asia/Shanghai'));
    const r = await runJob(deps, weeklyNudge, { date: day, platforms: ['slack'], calendar, owner: 'a', dryRun: true });
    dormantOn.set(
      day,
      r.deliveries.filter((d) => JSON.stringify(d.message.view).includes('Key accounts past their visit cadence')).map((d) => (d.target.kind === 'dm' ? d.target.identity : '')),
    );
  }
}, 60_000);
afterAll(() => deps.cleanup());

describe('dormancy and coverage across 2026-Q4', () => {
  it('lists Acme only on the Monday it is 45+ days since the last visit, Globex from the Monday it is 30+ days', () => {
    const annWeeks = [...dormantOn].filter(([, who]) => who.includes('slack:UANN')).map(([d]) => d);
    // 5 October + 45 days = 19 November: dormant on Monday 23 November; visited again on the 25th.
    expect(annWeeks).toEqual(['2026-11-23']);
    const bobWeeks = [...dormantOn].filter(([, who]) => who.includes('slack:UBOB')).map(([d]) => d);
    // 2 October + 30 days = 1 November: every Monday from 2 November.
    expect(bobWeeks).toEqual(['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30', '2026-12-07', '2026-12-14', '2026-12-21', '2026-12-28']);
  });

  it('scores coverage as of the day asked: in the middle of the quarter and at its end', async () => {
    const base = defaultTemplate(T0);
    const template = KpiTemplateSchema.parse({
      ...base,
      categories: base.categories.map((c) =>
        c.key !== 'behaviour'
          ? c
          : { ...c, indicators: [...c.indicators.map((i) => ({ ...i, weight: i.weight * 0.9 })), { key: 'coverage', weight: 10, scoring: { type: 'ratio', cap: 1 }, missing: { policy: 'exclude' }, defaultTarget: 1 }] },
      ),
    });
    const coverage = async (rep: string) => (await scorePeriod(deps, parsePeriod('2026-Q4'), { template })).reps.get(rep)!.card.indicators.find((i) => i.key === 'coverage')!.inputs;
    deps.clock.set(zonedInstant('2026-11-23', 9, 0, 'Asia/Shanghai'));
    expect(await coverage('ann')).toEqual({ covered: 0, owned: 1 });
    deps.clock.set(zonedInstant('2027-01-05', 9, 0, 'Asia/Shanghai')); // after the quarter: as of 31 December
    expect(await coverage('ann')).toEqual({ covered: 1, owned: 1 }); // 25 November is 36 days before
    expect(await coverage('bob')).toEqual({ covered: 0, owned: 1 });
  });
});
