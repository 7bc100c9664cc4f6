import { describe, expect, it } from 'vitest';
import { prefillGoals } from '../../src/application/interviews/prefill-goals.js';
import type { CalibrationPack } from '../../src/domain/read-models/calibration-pack.js';
import { calibrationPackView } from '../../src/views/calibration-views.js';
import { fmtMoney, fmtPercent } from '../../src/views/format.js';
import { renderText } from '../../src/views/render-text.js';
import { explainLine, fmtIndicatorValue, pacingBlocks } from '../../src/views/scorecard-view.js';
import { aCard, anIndicatorLine } from '../domain/builders.js';

/** Issue 14, "Number hygiene": each kind of figure reads one way, as a person would write it. */
const en = { locale: 'en' as const, currency: 'CNY' };
const zh = { locale: 'zh-CN' as const, currency: 'CNY' };

const pacing = (over: Partial<{ actual: number; projected: number; target: number; more: number; key: 'new_customers' | 'visits' | 'volume' }> = {}) => {
  const key = over.key ?? 'visits';
  return {
    pacing: {
      elapsed: 0.62,
      projected: { ...aCard({ repId: 'ann', total: 55.1, grade: 'C' }) },
      indicators: [{ key, actual: over.actual ?? 12, projected: over.projected ?? 19.35, target: over.target ?? 36, onPace: false }],
      nextGrade: { grade: 'B', pointsNeeded: 4.9, options: [{ indicator: key, more: over.more ?? 22.2 }] },
    },
  } as never;
};
const text = (blocks: ReturnType<typeof pacingBlocks>) => renderText({ title: '', blocks });

describe('number hygiene', () => {
  it('shows counts as whole numbers: a prorated target of 1.8 new customers, a projection of 320.6 units', () => {
    expect(fmtIndicatorValue(en, 'new_customers', 1.8)).toBe('2');
    expect(fmtIndicatorValue(en, 'volume', 320.6)).toBe('321');
    const t = text(pacingBlocks(en, pacing({ key: 'volume', actual: 150, projected: 320.6, target: 300, more: 22.2 })));
    expect(t).toContain('Volume (units): 150 so far → 320 projected vs 300 target');
    expect(t).not.toMatch(/\d\.\d units|320\.6|22\.2/);
  });

  it('writes money as a person would, in each locale, never "¥0.0"', () => {
    expect(fmtMoney('en', 1_500_000, 'CNY')).toBe('¥1.5M');
    expect(fmtMoney('zh-CN', 1_500_000, 'CNY')).toBe('¥150万');
    expect(fmtMoney('en', 721_783, 'CNY')).toBe('¥722K');
    expect(fmtMoney('zh-CN', 96_000, 'CNY')).toBe('¥9.6万');
    expect(fmtMoney('en', 9_600.4, 'CNY')).toBe('¥9,600');
    expect(fmtMoney('en', 0.04, 'CNY')).toBe('¥0');
    expect(fmtMoney('zh-CN', 0, 'CNY')).toBe('¥0');
  });

  it('shows ratios as whole percentages: a collection rate of 1 is "100%"', () => {
    expect(fmtIndicatorValue(en, 'collection_rate', 1)).toBe('100%');
    expect(fmtIndicatorValue(zh, 'collection_rate', 0.6121)).toBe('61%');
    expect(fmtPercent('en', 0.333)).toBe('33%');
  });

  it('shows every score with one decimal: calibration totals as the scorecard does', () => {
    const pack: CalibrationPack = {
      periodKey: '2026-Q3', previousKey: '2026-Q2', graded: 1, overall: [{ grade: 'C', count: 1 }], byManager: [], noData: [], emptyIndicators: [], missing: [],
      adjustments: [{ name: 'ann', delta: 5, reason: 'won a late tender', by: 'hr', at: '2026-10-02T00:00:00Z' }], guideline: {}, warnings: [],
      rule: { k: 1.5, minTeam: 5, bands: 2 }, selfReviews: [], peerFlags: [],
      rows: [{ name: 'ann', team: 'East', total: 61.53, grade: 'C', lastTotal: 56.53, lastGrade: 'D', teamAverage: 62.245, adjusted: 5, outlier: [] }],
    };
    const t = renderText(calibrationPackView('en', pack));
    expect(t).toMatch(/ann\s+East\s+61\.5\s+C\s+56\.5 D\s+62\.2\s+\+5/);
    expect(t).not.toMatch(/\d\.\d\d/);
  });

  it('gets English plurals right: "1 more new customer", "22 more client visits", "12 days of leave"', () => {
    expect(text(pacingBlocks(en, pacing({ key: 'new_customers', actual: 0, projected: 0, target: 1.8, more: 1 })))).toContain('To reach grade B: 1 more new customer');
    expect(text(pacingBlocks(en, pacing({ more: 22 })))).toContain('22 more client visits');
    expect(text(pacingBlocks(zh, pacing({ key: 'new_customers', more: 1 })))).toContain('再多 1 家新客户');
    expect(text(pacingBlocks(zh, pacing({ more: 3 })))).toContain('再多 3 次客户拜访');
    const line = anIndicatorLine({ key: 'visits', actual: 20, target: 31.3, proration: 0.87, leaveDays: 12, score: 63.9 });
    expect(explainLine(en, line, 92)).toContain('less 12 days of leave');
    expect(explainLine(en, { ...line, leaveDays: 1, proration: 91 / 92 }, 92)).toContain('less 1 day of leave');
    expect(explainLine(en, { ...anIndicatorLine({ key: 'satisfaction' }), actual: 4.5, inputs: { sum: 4.5, count: 1 }, scoring: { type: 'rating', min: 1, max: 5 }, target: null, score: 87.5 })).toContain('one rating');
  });
});

