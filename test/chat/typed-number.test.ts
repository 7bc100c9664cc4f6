import { describe, expect, it } from 'vitest';
import { parseTypedNumber } from '../../src/chat/forms/form-reader.js';

/** Amounts as people type them in a form or the console. */
describe('typed numbers', () => {
  it.each([
    ['350000', 350_000],
    ['350,000', 350_000],
    ['¥350,000', 350_000],
    ['￥350,000', 350_000],
    ['RMB 35000', 35_000],
    ['350000元', 350_000],
    ['35万', 350_000],
    ['1.5万', 15_000],
    ['¥35万元', 350_000],
    ['2亿', 200_000_000],
    ['１２３', 123],
    ['$1,200.50', 1200.5],
    ['-3', -3],
  ])('%s → %d', (typed, n) => {
    expect(parseTypedNumber(typed)).toBe(n);
  });

  it.each(['', 'abc', '万', '¥', '3.5.1', '12x', '1万2'])('refuses %j', (typed) => {
    expect(parseTypedNumber(typed)).toBeNaN();
  });
});
