import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { messageKeys, t } from '../../src/views/i18n.js';

/** docs/glossary.md's table: each term, and the variants the Chinese catalogue must not use. */
const rows = readFileSync(new URL('../../docs/glossary.md', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => /^\|[^-]/.test(l) && !l.startsWith('| English'))
  .map((l) => l.split('|').map((c) => c.trim()))
  .map((cells) => ({ term: cells[2]!, rejected: cells[3]!.split('、').filter(Boolean) }));

const zh = messageKeys('zh-CN').map((key) => ({ key, text: t('zh-CN', key as never) }));

describe('the Chinese glossary (docs/glossary.md)', () => {
  it('fixes the issue’s terms and the ones settled with them', () => {
    const terms = rows.map((r) => r.term);
    for (const term of ['绩效', '考核', '拜访', '回款', '面谈', '校准', '申诉', '补录', '当面拜访', '新建客户', '校准会', '人力资源']) expect(terms).toContain(term);
  });

  it.each(rows.map((r) => [r.term, r] as const))('the catalogue uses %s', (_term, row) => {
    expect(zh.some((e) => e.text.includes(row.term))).toBe(true);
  });

  it.each(rows.map((r) => [r.term, r] as const))('the catalogue never uses a rejected variant of %s', (_term, row) => {
    const offending = zh.flatMap((e) => row.rejected.filter((v) => e.text.includes(v)).map((v) => `${e.key}: ${v}`));
    expect(offending).toEqual([]);
  });

  it('keeps 面谈 for the performance interview: a visit made in person is 当面拜访', () => {
    expect(t('zh-CN', 'form.mode.in_person')).toBe('当面拜访');
    expect(zh.filter((e) => e.key.startsWith('form.mode') && e.text.includes('面谈'))).toEqual([]);
  });

  it('keeps 新客户 for the new-customers indicator: an account added in a form is 新建客户', () => {
    expect(t('zh-CN', 'form.newAccountName')).toBe('新建客户（名称）');
    expect(t('zh-CN', 'indicator.new_customers')).toBe('新客户开发');
  });
});
