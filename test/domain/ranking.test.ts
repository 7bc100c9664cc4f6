import { describe, expect, it } from 'vitest';
import { parsePeriod } from '../../src/domain/period.js';
import { rank, TIE_RULE, type RankingInput } from '../../src/domain/scoring/ranking.js';
import { computeScorecard } from '../../src/domain/scoring/scorecard.js';
import { aCard, aDefaultTemplate, aSolidQuarter, defaultQuarterTargets, type CardFacts } from './builders.js';

const input = (name: string, facts: Omit<CardFacts, 'repId'> & { repId?: string }, teamId?: string): RankingInput => ({
  card: aCard({ repId: facts.repId ?? `rep-${name.toLowerCase()}`, ...facts }),
  name,
  ...(teamId === undefined ? {} : { teamId }),
});

const summary = (r: ReturnType<typeof rank>) => r.ranked.map((e) => [e.name, e.rank, e.teamRank]);

describe('rank', () => {
  it('orders by total, highest first', () => {
    const r = rank([input('Cy', { total: 70, grade: 'C' }), input('Ann', { total: 92, grade: 'A' }), input('Bob', { total: 85 })]);
    expect(r.ranked).toEqual([
      { repId: 'rep-ann', name: 'Ann', total: 92, grade: 'A', rank: 1, teamRank: 1 },
      { repId: 'rep-bob', name: 'Bob', total: 85, grade: 'B', rank: 2, teamRank: 2 },
      { repId: 'rep-cy', name: 'Cy', total: 70, grade: 'C', rank: 3, teamRank: 3 },
    ]);
    expect(r.unranked).toEqual([]);
  });

  it('breaks a tie on the total by the performance category score', () => {
    const r = rank([input('Ann', { total: 85, perf: 90 }), input('Bob', { total: 85, perf: 95 })]);
    expect(summary(r)).toEqual([
      ['Bob', 1, 1],
      ['Ann', 2, 2],
    ]);
  });

  it('then by revenue', () => {
    const r = rank([input('Ann', { total: 85, perf: 90, revenue: 1_200_000 }), input('Bob', { total: 85, perf: 90, revenue: 1_300_000 })]);
    expect(summary(r)).toEqual([
      ['Bob', 1, 1],
      ['Ann', 2, 2],
    ]);
  });

  it('reps still equal share a rank (1, 2, 2, 4) and are listed by name', () => {
    const r = rank([
      input('Zoe', { total: 80 }, 'team-west'),
      input('Ann', { total: 90 }, 'team-east'),
      input('Cy', { total: 70 }, 'team-west'),
      input('Bob', { total: 80 }, 'team-east'),
    ]);
    expect(r.ranked.map((e) => [e.name, e.rank])).toEqual([
      ['Ann', 1],
      ['Bob', 2],
      ['Zoe', 2],
      ['Cy', 4],
    ]);
  });

  it('ranks within each team as well', () => {
    const r = rank([
      input('Zoe', { total: 80 }, 'team-west'),
      input('Ann', { total: 90 }, 'team-east'),
      input('Cy', { total: 70 }, 'team-west'),
      input('Bob', { total: 80 }, 'team-east'),
      input('Dee', { total: 80 }, 'team-west'),
    ]);
    // east: Ann 90 → 1, Bob 80 → 2; west: Dee 80 and Zoe 80 share 1, Cy 70 → 3
    expect(r.ranked.map((e) => [e.name, e.teamId, e.rank, e.teamRank])).toEqual([
      ['Ann', 'team-east', 1, 1],
      ['Bob', 'team-east', 2, 2],
      ['Dee', 'team-west', 2, 1],
      ['Zoe', 'team-west', 2, 1],
      ['Cy', 'team-west', 5, 3],
    ]);
  });

  it('reps without a team are ranked together and carry no teamId', () => {
    const r = rank([input('Ann', { total: 90 }), input('Bob', { total: 95 }, 'team-east')]);
    expect(r.ranked).toEqual([
      { repId: 'rep-bob', teamId: 'team-east', name: 'Bob', total: 95, grade: 'B', rank: 1, teamRank: 1 },
      { repId: 'rep-ann', name: 'Ann', total: 90, grade: 'B', rank: 2, teamRank: 1 },
    ]);
    expect('teamId' in r.ranked[1]!).toBe(false);
  });

  it('reps without data are not ranked and take no rank from others', () => {
    const missing = input('Eve', { total: 6.75, noData: true }, 'team-east');
    const r = rank([input('Ann', { total: 70 }, 'team-east'), missing, input('Bob', { total: 60 }, 'team-east')]);
    expect(summary(r)).toEqual([
      ['Ann', 1, 1],
      ['Bob', 2, 2],
    ]);
    expect(r.unranked).toEqual([missing]);
  });

  it('nobody graded → nothing ranked', () => {
    const r = rank([input('Eve', { total: 0, noData: true })]);
    expect(r.ranked).toEqual([]);
    expect(r.unranked.map((i) => i.name)).toEqual(['Eve']);
  });

  it('a rep whose performance category was fully excluded comes after one with a performance score', () => {
    const r = rank([input('Ann', { total: 80, perf: null }), input('Bob', { total: 80, perf: 10 })]);
    expect(summary(r)).toEqual([
      ['Bob', 1, 1],
      ['Ann', 2, 2],
    ]);
  });

  it('performance scores that differ only by floating-point noise are equal', () => {
    // both performance scores are exactly 71.825 (e.g. volume 239/300 & 1/8 accounts vs 164/300 & 3/8);
    // the float sums are 71.82499999999999 and 71.825
    const r = rank([
      input('Zoe', { total: 72.85, perf: 71.82499999999999, revenue: 1_200_000 }),
      input('Bob', { total: 72.85, perf: 71.825, revenue: 1_200_000 }),
    ]);
    expect(summary(r)).toEqual([
      ['Bob', 1, 1],
      ['Zoe', 1, 1],
    ]);
  });

  it('two real scorecards with the same total, performance score and revenue share a rank', () => {
    const cardFor = (repId: string, volume: number, accountsServed: number) =>
      computeScorecard({
        template: aDefaultTemplate(),
        period: parsePeriod('2026-Q3'),
        repId,
        actuals: aSolidQuarter({ volume, accountsServed, collected: 900_000 }),
        targets: defaultQuarterTargets(),
      });
    // revenue 80 × .5 = 40, collection 90 × .2 = 18 for both;
    // Zoe: volume 239/300 = 79.667 × .15 = 11.95, accounts 1/8 = 12.5 × .15 = 1.875 → 71.825
    // Bob: volume 164/300 = 54.667 × .15 = 8.2, accounts 3/8 = 37.5 × .15 = 5.625 → 71.825
    // total: 71.825 × .6 + 21.8125 + 5.75 = 43.095 + 27.5625 = 70.6575 → 70.66
    const zoe = cardFor('rep-zoe', 239, 1);
    const bob = cardFor('rep-bob', 164, 3);
    expect(zoe.total).toBe(70.66);
    expect(bob.total).toBe(70.66);
    const r = rank([
      { card: zoe, name: 'Zoe' },
      { card: bob, name: 'Bob' },
    ]);
    expect(summary(r)).toEqual([
      ['Bob', 1, 1],
      ['Zoe', 1, 1],
    ]);
  });

  it('with a template that has no performance category or no revenue, equal totals share a rank', () => {
    const r = rank([
      input('Zoe', { total: 80, noPerformanceCategory: true, noRevenueLine: true }),
      input('Bob', { total: 80, noPerformanceCategory: true, noRevenueLine: true }),
      input('Cy', { total: 75, noPerformanceCategory: true, noRevenueLine: true }),
    ]);
    expect(summary(r)).toEqual([
      ['Bob', 1, 1],
      ['Zoe', 1, 1],
      ['Cy', 3, 3],
    ]);
  });

  it('states the tie rule', () => {
    expect(TIE_RULE).toContain('performance category score');
    expect(TIE_RULE).toContain('revenue');
    expect(TIE_RULE).toContain('(1, 2, 2, 4)');
  });
});
