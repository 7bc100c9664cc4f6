import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enqueue } from '../../src/application/delivery/enqueue.js';
import { monthlyScorecard } from '../../src/application/jobs/monthly-scorecard.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import { workCalendar } from '../../src/domain/work-calendar.js';
import { generateBench } from '../../scripts/bench/generate.js';
import { anAbsence, anAdjustment, aPerson } from '../helpers/builders.js';
import { testDeps } from '../helpers/temp-store.js';

/**
 * The monthly scorecard round's queued messages, byte for byte, for a small generated organisation
 * (the benchmark's generator: two teams, both languages, prorated joiners and leavers, five
 * quarters of records) plus a calibration adjustment, a long leave, a rep without a team and a
 * newcomer without records. The planning was restructured for speed (issue 16): this file pins
 * what it queues, recorded with the planning as it was before.
 */
const RUN_DATE = '2026-12-01';
let deps: ReturnType<typeof testDeps>;

beforeEach(async () => {
  deps = testDeps(`${RUN_DATE}T02:00:00Z`); // 10:00 in Shanghai
  await ensureDefaultTemplate(deps);
  for (const batch of generateBench({ reps: 60, activities: 3000, today: RUN_DATE, createdAt: deps.clock.now().toISOString(), batchSize: 5000 })) {
    await (deps.store[batch.collection].insertMany as (r: readonly unknown[]) => Promise<number>)(batch.records);
  }
  await deps.store.people.insertMany([
    aPerson({ id: 'solo', name: 'Solo Rep', joinDate: '2025-01-01', identities: ['slack:USOLO'], locale: 'zh-CN' }),
    aPerson({ id: 'newbie', name: 'New Rep', teamId: 'team-0002', managerId: 'mgr-0002', joinDate: '2026-11-20', identities: ['slack:UNEW'] }),
  ]);
  await deps.store.adjustments.insert(anAdjustment({ periodKey: '2026-Q4', repId: 'rep-00003', delta: 3, byId: 'mgr-0001' }));
  await deps.store.absences.insert(anAbsence({ personId: 'rep-00004', from: '2026-10-08', to: '2026-11-20', createdBy: 'rep-00004' }));
});
afterEach(() => deps.cleanup());

describe('monthly scorecard round', () => {
  it('queues the same messages as before the planning was restructured', async () => {
    const run = { date: RUN_DATE, runKey: '2026-12', platforms: ['slack'] as const, calendar: workCalendar({ holidays: [], makeUpDays: [] }) };
    const deliveries = await monthlyScorecard.plan(deps, run);
    expect(await enqueue(deps, deliveries)).toEqual({ queued: 62, skipped: 0 });
    const queued = (await deps.store.outbox.find()).sort((a, b) => a.key.localeCompare(b.key));
    await expect(JSON.stringify(queued, null, 1)).toMatchFileSnapshot('__snapshots__/monthly-round-golden.json');
  });
});
