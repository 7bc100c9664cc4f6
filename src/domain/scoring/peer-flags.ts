/**
 * Patterns in peer reviews that calibration should look at (they are flags for people to judge,
 * not verdicts): two reps who give each other the top rating every time they review each other,
 * and a reviewer who gives everyone the same rating.
 */
export interface PeerRating {
  fromId: string;
  toId: string;
  periodKey: string;
  collaboration: number;
}

export type PeerFlag =
  /** `a` and `b` rated each other `top` in `periodKey` and in every earlier period they did (`periods` of them). */
  | { kind: 'mutual-top'; a: string; b: string; periods: number }
  /** `reviewerId` gave all `count` of their reviews in `periodKey` the same `rating`. */
  | { kind: 'same-rating'; reviewerId: string; rating: number; count: number };

export interface PeerFlagOptions {
  /** The top of the rating scale. */
  top: number;
  /** How many reviews by one reviewer, all equal, make a pattern. */
  minSame: number;
}

const DEFAULTS: PeerFlagOptions = { top: 5, minSame: 3 };

/**
 * Flags for `periodKey` from its reviews and earlier ones (`ratings` may hold several periods).
 * Pairs are listed once (ids in order), reviewers by id.
 */
export function peerReviewFlags(ratings: readonly PeerRating[], periodKey: string, options: Partial<PeerFlagOptions> = {}): PeerFlag[] {
  const { top, minSame } = { ...DEFAULTS, ...options };
  const given = new Map<string, number>(); // `${period}|${from}|${to}` → rating
  for (const r of ratings) given.set(`${r.periodKey}|${r.fromId}|${r.toId}`, r.collaboration);
  const periods = [...new Set(ratings.map((r) => r.periodKey))].filter((p) => p <= periodKey);

  const flags: PeerFlag[] = [];
  const pairs = new Set<string>();
  for (const r of ratings) {
    if (r.periodKey !== periodKey || r.fromId === r.toId) continue;
    const [a, b] = r.fromId < r.toId ? [r.fromId, r.toId] : [r.toId, r.fromId];
    if (pairs.has(`${a}|${b}`)) continue;
    pairs.add(`${a}|${b}`);
    let mutual = 0;
    let always = true;
    for (const p of periods) {
      const ab = given.get(`${p}|${a}|${b}`);
      const ba = given.get(`${p}|${b}|${a}`);
      if (ab === undefined || ba === undefined) continue;
      mutual++;
      if (ab !== top || ba !== top) always = false;
    }
    const now = given.get(`${periodKey}|${a}|${b}`) === top && given.get(`${periodKey}|${b}|${a}`) === top;
    if (now && always) flags.push({ kind: 'mutual-top', a, b, periods: mutual });
  }

  const byReviewer = new Map<string, number[]>();
  for (const r of ratings) if (r.periodKey === periodKey) byReviewer.set(r.fromId, [...(byReviewer.get(r.fromId) ?? []), r.collaboration]);
  for (const [reviewerId, rs] of [...byReviewer].sort(([x], [y]) => x.localeCompare(y))) {
    if (rs.length >= minSame && rs.every((x) => x === rs[0])) flags.push({ kind: 'same-rating', reviewerId, rating: rs[0]!, count: rs.length });
  }
  return flags.sort((x, y) => (x.kind === y.kind ? 0 : x.kind === 'mutual-top' ? -1 : 1));
}
