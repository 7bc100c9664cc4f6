import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assemblePack } from '../../src/application/cycle/calibration-pack.js';
import { latestResults } from '../../src/application/cycle/frozen-report.js';
import { publishResults } from '../../src/application/cycle/publish-results.js';
import { annualSummaryJob } from '../../src/application/jobs/annual-summary.js';
import { quarterlyDigest } from '../../src/application/jobs/quarterly-digest.js';
import { scorePeriod } from '../../src/application/score-period.js';
import { parsePeriod } from '../../src/domain/period.js';
import { roundScore } from '../../src/domain/scoring/grading.js';
import { workCalendar } from '../../src/domain/work-calendar.js';
import { fmtDelta, fmtScore } from '../../src/views/format.js';
import { visits } from '../helpers/org.js';
import { recipient, rewardsQuarter, SLACK, type Deps } from './rewards-fixture.js';

/**
 * The siblings of the history fix (history-published.test.ts): every comparison with an earlier,
 * published quarter uses what was published. ann's 2026-Q3 was published (grade B); more Q3 visits
 * stored afterwards would score the quarter higher. The calibration pack's "last quarter", the
 * quarterly digest's movers and the January summary's quarters must show the published figure.
 */
let deps: Deps;
let p: Awaited<ReturnType<typeof rewardsQuarter>>['people'];
let published: number;
let rescored: number;
const Q3 = parsePeriod('2026-Q3');
const Q4 = parsePeriod('2026-Q4');
const calendar = workCalendar({ holidays: [], makeUpDays: [] });

beforeEach(async () => {
  ({ deps, people: p } = await rewardsQuarter());
  await publishResults(deps, p.hr, { period: '2026-Q3', platforms: SLACK });
  published = (await latestResults(deps, '2026-Q3', ['ann'])).get('ann')!.scorecard.total;
  await deps.store.activities.insertMany([...visits('ann', 'acme', 40, '2026-09-01', 'ann-late-'), ...visits('ann', 'acme', 12, '2026-10-05', 'ann-q4-')]);
  rescored = (await scorePeriod(deps, Q3, { reps: [p.ann] })).reps.get('ann')!.card.total;
});
afterEach(() => deps.cleanup());

describe('a published previous quarter', () => {
  it('differs from the quarter scored again (the premise)', () => {
    expect(rescored).not.toBe(published);
  });

  it("is the calibration pack's last quarter", async () => {
    const pack = await assemblePack(deps, Q4);
    const ann = pack.rows.find((r) => r.name === 'ann')!;
    expect([ann.lastTotal, ann.lastGrade]).toEqual([published, 'B']);
  });

  it("is what the quarterly digest's movers are measured against", async () => {
    const q4 = (await scorePeriod(deps, Q4, { reps: [p.ann] })).reps.get('ann')!.card.total;
    const deliveries = await quarterlyDigest.plan(deps, { date: '2027-01-04', runKey: '2026-Q4', platforms: SLACK, calendar });
    const hr = JSON.stringify(deliveries.find((d) => recipient(d) === 'slack:UHR')!.message.view);
    expect(hr).toContain(`ann ${fmtDelta('en', roundScore(q4 - published))}`);
    expect(hr).not.toContain(`ann ${fmtDelta('en', roundScore(q4 - rescored))}`);
  });

  it("is the January summary's quarter", async () => {
    const deliveries = await annualSummaryJob.plan(deps, { date: '2027-01-04', runKey: '2026', platforms: SLACK, calendar });
    const ann = JSON.stringify(deliveries.find((d) => recipient(d) === 'slack:UANN')!.message.view);
    expect(ann).toContain(JSON.stringify(['2026-Q3', fmtScore('en', published), 'B']));
  });
});
