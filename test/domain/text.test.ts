import { describe, expect, it } from 'vitest';
import { line, normaliseLine, normaliseText, text } from '../../src/domain/text.js';

describe('normaliseText (multi-line fields)', () => {
  it('removes C0 and C1 controls and DEL but keeps line breaks and tabs', () => {
    expect(normaliseText('a\u0000b\u0007c\u001b[31md\u007fe\u0085f\u009bg')).toBe('abc[31mdefg');
    expect(normaliseText('line 1\nline 2\tcol')).toBe('line 1\nline 2\tcol');
    expect(normaliseText('windows\r\nmac\rend')).toBe('windows\nmac\nend');
  });

  it('removes bidi overrides, isolates and marks, and zero-width oddities, keeping joiners', () => {
    expect(normaliseText('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(normaliseText('\u2066a\u2069\u202Ab\u202C\u200Ec\u200F\u061C')).toBe('abc');
    expect(normaliseText('\uFEFFzero\u200Bwidth\u2060soft\u00ADhyphen')).toBe('zerowidthsofthyphen');
    expect(normaliseText('👩\u200D💻 ک\u200Cه')).toBe('👩\u200D💻 ک\u200Cه');
  });

  it('composes to NFC', () => {
    expect(normaliseText('Cafe\u0301')).toBe('Café');
  });
});

describe('normaliseLine (one-line fields)', () => {
  it('turns stray line breaks and tabs into one space', () => {
    expect(normaliseLine('Acme\nCorp')).toBe('Acme Corp');
    expect(normaliseLine('Acme \r\n\t Corp\n')).toBe('Acme Corp ');
    expect(normaliseLine('王\u0000芳\u202E')).toBe('王芳');
  });
});

describe('the zod helpers', () => {
  it('normalise before trimming and counting', () => {
    expect(line(5).parse(' \u202Eabc\n\u0000 ')).toBe('abc');
    expect(line(3).safeParse('ab\u200Bc').success).toBe(true);
    expect(text(100).parse('  note\r\nmore\u0007 ')).toBe('note\nmore');
    expect(line(3).safeParse('abcd').error?.issues[0]?.message).toBe('at most 3 characters');
  });
});
