import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { viewToBlocks } from '../../src/adapters/slack/render/blocks.js';
import { viewToCard } from '../../src/adapters/lark/render/view-card.js';
import { getScorecard } from '../../src/application/get-scorecard.js';
import { ensureDefaultTemplate } from '../../src/application/templates.js';
import type { Appeal } from '../../src/domain/model/cycle.js';
import type { Locale } from '../../src/domain/model/fields.js';
import type { CalibrationPack } from '../../src/domain/read-models/calibration-pack.js';
import type { ScorecardReport } from '../../src/domain/read-models/scorecard-report.js';
import { parsePeriod } from '../../src/domain/period.js';
import { calibrationPackView } from '../../src/views/calibration-views.js';
import { repResultView } from '../../src/views/cycle-views.js';
import { renderText } from '../../src/views/render-text.js';
import { appealNoticeView } from '../../src/views/reward-views.js';
import type { View } from '../../src/views/view.js';
import { assertCard20, allElements } from '../lark/card-schema.js';
import { smallOrg, T0, visits } from '../helpers/org.js';
import { testDeps } from '../helpers/temp-store.js';

/**
 * Issue 14, "Messages people read in chat": result, appeal and calibration messages lead with a
 * short summary (grade, total, what moved it, what to do next); the full scorecard or pack is
 * folded behind it (a Lark collapsible panel), and Slack gets no monospace code blocks.
 */
let deps: ReturnType<typeof testDeps>;
let q3: ScorecardReport;

beforeAll(async () => {
  deps = testDeps('2026-11-26T02:00:00Z');
  await smallOrg(deps.store);
  await ensureDefaultTemplate(deps);
  await deps.store.activities.insertMany(visits('ann', 'acme', 14, '2026-07-01'));
  await deps.store.deals.insert({
    id: 'd1', repId: 'ann', accountId: 'acme', amount: 96_000, currency: 'CNY', amountBase: 96_000, units: 19,
    product: 'Robots', signedDate: '2026-07-10', dueDate: '2026-08-10', firstWin: false, createdAt: T0,
  });
  const hr = (await deps.store.people.get('hr'))!;
  q3 = await getScorecard(deps, { actor: hr, repId: 'ann', period: parsePeriod('2026-Q3') });
});
afterAll(() => deps.cleanup());

const ctx = (locale: Locale) => ({ locale, currency: 'CNY' });
const appeal: Appeal = { id: 'ap-1', periodKey: '2026-Q3', repId: 'ann', resultVersion: 1, reason: 'The Acme visits of September were logged late', state: 'pending', createdAt: T0 };
const pack: CalibrationPack = {
  periodKey: '2026-Q3', previousKey: '2026-Q2', graded: 6, overall: [{ grade: 'A', count: 2 }, { grade: 'B', count: 2 }, { grade: 'D', count: 2 }],
  byManager: [{ manager: 'mgr', graded: 6, counts: [{ grade: 'A', count: 2 }, { grade: 'B', count: 2 }, { grade: 'D', count: 2 }] }],
  noData: [], emptyIndicators: ['satisfaction'], missing: [{ key: 'collaboration', why: 'no_data', names: ['ann', 'bob'] }], adjustments: [], guideline: {}, warnings: [],
  rule: { k: 1.5, minTeam: 5, bands: 2 }, selfReviews: [], peerFlags: [],
  rows: [
    ['ann', 98.8, 'A', []], ['bob', 97.9, 'A', []], ['cat', 87.6, 'B', ['bands']], ['dan', 84.9, 'B', []], ['eve', 56.8, 'D', []], ['fay', 34.3, 'D', ['team']],
  ].map(([name, total, grade, outlier]) => ({ name: name as string, team: 'East', total: total as number, grade: grade as string, lastTotal: 70, lastGrade: 'C', teamAverage: 76.7, adjusted: 0, outlier: outlier as ('team' | 'bands')[] })),
};

const views: [string, (l: Locale) => View][] = [
  ['published result', (l) => repResultView(ctx(l), q3, { bonusAmount: 12_345, awards: [], appealUntil: '2026-12-10' })],
  ['appeal notice', (l) => appealNoticeView(ctx(l), { appeal, repName: 'ann', report: q3 })],
  ['calibration pack', (l) => calibrationPackView(l, pack)],
];

describe('summaries first in chat messages', () => {
  for (const [name, view] of views) {
    for (const locale of ['en', 'zh-CN'] as const) {
      it(`${name} (${locale}): the summary leads, the full detail is folded behind it`, () => {
        const v = view(locale);
        const folded = v.blocks.findIndex((b) => b.type === 'details');
        expect(folded).toBeGreaterThan(0);
        // Nothing but the short summary before the fold: no table, no scorecard fields.
        expect(v.blocks.slice(0, folded).some((b) => b.type === 'table' || b.type === 'fields')).toBe(false);
        expect(renderText(v)).toMatchSnapshot();
        // Slack: no monospace code block anywhere (it wraps on phones).
        expect(JSON.stringify(viewToBlocks(v))).not.toContain('```');
        // Lark: a valid card with the detail in a folded collapsible panel.
        const card = assertCard20(viewToCard(v));
        expect(allElements(card.body.elements).some((e) => e.tag === 'collapsible_panel' && e.expanded === false)).toBe(true);
      });
    }
  }

  it('a result says what moved it most and what happens next, in both languages', () => {
    const en = renderText(views[0]![1]('en'));
    expect(en).toMatch(/Grade D · total [\d.]+ · bonus multiplier ×0\nBonus: ¥12,345\n/);
    expect(en).toContain('What moved it most: Revenue ¥96K of ¥1.5M (−28.1 points)');
    expect(en.indexOf('Next: HR and your manager')).toBeLessThan(en.indexOf('▸ Full scorecard'));
    const zh = renderText(views[0]![1]('zh-CN'));
    expect(zh).toContain('影响最大的是：销售额 ¥9.6万/¥150万（少得 28.1 分）');
    expect(zh.indexOf('下一步')).toBeLessThan(zh.indexOf('▸ 完整计分卡'));
  });

  it('a calibration pack names its few outliers and states the rule, and lists an indicator empty for everyone once', () => {
    const en = renderText(calibrationPackView('en', pack));
    expect(en).toContain('Outliers: 2 of 6 graded reps marked: cat (G); fay (T).');
    expect(en).toContain('only in teams of 5 or more graded reps');
    expect(en.match(/Customer satisfaction/g)).toHaveLength(1);
    expect(en).toContain('Collaboration (peer rating) — no data for 2 reps: ann, bob');
    expect(renderText(calibrationPackView('zh-CN', pack))).toContain('本期所有人都没有数据（不计分，权重按比例重新分配）：客户满意度。');
  });
});
