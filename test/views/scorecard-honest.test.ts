import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trendChartOf } from '../../src/application/jobs/monthly-scorecard.js';
import type { ScorecardReport } from '../../src/domain/read-models/scorecard-report.js';
import type { Locale } from '../../src/domain/model/fields.js';
import { repResultView } from '../../src/views/cycle-views.js';
import { renderText } from '../../src/views/render-text.js';
import { scorecardView } from '../../src/views/scorecard-view.js';
import { appraisalStory } from '../helpers/appraisal-story.js';

/**
 * Issue 14: what a rep reads mid-quarter and after publication. ann logged visits since 2025-Q4;
 * only 2026-Q3 was ever published; on 3 December 2026 she is graded D so far, and HR then publishes
 * 2026-Q4 early (with a reason).
 */
let story: Awaited<ReturnType<typeof appraisalStory>>;
const mid = new Map<Locale, ScorecardReport>();
const q3 = new Map<Locale, ScorecardReport>();
const q4 = new Map<Locale, ScorecardReport>();
const LOCALES: Locale[] = ['en', 'zh-CN'];
const render = (locale: Locale, r: ScorecardReport): string => renderText(scorecardView({ locale, currency: 'CNY' }, r));

beforeAll(async () => {
  story = await appraisalStory();
  for (const l of LOCALES) {
    mid.set(l, await story.midQuarter(l));
    q3.set(l, await story.publishedQ3(l));
  }
  await story.publishQ4Early();
  for (const l of LOCALES) q4.set(l, await story.publishedQ4(l));
}, 60_000);
afterAll(() => story.deps.cleanup());

describe('a mid-quarter scorecard is provisional', () => {
  it('says so, leads with the projection, and shows no bonus tier or flag to HR', () => {
    const text = render('en', mid.get('en')!);
    expect(mid.get('en')!.card.penalty).toBe(true); // graded D so far: the lowest band
    expect(text).not.toContain('Lowest grade: flagged to HR');
    expect(text).not.toContain('Bonus multiplier');
    expect(text).not.toContain('×0');
    const [title, , first, second, third] = text.split('\n');
    expect(title).toBe('Scorecard: ann, 2026-Q4');
    expect(first).toMatch(/^Projected total \(current pace\) +12\.1$/);
    expect(second).toMatch(/^Grade \(provisional, projected\) +D$/);
    expect(third).toMatch(/^Total so far +10\.5$/);
    expect(text).toContain('Provisional: 2026-Q4 runs until 2026-12-31. The grade is final only when HR publishes the results');
    // The pace comes before the indicator table.
    expect(text.indexOf('Pace:')).toBeLessThan(text.indexOf('Indicator'));
  });

  it('reads the same in Simplified Chinese', () => {
    const text = render('zh-CN', mid.get('zh-CN')!);
    expect(text).not.toContain('最低等级：已提交人力资源部');
    expect(text).not.toMatch(/^奖金系数/m);
    expect(text).not.toContain('×0');
    expect(text).toMatch(/^等级（暂定，按预计） +D$/m);
    expect(text).toContain('暂定：2026-Q4 至 2026-12-31 结束。');
  });

  for (const l of LOCALES) it(`snapshot (${l})`, () => expect(render(l, mid.get(l)!)).toMatchSnapshot());
});

describe('a published result is final and consistent', () => {
  it('has no pace or projection, in the DM or the frozen scorecard, though published before the quarter ended', async () => {
    const dm = renderText(await story.resultDm('2026-Q4'));
    for (const text of [dm, render('en', q4.get('en')!)]) {
      expect(text).toContain('Grade');
      expect(text).not.toContain('Pace:');
      expect(text).not.toContain('Projected total');
      expect(text).not.toContain('provisional');
    }
    expect(renderText(repResultView({ locale: 'zh-CN', currency: 'CNY' }, q4.get('zh-CN')!, { bonusAmount: null, awards: [], appealUntil: '2026-12-17' }))).not.toContain('进度');
  });

  it('keeps the comparison and the trend: never-published quarters come from the stored activities', () => {
    const text = render('en', q3.get('en')!);
    expect(text).toMatch(/vs previous period \(14\.8\) +−1\.3/);
    expect(text).toContain('2025-Q4 18.2 (D) → 2026-Q1 16.8 (D) → 2026-Q2 14.8 (D) → 2026-Q3 13.5 (D)');
    // Quarters before ann's first record are left out, not shown as missing.
    expect(text).not.toContain('2025-Q3');
    expect(text).not.toMatch(/\d{4}-Q\d —/);
  });

  for (const l of LOCALES) {
    it(`snapshot of the published 2026-Q3 (${l})`, () => expect(render(l, q3.get(l)!)).toMatchSnapshot());
    it(`snapshot of the early-published 2026-Q4 (${l})`, () => expect(render(l, q4.get(l)!)).toMatchSnapshot());
  }
});

describe('the forecast', () => {
  it('states its method and range, and the chart shows the same number for the same period', () => {
    for (const report of [mid.get('en')!, q3.get('en')!, q4.get('en')!]) {
      const text = render('en', report);
      const m = text.match(/Forecast for (\d{4}-Q\d): ([\d.]+) \(likely ([\d.]+)–([\d.]+)\), from the straight-line trend of the last (\d) quarters/);
      expect(m, text).not.toBeNull();
      const chart = trendChartOf('en', report);
      expect(chart.forecast).toEqual({ period: m![1], total: Number(m![2]), low: Number(m![3]), high: Number(m![4]) });
    }
  });

  it('is not made from fewer than three quarters with a total', () => {
    const report = { ...q3.get('en')!, history: q3.get('en')!.history.map((h) => (h.periodKey < '2026-Q2' ? { ...h, total: null, grade: '' } : h)), forecast: null };
    expect(render('en', report)).toContain('No forecast: it needs at least 3 quarters with a total.');
    expect(render('zh-CN', report)).toContain('暂无预测：至少需要 3 个有总分的季度。');
  });
});
