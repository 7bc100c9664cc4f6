import { describe, expect, it } from 'vitest';
import { INDICATOR_KEYS, INDICATORS, MEASURES } from '../../src/domain/model/indicators.js';
import { RAW_FIGURE_KEYS, emptyActuals, type RawActuals } from '../../src/domain/model/raw-figures.js';
import { addActuals, indicatorActual } from '../../src/domain/scoring/actuals.js';
import { RUN_RATE_FIGURES, projectActuals } from '../../src/domain/scoring/analysis.js';
import { isMessageKey, t } from '../../src/views/i18n.js';

/**
 * Every indicator is one descriptor (domain/model/indicators.ts) over the raw figures
 * (domain/model/raw-figures.ts). This walks each descriptor and checks that what is derived from
 * it exists and holds together, so a new indicator is complete the moment its descriptor is.
 */

/** Every raw figure set to a distinct, non-zero value (so a figure read by mistake shows). */
const busy = (): RawActuals => Object.fromEntries(RAW_FIGURE_KEYS.map((k, i) => [k, 3 + i * 7])) as RawActuals;
const WAYS = [{ weightedVisits: false }, { weightedVisits: true }] as const;

describe.each(INDICATOR_KEYS.map((k) => [k] as const))('indicator %s', (key) => {
  const ind = INDICATORS[key];

  it('has a descriptor under its own key, with a known measure', () => {
    expect(ind.key).toBe(key);
    expect(Object.keys(MEASURES)).toContain(ind.measure);
    expect(ind.figures.length).toBeGreaterThan(0);
    for (const f of ind.figures) expect(RAW_FIGURE_KEYS).toContain(f);
  });

  it('has an empty value: a real zero for a sum or count, nothing to measure (null) for a ratio or rating', () => {
    for (const how of WAYS) {
      const empty = ind.actual(emptyActuals(), how);
      expect(empty.value).toBe(ind.additive ? 0 : null);
      expect(Object.values(empty.inputs).every((v) => v === 0)).toBe(true);
    }
    expect(ind.additive).toBe(ind.measure === 'amount' || ind.measure === 'count');
  });

  it('reads only the raw figures it declares', () => {
    const a = busy();
    const onlyOwn = { ...emptyActuals(), ...Object.fromEntries(ind.figures.map((f) => [f, a[f]])) };
    for (const how of WAYS) expect(ind.actual(a, how)).toEqual(ind.actual(onlyOwn, how));
  });

  it('is what indicatorActual answers for it', () => {
    expect(indicatorActual(key, busy())).toEqual(ind.actual(busy(), { weightedVisits: false }));
    expect(indicatorActual(key, busy(), true)).toEqual(ind.actual(busy(), { weightedVisits: true }));
  });

  it('projects at the run rate when additive, flat otherwise', () => {
    const a = busy();
    for (const how of WAYS) {
      const now = ind.actual(a, how).value!;
      const projected = ind.actual(projectActuals(a, 0.25), how).value!;
      expect(projected).toBeCloseTo(ind.additive ? now * 4 : now, 9);
    }
  });

  it('rounds a next-grade gap up in its measure, never below what is needed', () => {
    const round = MEASURES[ind.measure].roundGapUp;
    for (const x of [0.001, 1, 2.5, 1234.567]) {
      expect(round(x)).toBeGreaterThanOrEqual(x - 1e-6);
      expect(round(round(x))).toBe(round(x));
    }
    expect(round(2.5)).toBe(ind.measure === 'count' ? 3 : 2.5);
  });

  it('has its name in English and in Simplified Chinese', () => {
    // Views name it by `indicator.<key>`, which type-checks only while both catalogues have it.
    const label = `indicator.${key}` as const;
    expect(isMessageKey(label)).toBe(true);
    const en = t('en', label);
    const zh = t('zh-CN', label);
    expect(en).not.toBe(label);
    expect(zh).not.toBe(label);
    expect(zh).not.toBe(en);
    expect(zh).toMatch(/\p{Script=Han}/u);
  });

  it('explains a ratio or a rating by what it is made of', () => {
    if (!ind.additive) expect(ind.explain).toBeTypeOf('function');
    else expect(ind.explain?.(ind.actual(emptyActuals(), { weightedVisits: false }).inputs) ?? null).toBeNull(); // a plain sum or count speaks for itself
  });

  it('explains its inputs, if it does, with a message in both catalogues whose placeholders are exactly its parameters', () => {
    const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
    for (const raw of [busy(), emptyActuals()]) {
      for (const how of WAYS) {
        const e = ind.explain?.(ind.actual(raw, how).inputs);
        if (!e) continue;
        expect(isMessageKey(e.message), e.message).toBe(true);
        for (const locale of ['en', 'zh-CN'] as const) expect(placeholders(t(locale, e.message as never)), `${locale} ${e.message}`).toEqual(Object.keys(e.params).sort());
      }
    }
  });
});

describe('raw figures and indicators together', () => {
  it('every raw figure is read by some indicator (none is aggregated for nothing)', () => {
    const read = new Set(Object.values(INDICATORS).flatMap((i) => i.figures));
    expect(RAW_FIGURE_KEYS.filter((f) => !read.has(f))).toEqual([]);
  });

  it('no figure projected at the run rate feeds a flat indicator (its value would move with the projection)', () => {
    const flat = Object.values(INDICATORS).filter((i) => !i.additive);
    for (const i of flat) expect(i.figures.filter((f) => RUN_RATE_FIGURES.includes(f)), i.key).toEqual([]);
  });
});

describe('merging store rows', () => {
  it('refuses a column that is no raw figure instead of adding it as NaN', () => {
    // A store query whose alias drifted from the domain's name (`revnue`) used to add NaN silently.
    expect(() => addActuals(emptyActuals(), { revnue: 5 })).toThrow(/"revnue" is not a raw figure/);
  });

  it('refuses a figure that is not a number', () => {
    expect(() => addActuals(emptyActuals(), { revenue: '5' })).toThrow(/raw figure "revenue"/);
  });

  it('skips a null figure (an empty SUM) and adds the rest', () => {
    expect(addActuals(emptyActuals(), { revenue: null, visits: 2 })).toEqual({ ...emptyActuals(), visits: 2 });
  });
});
