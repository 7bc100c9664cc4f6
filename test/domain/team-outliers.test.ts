import { describe, expect, it } from 'vitest';
import { outsideFences, teamFences } from '../../src/domain/scoring/team-outliers.js';

/** Issue 14: outlier marks must be rare enough to mean something (15 of 23 were marked by "15 points from the average"). */
describe('team outliers by interquartile fences', () => {
  // The demo's South China team in 2026-Q3: one rep far below a tight team.
  const south = [100.4, 96.15, 95.82, 91.87, 87.22, 67.26, 34.3];
  // North China: spread out, no one apart from the rest.
  const north = [98.79, 97.86, 96.03, 87.56, 79.96, 66.18, 56.82, 43.91];

  it('marks the one total far outside its team, and nobody in a team that is merely spread out', () => {
    const fences = teamFences(south)!;
    expect(south.filter((x) => outsideFences(x, fences))).toEqual([34.3]);
    expect(north.filter((x) => outsideFences(x, teamFences(north)))).toEqual([]);
    // The old rule (more than 15 points from the team average) marked 5 of these 8.
    const avg = north.reduce((a, b) => a + b, 0) / north.length;
    expect(north.filter((x) => Math.abs(x - avg) > 15).length).toBe(5);
  });

  it('marks nobody in a team too small to have quartiles', () => {
    expect(teamFences([90, 30, 60, 61])).toBeNull();
    expect(outsideFences(30, null)).toBe(false);
  });

  it('uses interpolated quartiles: fences of 1, 2, … 8 are 2.75 − 1.5 × 3.5 and 6.25 + 1.5 × 3.5', () => {
    expect(teamFences([1, 2, 3, 4, 5, 6, 7, 8])).toEqual({ low: -2.5, high: 11.5 });
  });
});
