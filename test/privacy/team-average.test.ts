import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getRanking } from '../../src/application/get-ranking.js';
import { getScorecard } from '../../src/application/get-scorecard.js';
import type { ScorecardReport } from '../../src/domain/read-models/scorecard-report.js';
import { runJob } from '../../src/application/jobs/job.js';
import { monthlyScorecard } from '../../src/application/jobs/monthly-scorecard.js';
import { setCyclePolicy, setRankingPrivacy, RANKING_MODES, type RankingPrivacy } from '../../src/application/settings.js';
import { openCycle } from '../../src/application/cycle/open-cycle.js';
import { publishResults } from '../../src/application/cycle/publish-results.js';
import { startReview } from '../../src/application/cycle/start-review.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import type { Person } from '../../src/domain/model/people.js';
import { parsePeriod } from '../../src/domain/period.js';
import { workCalendar } from '../../src/domain/work-calendar.js';
import { renderText } from '../../src/views/render-text.js';
import { scorecardView } from '../../src/views/scorecard-view.js';
import { anAccount, aTeam } from '../helpers/builders.js';
import { person, T0, visits } from '../helpers/org.js';
import { refusal } from '../helpers/refusal.js';
import { testDeps } from '../helpers/temp-store.js';

/**
 * Issue 13: the team average must not let a rep deduce a teammate's figures. Teams: "duo" (2 reps),
 * "trio" (3 reps), "five" (5 reps), each with its manager; an HR person and an admin. Every rep has
 * a different number of visits in 2026-Q4 (today is 26 November), so every total differs.
 */
let deps: ReturnType<typeof testDeps>;
const Q4 = parsePeriod('2026-Q4');
const TEAMS = { duo: ['d1', 'd2'], trio: ['t1', 't2', 't3'], five: ['f1', 'f2', 'f3', 'f4', 'f5'] } as const;
const VISITS: Record<string, number> = { d1: 6, d2: 14, t1: 8, t2: 16, t3: 24, f1: 2, f2: 10, f3: 18, f4: 26, f5: 34 };

beforeEach(async () => {
  deps = testDeps('2026-11-26T02:00:00Z');
  await ensureDefaultTemplate(deps);
  const people: Person[] = [person('hr', { roles: ['hr'] }), person('admin', { roles: ['admin'] })];
  for (const [team, reps] of Object.entries(TEAMS)) {
    await deps.store.teams.insert(aTeam({ id: team }));
    people.push(person(`m-${team}`, { roles: ['manager'], teamId: team }));
    for (const id of reps) {
      people.push(person(id, { teamId: team, managerId: `m-${team}`, identities: [`slack:U${id.toUpperCase()}`] }));
    }
  }
  await deps.store.people.insertMany(people);
  for (const team of Object.keys(TEAMS)) await deps.store.teams.put(aTeam({ id: team, managerId: `m-${team}` }));
  await deps.store.accounts.insert(anAccount({ id: 'acme', name: 'Acme' }));
  for (const [id, count] of Object.entries(VISITS)) await deps.store.activities.insertMany(visits(id, 'acme', count, '2026-10-01'));
});
afterEach(() => deps.cleanup());

const get = async (id: string) => (await deps.store.people.get(id))!;
const mode = async (m: RankingPrivacy['mode']) => setRankingPrivacy(deps, await get('admin'), { mode: m, topN: 1 });
const card = (viewer: string, rep: string) => get(viewer).then((actor) => getScorecard(deps, { actor, repId: rep, period: Q4 }));
const shown = (r: ScorecardReport) => renderText(scorecardView({ locale: 'en', currency: 'CNY' }, r));

