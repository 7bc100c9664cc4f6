/**
 * Pacing for Lark's sending limits (https://open.feishu.cn/document/server-docs/im-v1/message/create):
 * 50 messages a second and 1,000 a minute per app, 5 a second per user and per group chat. Each send
 * takes a slot in every window it counts against (the app's, its chat's), waiting until all have
 * room; sends to one key keep their order. Time and waiting are injected, so the pacing is tested
 * without a wall clock.
 */
export interface Limit {
  windowMs: number;
  max: number;
}

export const APP_LIMITS: readonly Limit[] = [
  { windowMs: 1000, max: 50 },
  { windowMs: 60_000, max: 1000 },
];
export const CHAT_LIMIT: Limit = { windowMs: 1000, max: 5 };

export interface Pace {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export const realPace: Pace = { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) };

export class RateWindows {
  /** Start times taken per key (`app:1000`, `chat:oc_…`), in order. */
  private readonly taken = new Map<string, number[]>();

  constructor(private readonly pace: Pace) {}

  /** The first time ≥ t at which `key` has room under `limit`, never before its last send. */
  private earliest(key: string, limit: Limit, t: number): number {
    const times = this.taken.get(key) ?? [];
    const last = times.at(-1) ?? -Infinity;
    const full = times.length >= limit.max ? times[times.length - limit.max]! + limit.windowMs : -Infinity;
    return Math.max(t, last, full);
  }

  /** Reserves the earliest start at which every window has room; returns it. */
  reserve(slots: readonly { key: string; limit: Limit }[]): number {
    const now = this.pace.now();
    let t = now;
    for (let i = 0; i < 1000; i++) {
      const next = Math.max(...slots.map((s) => this.earliest(s.key, s.limit, t)));
      if (next === t) break;
      t = next;
    }
    for (const s of slots) {
      const times = (this.taken.get(s.key) ?? []).filter((x) => x > now - s.limit.windowMs);
      times.push(t);
      this.taken.set(s.key, times);
    }
    return t;
  }

  /** Waits for a slot in every window. */
  async take(slots: readonly { key: string; limit: Limit }[]): Promise<void> {
    const wait = this.reserve(slots) - this.pace.now();
    if (wait > 0) await this.pace.sleep(wait);
  }
}
