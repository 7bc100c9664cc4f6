import { describe, expect, it } from 'vitest';
import { toCsv } from '../../src/application/exports/csv.js';
import { toXlsx } from '../../src/application/exports/xlsx.js';
import { strFromU8, unzipSync } from 'fflate';

const csv = (cells: (string | number | null)[]) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(toCsv({ header: ['h'], rows: cells.map((c) => [c]) })).replace(/^\uFEFF/, '').split('\r\n').slice(1, -1);

describe('CSV export cells cannot split or run in any locale', () => {
  it('quotes every cell holding a separator of a common locale (comma, semicolon, tab)', () => {
    // Excel in German, French, Russian … locales splits CSV on ';': unquoted, the second half of
    // this cell would become its own cell starting with '=' and run as a DDE formula.
    expect(csv(["x;=cmd|' /C calc'!A0"])).toEqual([`"x;=cmd|' /C calc'!A0"`]);
    expect(csv(['a\tb', 'a,b', 'a;b'])).toEqual(['"a\tb"', '"a,b"', '"a;b"']);
  });

  it('escapes formula prefixes, also behind leading spaces, and quotes whatever holds a separator', () => {
    expect(csv(['=1+1', '+1', '-2 visits', '@SUM(A1)', ' =1+1', '\t=1', '\r=1', '=A1;B1'])).toEqual([
      `'=1+1`,
      `'+1`,
      `'-2 visits`,
      `'@SUM(A1)`,
      `' =1+1`,
      `"'\t=1"`,
      `"'\r=1"`,
      `"'=A1;B1"`,
    ]);
  });

  it('leaves plain text, numbers and empty cells as they are', () => {
    expect(csv(['Ann Lee', 'a=b', -1.5, null, '张三'])).toEqual(['Ann Lee', 'a=b', '-1.5', '', '张三']);
  });

  it('writes XLSX text cells as strings, never as formulas', async () => {
    const bytes = await toXlsx({ sheet: 's', header: ['h'], rows: [["x;=cmd|' /C calc'!A0"], ['=1+1'], ['@SUM(A1)']] });
    const sheet = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!);
    expect(sheet).not.toMatch(/<f[ >]/);
    expect(sheet).toMatch(/t="(s|inlineStr|str)"/);
  });
});

