import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getScorecard } from '../../src/application/get-scorecard.js';
import { scorePeriod } from '../../src/application/score-period.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import { AppError } from '../../src/domain/errors.js';
import { parsePeriod } from '../../src/domain/period.js';
import { aDeal, anAdjustment, aPayment, aTargetRecord } from '../helpers/builders.js';
import { person, smallOrg, visits } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';

let deps: ReturnType<typeof testDeps>;
beforeEach(async () => {
  deps = testDeps();
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
});
afterEach(() => deps.cleanup());

const Q3 = parsePeriod('2026-Q3');

describe('scorePeriod', () => {
  it('scores every rep from the stored records and ranks them', async () => {
    // ann: 36 visits (target 36 → 100), one ¥1.5M deal (target → 100), fully paid.
    await deps.store.activities.insertMany(visits('ann', 'acme', 36, '2026-07-01'));
    await deps.store.deals.insert(aDeal({ id: 'd1', repId: 'ann', accountId: 'acme', amountBase: 1_500_000, units: 300, signedDate: '2026-07-10', dueDate: '2026-08-10', firstWin: true }));
    await deps.store.payments.insert(aPayment({ dealId: 'd1', repId: 'ann', amountBase: 1_500_000, dueDate: '2026-08-10', receivedDate: '2026-08-09' }));
    // bob: 18 visits only.
    await deps.store.activities.insertMany(visits('bob', 'globex', 18, '2026-08-01'));

    const scores = await scorePeriod(deps, Q3);
    expect([...scores.reps.keys()].sort()).toEqual(['ann', 'bob', 'cat']);
    const ann = scores.reps.get('ann')!;
    expect(ann.actuals).toMatchObject({ visits: 36, revenue: 1_500_000, volume: 300, due: 1_500_000, collected: 1_500_000, accountsServed: 1, newCustomers: 1 });
    // ann — performance: revenue 100 (w50), volume 100 (w15), accounts 1/8 = 12.5 (w15), collection 100 (w20)
    //   = (50·100 + 15·100 + 15·12.5 + 20·100)/100 = 86.875
    // behaviour: visits 100 (w40), new customers 1/2 = 50 (w30), satisfaction neutral 75 (w30) = 40 + 15 + 22.5 = 77.5
    // teamwork: collaboration excluded; intel 0/6 = 0 → 0
    // total = 0.6·86.875 + 0.3·77.5 + 0.1·0 = 52.125 + 23.25 = 75.375 → 75.38, grade B
    expect(ann.card.total).toBe(75.38);
    expect(ann.card.grade).toBe('B');
    // bob — performance: revenue 0, volume 0, accounts 1/8 → 12.5 × 15/80 (collection excluded) = 2.34375
    // behaviour: visits 18/36 = 50 (w40) → 20, new 0, satisfaction 75·0.3 = 22.5 → 42.5
    // total = 0.6·2.34375 + 0.3·42.5 + 0.1·0 = 1.40625 + 12.75 = 14.15625 → 14.16, grade D with penalty
    expect(scores.reps.get('bob')!.card.total).toBe(14.16);
    expect(scores.reps.get('bob')!.card.penalty).toBe(true);
    // cat has no records: not graded, not ranked.
    expect(scores.reps.get('cat')!.card.noData).toBe(true);
    expect(scores.ranking.ranked.map((r) => [r.repId, r.rank, r.teamRank])).toEqual([
      ['ann', 1, 1],
      ['bob', 2, 2],
    ]);
    expect(scores.ranking.unranked.map((u) => u.card.repId)).toEqual(['cat']);
  });

  it('uses team and personal targets from the store, and calibration adjustments', async () => {
    await deps.store.activities.insertMany(visits('ann', 'acme', 20, '2026-07-01'));
    await deps.store.targets.insertMany([
      aTargetRecord({ indicator: 'visits', scope: 'team', scopeId: 'east', value: 40 }),
      aTargetRecord({ indicator: 'visits', scope: 'rep', scopeId: 'ann', value: 20 }),
    ]);
    await deps.store.adjustments.insert(anAdjustment({ id: 'adj1', repId: 'ann', delta: 5, reason: 'Large tender won late in the quarter', byId: 'hr' }));
    await deps.store.activities.insertMany(visits('bob', 'globex', 20, '2026-07-01'));
    const scores = await scorePeriod(deps, Q3);
    const annVisits = scores.reps.get('ann')!.card.indicators.find((l) => l.key === 'visits')!;
    const bobVisits = scores.reps.get('bob')!.card.indicators.find((l) => l.key === 'visits')!;
    expect([annVisits.target, annVisits.targetSource, annVisits.score]).toEqual([20, 'rep', 100]);
    expect([bobVisits.target, bobVisits.targetSource, bobVisits.score]).toEqual([40, 'team', 50]);
    const ann = scores.reps.get('ann')!.card;
    expect(ann.total).toBe(ann.baseTotal + 5);
    expect(ann.adjustments).toEqual([{ id: 'adj1', delta: 5, reason: 'Large tender won late in the quarter', by: 'hr' }]);
  });

  it('prorates template targets for a rep who joined mid-quarter and leaves out people who were not reps then', async () => {
    // Joined 2026-08-16: employed 46 of the quarter's 92 days → visits target 36 × 0.5 = 18.
    await deps.store.people.insertMany([
      person('dan', { teamId: 'east', joinDate: '2026-08-16' }),
      person('eve', { teamId: 'east', joinDate: '2026-10-01' }),
    ]);
    await deps.store.activities.insertMany(visits('dan', 'acme', 9, '2026-08-17'));
    const scores = await scorePeriod(deps, Q3);
    expect(scores.reps.has('eve')).toBe(false);
    const line = scores.reps.get('dan')!.card.indicators.find((l) => l.key === 'visits')!;
    expect([line.proration, line.target, line.score]).toEqual([0.5, 18, 50]);
  });
});

