/** A small seeded PRNG (mulberry32): demo data and benchmarks are the same on every run. */
export interface Random {
  next(): number;
  int(min: number, max: number): number;
  pick<T>(xs: readonly T[]): T;
  /** Normal-ish value (sum of uniforms), mean 0, sd ≈ 1. */
  gauss(): number;
  chance(p: number): boolean;
}

export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)]!,
    gauss: () => (next() + next() + next() + next() + next() + next() - 3) * Math.SQRT2,
    chance: (p) => next() < p,
  };
}
