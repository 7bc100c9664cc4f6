/**
 * Read models: what a use case answers and a view shows (a scorecard report, the calibration pack,
 * the App Home, an entry just logged …). Plain data, built from domain types only.
 *
 * Why here, under domain/: both application/ (which builds them) and views/ (which render them)
 * must import them, and neither may import the other (views → application made import circles
 * such as calibration-views ↔ calibration-pack). The domain is the one layer both already stand
 * on, and test/architecture/layers.test.ts keeps it pure (no I/O, nothing above it), which is
 * exactly what a read model must stay. Not ports/: ports are the interfaces the application needs
 * from the outside world (store, chat, clock); a read model flows the other way, out of a use case.
 *
 * Only types and pure functions belong here. Each read model has its own file; this one lists them.
 */
export type * from './account-chain.js';
export type * from './calibration-pack.js';
export type * from './entries.js';
export type * from './entry-logged.js';
export type * from './home.js';
export type * from './scorecard-report.js';
