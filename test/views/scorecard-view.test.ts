import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getScorecard } from '../../src/application/get-scorecard.js';
import type { ScorecardReport } from '../../src/domain/read-models/scorecard-report.js';
import { scorePeriod } from '../../src/application/score-period.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import { parsePeriod } from '../../src/domain/period.js';
import { rankingView } from '../../src/views/ranking-view.js';
import { displayWidth } from '../../src/domain/text.js';
import { renderText } from '../../src/views/render-text.js';
import { explainLine, scorecardView } from '../../src/views/scorecard-view.js';
import { anIndicatorLine } from '../domain/builders.js';
import { aDeal, aFeedback, aPayment, aPeerReview } from '../helpers/builders.js';
import { smallOrg, T0, visits } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';

let deps: ReturnType<typeof testDeps>;
let q3: ScorecardReport;
let q4: ScorecardReport;

beforeAll(async () => {
  deps = testDeps('2026-11-26T02:00:00Z');
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  await deps.store.activities.insertMany(visits('ann', 'acme', 30, '2026-07-01'));
  await deps.store.activities.insertMany(visits('ann', 'acme', 12, '2026-10-08', 'ann-q4-'));
  await deps.store.deals.insert(aDeal({ id: 'd1', repId: 'ann', accountId: 'acme', amountBase: 900_000, units: 120, signedDate: '2026-07-10', dueDate: '2026-08-10', firstWin: true }));
  await deps.store.payments.insert(aPayment({ dealId: 'd1', repId: 'ann', amountBase: 600_000, dueDate: '2026-08-10', receivedDate: '2026-08-20' }));
  await deps.store.feedback.insert(aFeedback({ repId: 'ann', accountId: 'acme', date: '2026-08-01', service: 5, source: 'survey' }));
  await deps.store.peerReviews.insert(aPeerReview({ fromId: 'bob', toId: 'ann', date: '2026-09-20' }));
  const hr = (await deps.store.people.get('hr'))!;
  q3 = await getScorecard(deps, { actor: hr, repId: 'ann', period: parsePeriod('2026-Q3') });
  q4 = await getScorecard(deps, { actor: hr, repId: 'ann', period: parsePeriod('2026-Q4') });
});
afterAll(() => deps.cleanup());

describe('scorecard view', () => {
  it('explains every indicator with its arithmetic, inputs and points (English)', () => {
    const text = renderText(scorecardView({ locale: 'en', currency: 'CNY' }, q3));
    expect(text).toContain('Revenue: actual ÷ target × 100, capped at 120%; ¥900K ÷ ¥1.5M = 60%; template default; 60.0 × 30% = 18.0 points');
    expect(text).toContain('Collection rate: actual ÷ target × 100, capped at 100%; 66.7% ÷ 100% = 66.7%; ¥600K collected of ¥900K due');
    expect(text).toContain('Customer satisfaction: rating 1–5 mapped to 0–100; (4.5 − 1) ÷ (5 − 1) × 100; one rating');
    expect(text).toMatchSnapshot();
  });

  it('renders the same scorecard in Simplified Chinese', () => {
    const text = renderText(scorecardView({ locale: 'zh-CN', currency: 'CNY' }, q3));
    expect(text).toContain('绩效计分卡：ann，2026-Q3');
    expect(text).toContain('回款率：实际 ÷ 目标 × 100，上限 100%；66.7% ÷ 100% = 66.7%；应收 ¥90万，已回款 ¥60万');
    expect(text).toMatchSnapshot();
  });

  it('shows pacing and the way to the next grade while the quarter runs', () => {
    const text = renderText(scorecardView({ locale: 'en', currency: 'CNY' }, q4));
    expect(text).toContain('Pace: 62% of the period gone');
    expect(text).toMatch(/Client visits: 12 so far → 19 projected vs 36 target/);
    expect(text).toMatchSnapshot();
  });
});

