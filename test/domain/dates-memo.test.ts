import { describe, expect, it } from 'vitest';
import { localParts, zonedInstant } from '../../src/domain/dates.js';

/** localParts is memoised per zone and UTC minute (issue 16): it must answer exactly as Intl does. */
const direct = (instant: Date, tz: string) => {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(instant)
      .map((x) => [x.type, x.value]),
  );
  return { date: `${p.year}-${p.month}-${p.day}`, hour: Number(p.hour), minute: Number(p.minute) };
};

describe('localParts memo', () => {
  it.each(['Europe/London', 'Asia/Kathmandu', 'America/St_Johns', 'Asia/Shanghai'])('matches Intl across a DST change and within minutes (%s)', (tz) => {
    // Around the 2026 spring-forward in London (29 March 01:00 UTC), second by second and minute by minute.
    const start = Date.UTC(2026, 2, 29, 0, 55, 0);
    for (let s = 0; s < 15 * 60; s += 17) {
      const instant = new Date(start + s * 1000);
      expect(localParts(instant, tz)).toEqual(direct(instant, tz));
      expect(localParts(instant, tz)).toEqual(direct(instant, tz)); // the memoised answer too
    }
  });

  it('hands out copies: changing one answer does not change the next', () => {
    const instant = new Date(Date.UTC(2026, 5, 1, 12, 0, 30));
    const a = localParts(instant, 'UTC');
    a.hour = 99;
    expect(localParts(instant, 'UTC').hour).toBe(12);
  });

  it('computes instants before 1980 every time (offsets in seconds then)', () => {
    const instant = new Date(Date.UTC(1900, 0, 1, 12, 0, 0));
    expect(localParts(instant, 'Europe/Amsterdam')).toEqual(direct(instant, 'Europe/Amsterdam'));
    expect(zonedInstant('2026-03-29', 9, 0, 'Europe/London').toISOString()).toBe('2026-03-29T08:00:00.000Z');
  });
});