describe('what each role learns of the team average, under each ranking mode', () => {
  it('managers of the team, HR and admins see the exact average in every mode; another team’s manager sees nothing', async () => {
    const exact = await card('hr', 'd1');
    expect(exact.comparison.teamAverage).not.toBeNull();
    for (const m of RANKING_MODES) {
      await mode(m);
      for (const viewer of ['m-duo', 'hr', 'admin']) {
        const r = await card(viewer, 'd1');
        expect([m, viewer, r.comparison.teamAverage, r.comparison.vsTeam]).toEqual([m, viewer, exact.comparison.teamAverage, exact.comparison.vsTeam]);
      }
      const err = await refusal(card('m-trio', 'd1'));
      expect(err.code).toBe('FORBIDDEN');
    }
  });

  it('under full ranking a rep sees the exact average: every teammate’s score is on the ranking anyway', async () => {
    await mode('full');
    const r = await card('d1', 'd1');
    expect(r.comparison.teamAverage).toBe((await card('hr', 'd1')).comparison.teamAverage);
    const ranking = await getRanking(deps, await get('d1'), { period: Q4 });
    expect(ranking.showScores).toBe(true);
    expect(ranking.entries.find((e) => e.repId === 'd2')?.total).toBe((await card('hr', 'd2')).card.total);
  });

  for (const m of ['rank_only', 'top_n', 'own_only'] as const) {
    it(`under ${m} a rep in a 2- or 3-rep team cannot derive a teammate’s total: no average, no delta, no band`, async () => {
      await mode(m);
      for (const [rep, mates] of [['d1', ['d2']], ['t1', ['t2', 't3']]] as const) {
        const hrView = (await card('hr', rep)).comparison;
        const r = await card(rep, rep);
        expect(r.comparison).toMatchObject({ teamAverage: null, vsTeam: null, teamBand: null });
        // The arithmetic attack: whatever the teammates score, the rep is shown exactly the same
        // thing, so nothing about them can be derived from it (in a 2-rep team own total − delta
        // was the teammate's total; in a 3-rep team average × 3 − own was their sum).
        const before = shown(r);
        expect(before).not.toContain('team average');
        for (const mate of mates) await deps.store.activities.insertMany(visits(mate, 'acme', 9, '2026-11-02', `${mate}-more-`));
        const hrAfter = (await card('hr', rep)).comparison;
        expect(hrAfter.teamAverage).not.toBe(hrView.teamAverage);
        expect(shown(await card(rep, rep))).toBe(before);
        // Nor through the ranking: no scores of others (top_n shows only the top one, here the best rep of "five").
        const ranking = await getRanking(deps, await get(rep), { period: Q4 });
        const seen = ranking.showScores ? ranking.entries.filter((e) => e.repId !== rep).map((e) => e.repId) : [];
        for (const mate of mates) expect(seen).not.toContain(mate);
      }
    });

    it(`under ${m} a rep in a team with at least 4 other graded reps sees only a band`, async () => {
      await mode(m);
      const hrView = (await card('hr', 'f1')).comparison;
      const r = await card('f1', 'f1');
      expect(r.comparison.teamAverage).toBeNull();
      expect(r.comparison.vsTeam).toBeNull();
      // f1 has the fewest visits of the five: well below the average.
      expect(hrView.vsTeam!).toBeLessThan(-2.5);
      expect(r.comparison.teamBand).toBe('below');
      const text = shown(r);
      expect(text).toMatch(/vs team average\s+below/);
      expect(text).not.toContain(String(hrView.teamAverage));
      const zh = renderText(scorecardView({ locale: 'zh-CN', currency: 'CNY' }, r));
      expect(zh).toContain('与团队平均相比');
      expect(zh).toContain('低于平均');
    });
  }

  it('HR can raise the minimum team size; below it the band goes too, and it cannot go under 4', async () => {
    await mode('rank_only');
    await setCyclePolicy(deps, await get('hr'), { key: 'comparison-floor', args: ['5'] });
    expect((await card('f1', 'f1')).comparison.teamBand).toBeNull();
    const err = await refusal(setCyclePolicy(deps, await get('hr'), { key: 'comparison-floor', args: ['3'] }));
    expect(err.code).toBe('VALIDATION');
    const rep = await refusal(setCyclePolicy(deps, await get('f1'), { key: 'comparison-floor', args: ['9'] }));
    expect(rep.code).toBe('FORBIDDEN');
  });

  it('under full ranking, a teammate who opted out of rankings keeps the average from being exact', async () => {
    await mode('full');
    const privacy = { mode: 'full', topN: 10, optOut: ['d2'] };
    await deps.store.settings.put({ id: 'ranking.privacy', value: privacy, updatedAt: T0 });
    expect((await card('d1', 'd1')).comparison).toMatchObject({ teamAverage: null, vsTeam: null, teamBand: null });
    // The manager still sees it exactly.
    expect((await card('m-duo', 'd1')).comparison.teamAverage).not.toBeNull();
  });

  it('the monthly scorecard DM follows the same rule', async () => {
    await mode('own_only');
    deps.clock.set(new Date('2026-11-30T23:00:00Z'));
    await runJob(deps, monthlyScorecard, { date: '2026-12-01', platforms: ['slack'], calendar: workCalendar({ holidays: [], makeUpDays: [] }), owner: 'a' });
    const items = await deps.store.outbox.find({});
    expect(items.length).toBe(10);
    const to = (user: string) => JSON.stringify(items.find((i) => JSON.stringify(i.target).includes(user))!.message);
    expect(to('UD1')).toContain('Scorecard: d1');
    expect(to('UD1')).not.toContain('team average');
    expect(to('UF1')).toMatch(/vs team average[^}]*below/);
  });

  it('the published result (its DM and /scorecard on the published period) follows the same rule', async () => {
    for (const [id, count] of Object.entries(VISITS)) await deps.store.activities.insertMany(visits(id, 'acme', count, '2026-07-01', `${id}-q3-`));
    await mode('rank_only');
    const hr = await get('hr');
    await openCycle(deps, hr, { period: '2026-Q3' });
    await startReview(deps, hr, { period: '2026-Q3' });
    await publishResults(deps, hr, { period: '2026-Q3', platforms: ['slack'] });
    const dms = await deps.store.outbox.find({ job: 'publish-results' });
    const to = (user: string) => JSON.stringify(dms.find((i) => JSON.stringify(i.target).includes(`slack:${user}`))!.message);
    expect(to('UD1')).toContain('Your 2026-Q3 appraisal result');
    expect(to('UD1')).not.toMatch(/Team average|team average/);
    expect(to('UT1')).not.toMatch(/Team average|team average/);
    expect(to('UF1')).toContain('You are below the team average.');
    const Q3 = parsePeriod('2026-Q3');
    const own = await getScorecard(deps, { actor: await get('d1'), repId: 'd1', period: Q3 });
    expect(own.comparison).toMatchObject({ teamAverage: null, vsTeam: null, teamBand: null });
    const manager = await getScorecard(deps, { actor: await get('m-duo'), repId: 'd1', period: Q3 });
    expect(manager.comparison.teamAverage).not.toBeNull();
  });
});