describe('leave proration says what happened', () => {
  it('a rep employed the whole quarter with 12 days of leave: "less 12 days of leave", not "employed part of the period"', () => {
    const line = anIndicatorLine({ key: 'visits', actual: 20, target: 31.3, proration: 80 / 92, leaveDays: 12, score: 63.9 });
    expect(explainLine(en, line, 92)).toContain('prorated to 87% (less 12 days of leave)');
    expect(explainLine(en, line, 92)).not.toContain('employed part');
    expect(explainLine(zh, line, 92)).toContain('按比例折算为 87%（扣除 12 天休假）');
  });

  it('a rep who joined mid-quarter and took leave: both are said', () => {
    const line = anIndicatorLine({ key: 'visits', actual: 10, target: 12, proration: 30 / 92, leaveDays: 12, score: 83.3 });
    expect(explainLine(en, line, 92)).toContain('(employed part of the period, less 12 days of leave)');
  });
});

describe('improvement-plan goals', () => {
  it('are actions with a whole-number measure and a date, prefilled from the weakest weighted indicators, not restated gaps', () => {
    const card = aCard({
      repId: 'ann',
      total: 40,
      grade: 'D',
      indicators: [
        anIndicatorLine({ key: 'revenue', actual: 778_217, target: 1_500_000, score: 51.9, effectiveWeight: 30 }),
        anIndicatorLine({ key: 'new_customers', category: 'behaviour', actual: 0, target: 1.8, score: 0, effectiveWeight: 9 }),
        anIndicatorLine({ key: 'visits', category: 'behaviour', actual: 13.8, target: 36, score: 38.3, effectiveWeight: 12 }),
      ],
    });
    const goals = prefillGoals(card, en);
    expect(goals.map((g) => g.text)).toEqual([
      'Sign deals worth ¥1.5M (¥750K by 2026-11-16; ¥778K in 2026-Q3)',
      'Win 2 new customers (1 by 2026-11-16; 0 in 2026-Q3)',
      'Make 36 client visits (18 by 2026-11-16; 14 in 2026-Q3)',
    ]);
    expect(goals.map((g) => g.dueDate)).toEqual(['2026-12-31', '2026-12-31', '2026-12-31']);
    expect(goals[1]!.target).toBe(2);
    expect(prefillGoals(card, zh).map((g) => g.text)[1]).toBe('开发 2 家新客户（2026-11-16 前完成 1；2026-Q3 为 0）');
    for (const g of goals) expect(g.text).not.toMatch(/\+¥|of 1\.8|\d\.\d (new|client|units)/);
  });
});
