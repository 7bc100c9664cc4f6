import { describe, expect, it } from 'vitest';
import { KpiTemplateSchema, type KpiTemplate } from '../../src/domain/model/template.js';
import { aDefaultTemplate } from './builders.js';

type Issue = { path: PropertyKey[]; message: string };

function issuesOf(t: unknown): Issue[] {
  const r = KpiTemplateSchema.safeParse(t);
  if (r.success) return [];
  return r.error.issues.map((i) => ({ path: i.path, message: i.message }));
}

function edited(edit: (t: KpiTemplate) => void): KpiTemplate {
  const t = aDefaultTemplate();
  edit(t);
  return t;
}

describe('KpiTemplateSchema', () => {
  it('accepts the default template, 60 / 30 / 10', () => {
    const t = aDefaultTemplate();
    expect(issuesOf(t)).toEqual([]);
    expect(t.categories.map((c) => [c.key, c.weight])).toEqual([
      ['performance', 60],
      ['behaviour', 30],
      ['teamwork', 10],
    ]);
  });

  it('fills in equal quarter weights when none are given', () => {
    const { annualQuarterWeights: _omit, ...rest } = aDefaultTemplate();
    const r = KpiTemplateSchema.parse(rest);
    expect(r.annualQuarterWeights).toEqual([25, 25, 25, 25]);
  });

  it('refuses category weights that do not sum to 100', () => {
    const t = edited((x) => {
      x.categories[2]!.weight = 20; // 60 + 30 + 20 = 110
    });
    expect(issuesOf(t)).toEqual([{ path: ['categories'], message: 'category weights sum to 110, not 100' }]);
  });

  it('refuses indicator weights within a category that do not sum to 100, naming the category', () => {
    const t = edited((x) => {
      x.categories[1]!.indicators[0]!.weight = 30; // behaviour: 30 + 30 + 30 = 90
    });
    expect(issuesOf(t)).toEqual([{ path: ['categories', 1, 'indicators'], message: 'indicator weights in behaviour sum to 90, not 100' }]);
  });

  it('tolerates float sums of weights (33.3 + 33.3 + 33.4)', () => {
    const t = edited((x) => {
      const [a, b, c] = x.categories[1]!.indicators;
      a!.weight = 33.3;
      b!.weight = 33.3;
      c!.weight = 33.4;
    });
    expect(issuesOf(t)).toEqual([]);
  });

  it('refuses an indicator used twice, even in another category', () => {
    const t = edited((x) => {
      x.categories[2]!.indicators[1]!.key = 'visits'; // visits is already in behaviour
    });
    expect(issuesOf(t)).toEqual([{ path: ['categories', 2, 'indicators', 1, 'key'], message: 'indicator visits appears twice' }]);
  });

  it('refuses a category used twice', () => {
    const t = edited((x) => {
      x.categories[2]!.key = 'behaviour';
      x.categories[2]!.indicators = [{ key: 'intel_shared', weight: 100, scoring: { type: 'ratio', cap: 1.2 }, missing: { policy: 'exclude' } }];
      x.categories[0]!.indicators = x.categories[0]!.indicators.filter((i) => i.key !== 'collection_rate');
      x.categories[0]!.indicators[0]!.weight = 70; // 70 + 15 + 15
    });
    expect(issuesOf(t)).toEqual([{ path: ['categories', 2, 'key'], message: 'category behaviour appears twice' }]);
  });

  it('refuses grades that are not listed highest first', () => {
    const t = edited((x) => {
      const [s, a] = x.grades;
      x.grades[0] = a!;
      x.grades[1] = s!;
    });
    expect(issuesOf(t)).toEqual([{ path: ['grades'], message: 'grades must be listed highest first with falling minimum scores' }]);
  });

  it('refuses two grades with the same minimum', () => {
    const t = edited((x) => {
      x.grades[1]!.minScore = 105;
    });
    expect(issuesOf(t).map((i) => i.message)).toEqual(['grades must be listed highest first with falling minimum scores']);
  });

  it('refuses a lowest grade that does not start at 0', () => {
    const t = edited((x) => {
      x.grades[4]!.minScore = 10;
    });
    expect(issuesOf(t)).toEqual([{ path: ['grades'], message: 'the lowest grade must start at 0' }]);
  });

  it('refuses duplicate grade names and a single grade', () => {
    expect(issuesOf(edited((x) => (x.grades[1]!.grade = 'S')))).toEqual([{ path: ['grades'], message: 'grade names must be unique' }]);
    const single = edited((x) => (x.grades = [{ grade: 'P', minScore: 0, bonusMultiplier: 1 }]));
    expect(issuesOf(single).map((i) => i.message)).toContain('needs at least two grades');
  });

  it('refuses an id that is not key@version', () => {
    expect(issuesOf(edited((x) => (x.id = 'default@2')))).toEqual([{ path: ['id'], message: 'must be default@1' }]);
    expect(issuesOf(edited((x) => (x.version = 3)))).toEqual([{ path: ['id'], message: 'must be default@3' }]);
  });

  it('refuses a rating scale whose max is not above its min', () => {
    const t = edited((x) => {
      x.categories[1]!.indicators[2]!.scoring = { type: 'rating', min: 5, max: 5 };
    });
    expect(issuesOf(t)).toEqual([{ path: ['categories', 1, 'indicators', 2, 'scoring'], message: 'rating max must be above min' }]);
  });

  it('refuses threshold steps that do not rise strictly', () => {
    const t = edited((x) => {
      x.categories[2]!.indicators[1]!.scoring = {
        type: 'threshold',
        basis: 'absolute',
        steps: [
          { atLeast: 3, score: 80 },
          { atLeast: 3, score: 100 },
        ],
        below: 0,
      };
    });
    expect(issuesOf(t)).toEqual([{ path: ['categories', 2, 'indicators', 1, 'scoring', 'steps'], message: 'steps must rise strictly' }]);
  });

  it('refuses quarter weights that are all zero', () => {
    expect(issuesOf(edited((x) => (x.annualQuarterWeights = [0, 0, 0, 0])))).toEqual([
      { path: ['annualQuarterWeights'], message: 'at least one quarter must have weight' },
    ]);
  });

  it('refuses a weight of 0 or above 100, an empty category and an unknown indicator', () => {
    const zero = edited((x) => (x.categories[0]!.indicators[0]!.weight = 0));
    expect(issuesOf(zero)).toContainEqual({ path: ['categories', 0, 'indicators', 0, 'weight'], message: 'must be more than 0' });
    const big = edited((x) => (x.categories[0]!.weight = 101));
    expect(issuesOf(big)).toContainEqual({ path: ['categories', 0, 'weight'], message: 'at most 100' });
    const empty = edited((x) => (x.categories[2]!.indicators = []));
    expect(issuesOf(empty)).toContainEqual({ path: ['categories', 2, 'indicators'], message: 'needs at least one indicator' });
    const unknown = edited((x) => ((x.categories[0]!.indicators[0] as { key: string }).key = 'profit'));
    expect(issuesOf(unknown).map((i) => i.path)).toContainEqual(['categories', 0, 'indicators', 0, 'key']);
  });

  it('refuses a bad template key', () => {
    const t = edited((x) => {
      x.key = 'Default Template';
      x.id = 'Default Template@1';
    });
    expect(issuesOf(t)).toContainEqual({ path: ['key'], message: 'lower-case letters, digits, - and _' });
  });
});
