import { describe, expect, it } from 'vitest';
import { countGrades, guidelineWarnings } from '../../src/domain/scoring/guideline.js';

describe('guidelineWarnings', () => {
  const counts = [
    { grade: 'S', count: 2 },
    { grade: 'A', count: 3 },
    { grade: 'B', count: 4 },
    { grade: 'C', count: 1 },
    { grade: 'D', count: 0 },
  ];

  it('warns about each grade whose share exceeds its maximum, in grade order', () => {
    expect(guidelineWarnings(counts, 10, { S: 10, A: 30, C: 5 })).toEqual([
      { grade: 'S', count: 2, share: 20, max: 10 },
      { grade: 'C', count: 1, share: 10, max: 5 },
    ]);
  });

  it('a share exactly at the maximum is within the guideline (no float noise)', () => {
    // 1/5 = 20%, 3/10 = 30%: both exactly at the cap
    expect(guidelineWarnings([{ grade: 'S', count: 1 }], 5, { S: 20 })).toEqual([]);
    expect(guidelineWarnings(counts, 10, { A: 30 })).toEqual([]);
    // 7 of 100 against 7%: 7 * 100 / 100 is exact, and 0.07 * 100 would be 7.000000000000001
    expect(guidelineWarnings([{ grade: 'S', count: 7 }], 100, { S: 7 })).toEqual([]);
  });

  it('one over the maximum warns, with the share rounded to one decimal', () => {
    expect(guidelineWarnings([{ grade: 'S', count: 1 }], 3, { S: 30 })).toEqual([
      { grade: 'S', count: 1, share: 33.3, max: 30 },
    ]);
  });

  it('a 0% cap warns as soon as one rep has the grade, never when none has', () => {
    expect(guidelineWarnings(counts, 10, { D: 0 })).toEqual([]);
    expect(guidelineWarnings(counts, 10, { C: 0 })).toEqual([{ grade: 'C', count: 1, share: 10, max: 0 }]);
  });

  it('no guideline or nobody graded: no warnings', () => {
    expect(guidelineWarnings(counts, 10, {})).toEqual([]);
    expect(guidelineWarnings(counts, 0, { S: 0 })).toEqual([]);
  });

  it('ignores grades the guideline does not mention, and inherited object keys', () => {
    expect(guidelineWarnings([{ grade: 'constructor', count: 5 }], 5, {})).toEqual([]);
  });
});

describe('countGrades', () => {
  it('counts in the order of the bands, with zero for empty bands and unknown grades appended', () => {
    expect(countGrades(['S', 'A', 'B'], [{ grade: 'A' }, { grade: 'B' }, { grade: 'A' }, { grade: 'X' }])).toEqual([
      { grade: 'S', count: 0 },
      { grade: 'A', count: 2 },
      { grade: 'B', count: 1 },
      { grade: 'X', count: 1 },
    ]);
  });
});
