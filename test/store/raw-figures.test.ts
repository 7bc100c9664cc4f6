import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/adapters/embedded/schema.js';
import { actualsColumns } from '../../src/adapters/embedded/sqlite-actuals.js';
import { ACTUALS_PIPELINES } from '../../src/adapters/mongo/pipelines.js';
import { RAW_FIGURE_KEYS, RAW_FIGURES, type RawFigure } from '../../src/domain/model/raw-figures.js';
import type { ActualsQuery } from '../../src/ports/store.js';

/**
 * The stores compute the raw figures with their own queries, and name each result as the domain
 * names the figure (domain/model/raw-figures.ts). Every figure the store fills is yielded by the
 * embedded store's SQL and by the MongoDB pipelines, and nothing else is: a new figure declared
 * without its queries, or a query alias that drifted, fails here rather than scoring a silent 0.
 */

const bySource = (source: (typeof RAW_FIGURES)[RawFigure]['source']): RawFigure[] => RAW_FIGURE_KEYS.filter((k) => RAW_FIGURES[k].source === source).sort();
const sorted = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();

/** A query asking for everything, optional figures included. */
const EVERYTHING: ActualsQuery = {
  from: '2026-01-01',
  to: '2026-03-31',
  peerReviewPeriods: ['2026-Q1'],
  repIds: ['rep-a'],
  tierWeights: { strategic: 2 },
  coverage: { asOf: '2026-03-31', cadenceDays: { strategic: 30 } },
};

describe('the embedded store yields the raw figures by their domain names', () => {
  const db = new Database(':memory:');
  migrate(db);
  afterAll(() => db.close());
  const queries = actualsColumns(db);

  it('always: exactly the figures the store fills', () => {
    expect(sorted(queries.filter((q) => !q.onRequest).flatMap((q) => q.figures))).toEqual(bySource('store'));
  });

  it('on request: exactly the figures an ActualsQuery asks for', () => {
    expect(sorted(queries.filter((q) => q.onRequest).flatMap((q) => q.figures))).toEqual(bySource('store-on-request'));
  });
});

describe('the MongoDB pipelines yield the raw figures by their domain names', () => {
  /** The fields of a pipeline's final $group, but `_id`. */
  const yielded = (q: ActualsQuery): string[] =>
    ACTUALS_PIPELINES.flatMap((p) => {
      const stages = p.build(q);
      const last = stages?.at(-1) as { $group?: Record<string, unknown> } | undefined;
      expect(stages === null || last?.$group !== undefined).toBe(true);
      return Object.keys(last?.$group ?? {}).filter((k) => k !== '_id');
    });

  it('always: exactly the figures the store fills', () => {
    const { tierWeights: _w, coverage: _c, ...plain } = EVERYTHING;
    expect(sorted(yielded(plain))).toEqual(bySource('store'));
  });

  it('on request: the figures an ActualsQuery asks for are added', () => {
    expect(sorted(yielded(EVERYTHING))).toEqual(sorted([...bySource('store'), ...bySource('store-on-request')]));
  });
});
