/** The only source of "now": tests pass a fixed or steppable clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock for tests and demos: fixed at a time, moved by hand. */
export function fixedClock(start: Date | string): Clock & { set(t: Date | string): void; advance(ms: number): void } {
  let t = new Date(start);
  return {
    now: () => new Date(t),
    set: (next) => {
      t = new Date(next);
    },
    advance: (ms) => {
      t = new Date(t.getTime() + ms);
    },
  };
}
