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

describe('English plurals', () => {
  it('never writes "(s)": every counted noun takes the count’s plural form', () => {
    const hedged = messageKeys('en').filter((key) => /\w\(s\)/.test(t('en', key as never)));
    expect(hedged).toEqual([]);
  });

  it('picks the form by the count: "1 rep", "2 reps", "0 reps"', () => {
    expect(t('en', 'digest.average', { average: '70.0', graded: 1 })).toBe('Average 70.0 over 1 graded rep.');
    expect(t('en', 'digest.average', { average: '70.0', graded: 2 })).toBe('Average 70.0 over 2 graded reps.');
    expect(t('en', 'digest.average', { average: '70.0', graded: 0 })).toBe('Average 70.0 over 0 graded reps.');
    expect(t('en', 'publish.done', { period: '2026-Q3', version: 1, results: 1, queued: 3 })).toBe('Published 2026-Q3 (version 1): 1 result frozen, 3 messages queued.');
    expect(t('zh-CN', 'digest.average', { average: '70.0', graded: 1 })).not.toContain('|');
  });
});