describe('explaining an indicator by its inputs', () => {
  const en = { locale: 'en', currency: 'CNY' } as const;
  const zh = { locale: 'zh-CN', currency: 'CNY' } as const;

  it('says how many key accounts were visited within their cadence', () => {
    const line = anIndicatorLine({ key: 'coverage', actual: 0.75, target: 1, inputs: { covered: 3, owned: 4 } });
    expect(explainLine(en, line)).toContain('3 of 4 key accounts visited within their tier’s cadence');
    expect(explainLine(zh, line)).toContain('4 个重点客户中有 3 个在其级别的拜访周期内被拜访');
  });

  it('shows weighted visits next to the visits they weigh, and nothing extra for plain visits', () => {
    const weighted = anIndicatorLine({ key: 'visits', actual: 12.5, target: 36, inputs: { visits: 10, weightedVisits: 12.5 } });
    expect(explainLine(en, weighted)).toContain('10 visits weighted by account tier = 12.5');
    expect(explainLine(zh, weighted)).toContain('10 次拜访按客户级别加权 = 12.5');
    const plain = anIndicatorLine({ key: 'visits', actual: 10, target: 36, inputs: { visits: 10 } });
    expect(explainLine(en, plain)).toBe('Client visits: actual ÷ target × 100, capped at 120%; 10 ÷ 36 = 27.8%; template default; 0.0 × 0% = 0.0 points');
  });

  it('explains a sum by nothing but its arithmetic', () => {
    const line = anIndicatorLine({ key: 'intel_shared', actual: 3, target: 6, inputs: { posts: 3 } });
    expect(explainLine(en, line)).toBe('Market intel shared: actual ÷ target × 100, capped at 120%; 3 ÷ 6 = 50%; template default; 0.0 × 0% = 0.0 points');
  });
});

describe('ranking view', () => {
  it('renders ranks, the tie rule and who is unranked', async () => {
    const scores = await scorePeriod(deps, parsePeriod('2026-Q3'));
    const view = rankingView('en', {
      periodKey: '2026-Q3',
      entries: scores.ranking.ranked,
      teamNames: new Map([['east', 'East']]),
      unrankedNames: scores.ranking.unranked.map((u) => u.name),
    });
    const text = renderText(view);
    expect(text).toMatch(/^1 {2}ann {2}East/m);
    expect(text).toContain('Not ranked (no records this period): bob, cat');
    expect(text).toContain('share a rank (1, 2, 2, 4)');
  });
});

describe('text renderer', () => {
  it('counts Chinese characters as two cells so tables line up', () => {
    expect(displayWidth('王芳')).toBe(4);
    expect(displayWidth('Ann')).toBe(3);
    const text = renderText({ title: 't', blocks: [{ type: 'table', columns: [{ label: 'A' }, { label: 'B', align: 'right' }], rows: [['王芳', '1'], ['Ann', '22']] }] });
    const rows = text.trimEnd().split('\n');
    expect(rows.map((r) => displayWidth(r))).toEqual([8, 8, 8, 8]);
  });
});

describe('the arithmetic of a prorated count target', () => {
  it('shows the target it divided by, not the whole number the table rounds it to', async () => {
    const { explainLine } = await import('../../src/views/scorecard-view.js');
    const { defaultTemplate } = await import('../../src/domain/scoring/default-template.js');
    const scoring = defaultTemplate('2026-01-01T00:00:00.000Z').categories.flatMap((c) => c.indicators).find((i) => i.key === 'new_customers')!.scoring;
    const line = { key: 'new_customers', category: 'behaviour', actual: 1, target: 1.0435, score: 95.8, capped: false, applied: null, weight: 9, effectiveWeight: 9, contribution: 8.6, targetSource: 'template', proration: 0.5217, leaveDays: 44, scoring } as never;
    const text = explainLine({ locale: 'en', currency: 'CNY' }, line);
    expect(text).toContain('1 ÷ 1.04 = 95.8%');
    expect(text).not.toContain('1 ÷ 1 =');
  });
});
