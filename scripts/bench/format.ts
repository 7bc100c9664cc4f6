/** Output helpers shared by the benchmark sections. */

export const fmt = (n: number): string => n.toLocaleString('en-US');
export const secs = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
export const millis = (ms: number): string => `${ms.toFixed(1)} ms`;
export const mb = (bytes: number): string => `${Math.round(bytes / 2 ** 20)} MB`;
export const maxRss = (): number => process.resourceUsage().maxRSS * 1024;
export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
export const say = (s: string): boolean => process.stdout.write(`${s}\n`);
export const progress = (s: string): boolean => process.stderr.write(`  ${s}\n`);
export const verdict = (ok: boolean): string => (ok ? 'met' : 'NOT met');

/** A positive whole number from a command-line flag (underscores and commas allowed). */
export function wholeNumber(name: string, v: string): number {
  const n = Number(v.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive whole number, got ${v}`);
  return n;
}

export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles (the p99 of 2,000 samples is the 1,980th smallest). */
export function percentiles(samples: readonly number[]): Percentiles {
  if (samples.length === 0) throw new Error('no samples');
  const xs = [...samples].sort((a, b) => a - b);
  const rank = (p: number): number => xs[Math.max(0, Math.ceil((p / 100) * xs.length) - 1)]!;
  return { p50: rank(50), p95: rank(95), p99: rank(99), max: xs.at(-1)! };
}

/** Rows of "label  value  note", the label column padded to the longest label. */
export function table(rows: readonly (readonly [string, string, string])[]): string {
  const w = Math.max(...rows.map((r) => r[0].length));
  return rows.map(([k, v, t]) => `${k.padEnd(w)}  ${v.padStart(9)}  ${t}`.trimEnd()).join('\n');
}
