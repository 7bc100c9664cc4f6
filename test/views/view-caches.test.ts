import { describe, expect, it } from 'vitest';
import type { Scoring } from '../../src/domain/model/template.js';
import { fmtMoney, fmtMoneyExact } from '../../src/views/format.js';
import { t } from '../../src/views/i18n.js';
import { explainLine } from '../../src/views/scorecard-view.js';
import { anIndicatorLine } from '../domain/builders.js';

/**
 * Issue 16 made the scorecard's texts cheaper by remembering what depends only on the template's
 * scoring functions, the locale or the currency. Remembering must never hand one template, locale
 * or currency the text of another: these ask alternately, in one process, and each gets its own.
 */
const en = { locale: 'en', currency: 'CNY' } as const;
const zh = { locale: 'zh-CN', currency: 'CNY' } as const;

describe('texts remembered per template, locale and currency', () => {
  it('writes each scoring function’s own formula and cap, however the templates and locales alternate', () => {
    const cap120: Scoring = { type: 'ratio', cap: 1.2 };
    const cap150: Scoring = { type: 'ratio', cap: 1.5 };
    const line = (scoring: Scoring) =>
      anIndicatorLine({ key: 'visits', actual: 48, target: 30, scoring, score: scoring.type === 'ratio' ? scoring.cap * 100 : 0, capped: true, effectiveWeight: 20, contribution: 24 });
    for (let round = 0; round < 2; round++) {
      expect(explainLine(en, line(cap120))).toBe('Client visits: actual ÷ target × 100, capped at 120%; 48 ÷ 30 = 160% → capped 120%; template default; 120.0 × 20% = 24.0 points');
      expect(explainLine(en, line(cap150))).toBe('Client visits: actual ÷ target × 100, capped at 150%; 48 ÷ 30 = 160% → capped 150%; template default; 150.0 × 20% = 24.0 points');
      expect(explainLine(zh, line(cap150))).toBe('客户拜访次数：实际 ÷ 目标 × 100，上限 150%；48 ÷ 30 = 160% → 已封顶 150%；模板默认目标；150.0 × 20% = 24.0 分');
      expect(explainLine(zh, line(cap120))).toBe('客户拜访次数：实际 ÷ 目标 × 100，上限 120%；48 ÷ 30 = 160% → 已封顶 120%；模板默认目标；120.0 × 20% = 24.0 分');
    }
  });

  it('writes money in the currency asked for, in each locale', () => {
    for (let round = 0; round < 2; round++) {
      expect([fmtMoney('en', 1_500_000, 'CNY'), fmtMoney('en', 1_500_000, 'USD'), fmtMoney('zh-CN', 1_500_000, 'CNY')]).toEqual(['¥1.5M', '$1.5M', '¥150万']);
      expect([fmtMoneyExact('en', 9_600, 'USD'), fmtMoneyExact('en', 9_600, 'CNY')]).toEqual(['$9,600', '¥9,600']);
    }
  });

  it('looks a text up in the locale asked for, and picks a plural form by each call’s count', () => {
    for (let round = 0; round < 2; round++) {
      expect(t('en', 'indicator.visits')).toBe('Client visits');
      expect(t('zh-CN', 'indicator.visits')).toBe('客户拜访次数');
      expect(t('en', 'inputs.peerWithheld', { count: 1, floor: 3 })).toMatch(/^1 peer review so far/);
      expect(t('en', 'inputs.peerWithheld', { count: 2, floor: 3 })).toMatch(/^2 peer reviews so far/);
      expect(t('zh-CN', 'inputs.peerWithheld', { count: 2, floor: 3 })).toMatch(/^目前收到 2 条互评/);
    }
  });
});
