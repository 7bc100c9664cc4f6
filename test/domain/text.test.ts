import { describe, expect, it } from 'vitest';
import { Reason } from '../../src/domain/model/cycle.js';
import { displayWidth, line, normaliseLine, normaliseText, text } from '../../src/domain/text.js';

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

describe('a written reason (Reason) counts a Chinese character as two', () => {
  // Ten Latin characters are a short phrase; ten Chinese characters are a full sentence. The
  // reviewers' "年底提前评审" (6 characters, "early year-end review") was refused as too short.
  it('accepts five Chinese characters or ten Latin ones, and refuses less', () => {
    expect(Reason.safeParse('年底提前评审').success).toBe(true);
    expect(Reason.safeParse('董事会要求').success).toBe(true);
    expect(Reason.safeParse('太短了').success).toBe(false);
    expect(Reason.safeParse('年底评审').success).toBe(false);
    expect(Reason.safeParse('board meet').success).toBe(true);
    expect(Reason.safeParse('too short').success).toBe(false);
    expect(Reason.safeParse('   太短了   ').error?.issues[0]?.message).toBe('give a reason of at least 10 characters');
  });

  it('measures display width: East Asian wide characters two cells, others one', () => {
    expect(displayWidth('王芳')).toBe(4);
    expect(displayWidth('Ann')).toBe(3);
    expect(displayWidth('（B）')).toBe(5);
    expect(displayWidth('한국')).toBe(4);
    expect(displayWidth('𠀀')).toBe(2);
    expect(displayWidth('')).toBe(0);
  });
});
