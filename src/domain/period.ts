import { AppError } from './errors.js';
import { addDays, daysBetween, type LocalDate } from './dates.js';

/** `2026-Q3` (a quarter) or `2026` (a year). */
export type PeriodKey = string;
export type PeriodKind = 'quarter' | 'year';

export interface Period {
  key: PeriodKey;
  kind: PeriodKind;
  year: number;
  /** 1–4 for quarters. */
  quarter?: number;
  /** First day, inclusive. */
  from: LocalDate;
  /** Last day, inclusive. */
  to: LocalDate;
  days: number;
}

const QUARTER_RE = /^(\d{4})-Q([1-4])$/;
const YEAR_RE = /^(\d{4})$/;

/** Years the product deals with; anything else in a period key is a typo. */
const plausibleYear = (y: number): boolean => y >= 1970 && y <= 2999;

export function parsePeriod(key: string): Period {
  const trimmed = key.trim().toUpperCase();
  const q = QUARTER_RE.exec(trimmed);
  if (q && plausibleYear(+q[1]!)) return quarterPeriod(+q[1]!, +q[2]!);
  const y = YEAR_RE.exec(trimmed);
  if (y && plausibleYear(+y[1]!)) return yearPeriod(+y[1]!);
  throw new AppError('VALIDATION', `"${key}" is not a period; use a quarter like 2026-Q3 or a year like 2026`, {
    params: { messageId: 'period.invalid', value: key },
    issues: [{ path: 'period', message: 'expected YYYY-Qn or YYYY' }],
  });
}

export const isPeriodKey = (key: string): boolean => QUARTER_RE.test(key) || YEAR_RE.test(key);

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function quarterPeriod(year: number, quarter: number): Period {
  const startMonth = (quarter - 1) * 3 + 1;
  const from = `${year}-${pad(startMonth)}-01`;
  const nextStart = quarter === 4 ? `${year + 1}-01-01` : `${year}-${pad(startMonth + 3)}-01`;
  const to = addDays(nextStart, -1);
  return { key: `${year}-Q${quarter}`, kind: 'quarter', year, quarter, from, to, days: daysBetween(from, to) + 1 };
}

export function yearPeriod(year: number): Period {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  return { key: String(year), kind: 'year', year, from, to, days: daysBetween(from, to) + 1 };
}

export function quarterOf(date: LocalDate): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return quarterPeriod(year, Math.floor((month - 1) / 3) + 1);
}

export function previousPeriod(p: Period): Period {
  if (p.kind === 'year') return yearPeriod(p.year - 1);
  return p.quarter === 1 ? quarterPeriod(p.year - 1, 4) : quarterPeriod(p.year, p.quarter! - 1);
}

export function nextPeriod(p: Period): Period {
  if (p.kind === 'year') return yearPeriod(p.year + 1);
  return p.quarter === 4 ? quarterPeriod(p.year + 1, 1) : quarterPeriod(p.year, p.quarter! + 1);
}

/** The `count` periods before `p`, oldest first. */
export function periodsBefore(p: Period, count: number): Period[] {
  const out: Period[] = [];
  let cur = p;
  for (let i = 0; i < count; i++) {
    cur = previousPeriod(cur);
    out.unshift(cur);
  }
  return out;
}

export function quartersOfYear(year: number): Period[] {
  return [1, 2, 3, 4].map((q) => quarterPeriod(year, q));
}

export const containsDate = (p: Period, date: LocalDate): boolean => date >= p.from && date <= p.to;

/**
 * Peer reviews are filed against a quarter; a year's collaboration score reads its quarters' reviews.
 */
export function peerReviewKeys(p: Period): PeriodKey[] {
  return p.kind === 'quarter' ? [p.key] : quartersOfYear(p.year).map((q) => q.key);
}

/** Share of the period elapsed up to and including `today` (0 before it starts, 1 after it ends). */
export function elapsedShare(p: Period, today: LocalDate): number {
  if (today < p.from) return 0;
  if (today >= p.to) return 1;
  return (daysBetween(p.from, today) + 1) / p.days;
}
