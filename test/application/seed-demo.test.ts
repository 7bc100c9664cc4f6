import { afterEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/application/seed-demo.js';
import { scorePeriod } from '../../src/application/score-period.js';
import { AppError } from '../../src/domain/errors.js';
import { parsePeriod } from '../../src/domain/period.js';
import { testDeps } from '../helpers/temp-store.js';

const opened: ReturnType<typeof testDeps>[] = [];
const fresh = () => {
  const d = testDeps('2026-11-26T02:00:00Z');
  opened.push(d);
  return d;
};
afterEach(async () => {
  for (const d of opened.splice(0)) await d.cleanup();
});

describe('seedDemo', () => {
  it('builds the demo organisation over the last four quarters and the current one', async () => {
    const deps = fresh();
    const s = await seedDemo(deps);
    expect(s).toMatchObject({ teams: 3, reps: 24, accounts: 120, periods: ['2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'] });
    expect(s.activities).toBeGreaterThan(2000);
    expect(await deps.store.activities.count()).toBe(s.activities);
    expect(await deps.store.deals.count()).toBe(s.deals);
    // Nothing is dated after today (2026-11-26 in Shanghai).
    expect(await deps.store.activities.count({ date: { gte: '2026-11-27' } })).toBe(0);
    expect(await deps.store.payments.count({ receivedDate: { gte: '2026-11-27' } })).toBe(0);
    // Names are unique, so rankings read unambiguously.
    const reps = await deps.store.people.find();
    expect(new Set(reps.map((p) => p.name)).size).toBe(reps.length);
  });

  it('is deterministic for the same day', async () => {
    const a = fresh();
    const b = fresh();
    expect(await seedDemo(a)).toEqual(await seedDemo(b));
    const [qa, qb] = await Promise.all([scorePeriod(a, parsePeriod('2026-Q3')), scorePeriod(b, parsePeriod('2026-Q3'))]);
    expect(qa.ranking.ranked).toEqual(qb.ranking.ranked);
    // A real spread of grades, not everyone the same.
    expect(new Set(qa.ranking.ranked.map((r) => r.grade)).size).toBeGreaterThanOrEqual(3);
  });

  it('refuses to seed a store that already holds people', async () => {
    const deps = fresh();
    await seedDemo(deps);
    const err = await seedDemo(deps).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('CONFLICT');
    expect(await deps.store.people.count()).toBe(29);
  });
});
