/**
 * Calendar dates are plain `YYYY-MM-DD` strings in the company's time zone: a visit happens on a
 * day, not at an instant. Instants (`Date`) only come from the clock and are turned into local
 * dates here, so period membership is a string comparison everywhere, including in the database.
 */
export type LocalDate = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export function isLocalDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return d.toISOString().slice(0, 10) === s;
}

function toUtcMs(date: LocalDate): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!);
}

function fromUtcMs(ms: number): LocalDate {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromUtcMs(toUtcMs(date) + days * DAY_MS);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((toUtcMs(b) - toUtcMs(a)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: LocalDate): number {
  return new Date(toUtcMs(date)).getUTCDay();
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: tz,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** Local calendar date and time of an instant in a time zone. */
export function localParts(instant: Date, tz: string): { date: LocalDate; hour: number; minute: number } {
  const ms = instant.getTime();
  // Memoised per zone and UTC minute: formatToParts costs ~20 µs and a submission asks for today
  // a few dozen times (issue 16, ack profile). Since 1980 every zone's offset is whole minutes, so
  // the local minute follows from the UTC minute; earlier instants are computed every time.
  const key = ms >= MEMO_FROM ? `${tz}|${Math.floor(ms / 60_000)}` : undefined;
  const hit = key !== undefined ? partsMemo.get(key) : undefined;
  if (hit) return { ...hit };
  const parts = Object.fromEntries(formatterFor(tz).formatToParts(instant).map((p) => [p.type, p.value]));
  const out = {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
  if (key !== undefined) {
    if (partsMemo.size >= 1000) partsMemo.clear();
    partsMemo.set(key, out);
  }
  return { ...out };
}
const MEMO_FROM = Date.UTC(1980, 0, 1);
const partsMemo = new Map<string, { date: LocalDate; hour: number; minute: number }>();

/** Today's date in the given zone. */
export function todayIn(tz: string, instant: Date): LocalDate {
  return localParts(instant, tz).date;
}

/**
 * The instant at which the wall clock in `tz` shows `date` `hour`:`minute`. Found by correcting a
 * UTC guess with the zone's offset at that moment (twice, for days when the offset changes).
 */
export function zonedInstant(date: LocalDate, hour: number, minute: number, tz: string): Date {
  const target = Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10), hour, minute);
  let guess = target;
  for (let i = 0; i < 2; i++) {
    const p = localParts(new Date(guess), tz);
    const shown = Date.UTC(+p.date.slice(0, 4), +p.date.slice(5, 7) - 1, +p.date.slice(8, 10), p.hour, p.minute);
    guess += target - shown;
  }
  return new Date(guess);
}

/** ISO 8601 week of a date, e.g. `2026-W48` (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeek(date: LocalDate): string {
  const wd = (weekday(date) + 6) % 7; // Monday = 0
  const thursday = addDays(date, 3 - wd);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}
