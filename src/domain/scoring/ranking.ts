import type { Scorecard } from '../model/scorecard.js';

export interface RankEntry {
  repId: string;
  teamId?: string;
  name: string;
  total: number;
  grade: string;
  rank: number;
  /** Rank within the rep's team. */
  teamRank: number;
}

export interface RankingInput {
  card: Scorecard;
  name: string;
  teamId?: string;
}

/** The stated tie rule, shown wherever a ranking is. */
export const TIE_RULE =
  'Equal totals are ordered by the performance category score, then by revenue; reps still equal share a rank (1, 2, 2, 4) and are listed by name.';

const perfScore = (c: Scorecard): number => c.categories.find((x) => x.key === 'performance')?.score ?? -Infinity;
const revenue = (c: Scorecard): number => c.indicators.find((x) => x.key === 'revenue')?.actual ?? -Infinity;

/** A sort key without float noise (12 significant digits), so equal scores reached by different float sums tie. */
const key = (x: number): number => (Number.isFinite(x) ? Number(x.toPrecision(12)) : x);

type Keys = readonly [number, number, number];
/** An input with its three sort keys, computed once: the comparator runs n·log n times. */
interface Keyed {
  input: RankingInput;
  keys: Keys;
}
const keyed = (input: RankingInput): Keyed => ({ input, keys: [key(input.card.total), key(perfScore(input.card)), key(revenue(input.card))] });

/** Descending order of the keys in turn; two missing keys (-Infinity) tie, and a NaN difference defers to the next key. */
function compare(x: Keys, y: Keys): number {
  for (let k = 0; k < 3; k++) {
    const d = x[k] === y[k] ? 0 : y[k]! - x[k]!;
    if (d) return d;
  }
  return 0;
}

/** Standard competition ranking ("1224") over the ordered list. */
function assignRanks(sorted: readonly Keyed[]): number[] {
  const ranks: number[] = [];
  sorted.forEach((entry, i) => {
    ranks.push(i > 0 && compare(sorted[i - 1]!.keys, entry.keys) === 0 ? ranks[i - 1]! : i + 1);
  });
  return ranks;
}

/**
 * Sorts in place. Profiled on the scoring bench (issue 16): looking the keys up in the comparator
 * (a WeakMap per call) was most of the ranking's time for 10,000 reps.
 */
const sortForRanking = (xs: Keyed[]): Keyed[] =>
  xs.sort((a, b) => compare(a.keys, b.keys) || a.input.name.localeCompare(b.input.name) || a.input.card.repId.localeCompare(b.input.card.repId));

/**
 * Ranks graded reps overall and within their team. Reps without data are not ranked; they are
 * returned in `unranked` so a digest can list who still lacks data.
 */
export function rank(inputs: readonly RankingInput[]): { ranked: RankEntry[]; unranked: RankingInput[] } {
  const graded = inputs.filter((i) => !i.card.noData).map(keyed);
  const byTeam = new Map<string, Keyed[]>();
  for (const i of graded) {
    const key = i.input.teamId ?? '';
    const list = byTeam.get(key) ?? [];
    list.push(i);
    byTeam.set(key, list);
  }
  const teamRanks = new Map<string, number>();
  for (const list of byTeam.values()) {
    const s = sortForRanking(list);
    assignRanks(s).forEach((r, idx) => teamRanks.set(s[idx]!.input.card.repId, r));
  }
  const sorted = sortForRanking(graded);
  const overall = assignRanks(sorted);

  const ranked = sorted.map(({ input: i }, idx) => ({
    repId: i.card.repId,
    ...(i.teamId === undefined ? {} : { teamId: i.teamId }),
    name: i.name,
    total: i.card.total,
    grade: i.card.grade,
    rank: overall[idx]!,
    teamRank: teamRanks.get(i.card.repId)!,
  }));
  return { ranked, unranked: inputs.filter((i) => i.card.noData) };
}
