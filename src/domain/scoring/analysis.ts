import { elapsedShare, type Period } from '../period.js';
import type { LocalDate } from '../dates.js';
import { INDICATORS, MEASURES, type IndicatorKey } from '../model/indicators.js';
import type { RawFigure } from '../model/raw-figures.js';
import type { Scorecard } from '../model/scorecard.js';
import type { KpiTemplate } from '../model/template.js';
import type { RawActuals } from './actuals.js';
import { nextBandAbove, roundScore } from './grading.js';
import { computeScorecard, isAdditive } from './scorecard.js';
import type { TargetMap } from './targets.js';

export type TeamBand = 'above' | 'around' | 'below';

export interface Comparison {
  /** Null when there is no average, or when the viewer may not learn it (see withholdTeamAverage). */
  teamAverage: number | null;
  vsTeam: number | null;
  /** Set instead of the exact figures when those are withheld and the team is large enough. */
  teamBand?: TeamBand | null;
  previousTotal: number | null;
  vsPrevious: number | null;
}

/** The graded teammates behind a team average, the rep excluded: whose figures it is made of. */
export function teamPeers(card: Scorecard, teamCards: readonly Scorecard[]): string[] {
  // A loop, not filter + map: a round asks this for every rep of every team (issue 16).
  const ids: string[] = [];
  for (const c of teamCards) if (!c.noData && c.repId !== card.repId) ids.push(c.repId);
  return ids;
}

/** Within this many points of the team average a rep is "around" it. */
export const AROUND_TEAM_POINTS = 2.5;

/**
 * The comparison for a viewer who may not learn other people's figures: the exact average and the
 * delta go (with one teammate, own total − delta is that teammate's total; with more, it is their
 * sum), and a coarse band is left only when at least `minPeers` other graded reps stand behind it.
 */
export function withholdTeamAverage(c: Comparison, peers: number, minPeers: number): Comparison {
  const band: TeamBand | null =
    c.vsTeam === null || peers < minPeers ? null : c.vsTeam > AROUND_TEAM_POINTS ? 'above' : c.vsTeam < -AROUND_TEAM_POINTS ? 'below' : 'around';
  return { ...c, teamAverage: null, vsTeam: null, teamBand: band };
}

/** The rep's total against the team average (graded reps only) and against their previous period. */
export function compare(card: Scorecard, teamCards: readonly Scorecard[], previous: Scorecard | null): Comparison {
  // Summed in the cards' order as before (the same float sum), without a filtered copy per rep (issue 16).
  let sum = 0;
  let graded = 0;
  for (const c of teamCards) {
    if (c.noData) continue;
    sum += c.total;
    graded++;
  }
  const teamAverage = graded ? roundScore(sum / graded) : null;
  const previousTotal = previous && !previous.noData ? previous.total : null;
  return {
    teamAverage,
    vsTeam: teamAverage === null || card.noData ? null : roundScore(card.total - teamAverage),
    previousTotal,
    vsPrevious: previousTotal === null || card.noData ? null : roundScore(card.total - previousTotal),
  };
}

/**
 * Sums and counts grow with time, ratios and ratings do not: the raw figures of the additive
 * indicators are the ones projected at the run rate (the others are projected flat).
 */
export const RUN_RATE_FIGURES: readonly RawFigure[] = [...new Set(Object.values(INDICATORS).flatMap((i) => (i.additive ? i.figures : [])))];

/** Run-rate projection of the raw actuals to the period end. */
export function projectActuals(actuals: RawActuals, share: number): RawActuals {
  if (share <= 0 || share >= 1) return { ...actuals };
  const out = { ...actuals };
  for (const f of RUN_RATE_FIGURES) out[f] = actuals[f] / share;
  return out;
}

export interface NextGradeOption {
  indicator: IndicatorKey;
  /** How much more of the indicator's actual (visits, revenue …) beyond the projected value. */
  more: number;
}

export interface Pacing {
  /** Share of the period elapsed, 0–1. */
  elapsed: number;
  projected: Scorecard;
  indicators: { key: IndicatorKey; actual: number | null; projected: number | null; target: number | null; onPace: boolean | null }[];
  nextGrade: { grade: string; pointsNeeded: number; options: NextGradeOption[] } | null;
}

/**
 * What it takes to reach the next grade from a (projected) scorecard: for each additive indicator
 * scored by ratio against a target, how much more actual alone would close the gap, within its cap,
 * rounded up in the indicator's measure (a whole visit, a cent of revenue).
 * "3 more visits or ¥120k more revenue."
 */
export function nextGradeGap(template: KpiTemplate, card: Scorecard): Pacing['nextGrade'] {
  if (card.noData) return null;
  const band = nextBandAbove(template, card.grade);
  if (!band) return null;
  const pointsNeeded = roundScore(band.minScore - card.total);
  const options: NextGradeOption[] = [];
  for (const line of card.indicators) {
    if (line.scoring.type !== 'ratio' || line.target === null || line.effectiveWeight <= 0 || line.score === null) continue;
    if (line.applied !== null || !isAdditive(line)) continue;
    // One unit of actual adds 100 / target score points, worth effectiveWeight / 100 of the total.
    const pointsPerUnit = line.effectiveWeight / line.target;
    const headroom = ((line.scoring.cap * 100 - line.score) * line.effectiveWeight) / 100;
    if (headroom + 1e-9 < pointsNeeded || pointsPerUnit <= 0) continue;
    const raw = pointsNeeded / pointsPerUnit;
    options.push({ indicator: line.key, more: MEASURES[INDICATORS[line.key].measure].roundGapUp(raw) });
  }
  return { grade: band.grade, pointsNeeded, options };
}

/**
 * In-period pacing: projects additive actuals at the current run rate to the period end, scores the
 * projection, and says what it takes to reach the next grade. `scored`: the rep's card from these
 * same actuals and targets when the caller has it already (only its indicator lines are read, which
 * adjustments leave alone), so a round over every rep scores each card once.
 */
export function pacing(
  template: KpiTemplate,
  period: Period,
  today: LocalDate,
  repId: string,
  actuals: RawActuals,
  targets: TargetMap,
  scored?: Scorecard,
): Pacing {
  const elapsed = elapsedOf(period, today);
  const projectedActuals = projectActuals(actuals, elapsed);
  const projected = computeScorecard({ template, period, repId, actuals: projectedActuals, targets });
  const current = scored ?? computeScorecard({ template, period, repId, actuals, targets });
  const indicators = current.indicators.map((line, i) => {
    const p = projected.indicators[i]!;
    const onPace = p.actual === null || p.target === null ? null : line.scoring.type === 'inverse' ? p.actual <= p.target : p.actual >= p.target;
    return { key: line.key, actual: line.actual, projected: p.actual, target: p.target, onPace };
  });
  return { elapsed, projected, indicators, nextGrade: nextGradeGap(template, projected) };
}

/**
 * The share of the period elapsed, remembered for the last period and day asked: a round paces
 * every rep on the same day of the same period, and parsing both dates per rep showed in the
 * issue-16 profile. Periods are immutable values, so the same object and day give the same share.
 */
let lastElapsed: { period: Period; today: LocalDate; share: number } | null = null;
function elapsedOf(period: Period, today: LocalDate): number {
  if (lastElapsed?.period !== period || lastElapsed.today !== today) lastElapsed = { period, today, share: elapsedShare(period, today) };
  return lastElapsed.share;
}