describe('getScorecard', () => {
  beforeEach(async () => {
    await deps.store.activities.insertMany(visits('ann', 'acme', 10, '2026-10-08'));
    await deps.store.activities.insertMany(visits('ann', 'acme', 30, '2026-07-01', 'ann-q3-'));
    await deps.store.activities.insertMany(visits('cat', 'acme', 5, '2026-10-08'));
  });

  const actor = async (id: string) => (await deps.store.people.get(id))!;
  const Q4 = parsePeriod('2026-Q4');

  it('lets a rep see their own scorecard with comparison, pacing and history', async () => {
    const report = await getScorecard(deps, { actor: await actor('ann'), repId: 'ann', period: Q4 });
    expect(report.card.repId).toBe('ann');
    // 2026-11-26 is day 57 of the 92-day Q4 (Oct 31 + Nov 26).
    expect(report.pacing?.elapsed).toBeCloseTo(57 / 92, 10);
    const visitsPace = report.pacing!.indicators.find((i) => i.key === 'visits')!;
    // 10 visits so far → 10 / (57/92) = 16.14 projected, below the 36 target.
    expect(visitsPace.projected).toBeCloseTo(16.1404, 3);
    expect(visitsPace.onPace).toBe(false);
    expect(report.history.map((h) => h.periodKey)).toEqual(['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3']);
    expect(report.history[3]!.total).not.toBeNull();
    expect(report.comparison.previousTotal).toBe(report.history[3]!.total);
  });

  it('lets the manager see their reps, HR everyone, and refuses anyone else', async () => {
    await expect(getScorecard(deps, { actor: await actor('mgr'), repId: 'ann', period: Q4 })).resolves.toBeTruthy();
    await expect(getScorecard(deps, { actor: await actor('hr'), repId: 'cat', period: Q4 })).resolves.toBeTruthy();
    for (const [who, whom] of [['bob', 'ann'], ['mgr', 'cat'], ['mgr2', 'ann']] as const) {
      const err = await getScorecard(deps, { actor: await actor(who), repId: whom, period: Q4 }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('FORBIDDEN');
    }
  });

  it('answers NOT_FOUND for an unknown person', async () => {
    const err = await getScorecard(deps, { actor: await actor('hr'), repId: 'nobody', period: Q4 }).catch((e: unknown) => e);
    expect((err as AppError).code).toBe('NOT_FOUND');
  });
});
