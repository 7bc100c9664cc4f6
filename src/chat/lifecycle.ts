import type { CycleSubcommand } from './cycle.js';
import type { DecisionHandler } from './decisions.js';

/**
 * The cycle's lifecycle: `/cycle close …`, targets per cycle, late entries after the close date.
 * TODO(issue 6, lifecycle): not built yet.
 */
export const LIFECYCLE_SUBCOMMANDS: Record<string, CycleSubcommand> = {};

export const LATE_ENTRY_DECISIONS: Record<string, DecisionHandler> = {};
