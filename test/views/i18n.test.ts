import { describe, expect, it } from 'vitest';
import { messageKeys, t } from '../../src/views/i18n.js';

describe('i18n', () => {
  it('has exactly the same keys in English and Simplified Chinese', () => {
    expect(messageKeys('zh-CN').sort()).toEqual(messageKeys('en').sort());
  });

  it('uses the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of messageKeys('en')) {
      const en = t('en', key as never);
      const zh = t('zh-CN', key as never);
      expect(placeholders(zh), key).toEqual(placeholders(en));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(t('en', 'scorecard.title', { name: 'Ann', period: '2026-Q3' })).toBe('Scorecard: Ann, 2026-Q3');
    expect(t('zh-CN', 'scorecard.title', { name: '王芳', period: '2026-Q3' })).toBe('绩效计分卡：王芳，2026-Q3');
    expect(t('en', 'scorecard.title', { name: 'Ann' })).toBe('Scorecard: Ann, {period}');
  });
});
