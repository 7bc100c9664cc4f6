import { HOLDS, type MatrixRole } from './matrix-org.js';
import { NEWCOMER } from './matrix-newcomer.js';
import { BUTTON_ROWS } from './matrix-rows-buttons.js';
import { ENTRY_ROWS } from './matrix-rows-entries.js';
import { REVIEW_ROWS } from './matrix-rows-review.js';
import type { MatrixRow, Refusal } from './matrix-types.js';

/**
 * THE PERMISSION MODEL, as one table: for every command (with representative subcommands and
 * arguments), button and form, which roles are answered normally; everyone else gets the refusal
 * named here, in their own language, and nothing in the store changes. `effect` names the
 * collections an allowed run must change (the proof it did something).
 *
 * Roles (test/security/matrix-org.ts): repEast = ann (team East, manager mgrEast), repWest = cat
 * (West, and she has visits on ann's account Acme), mgrEast, mgrWest, admin, hr, coach (manager of
 * North and a rep in it), adminHr (administrator and HR: answered where either is, see HOLDS),
 * newcomer (never enrolled: their first message registers them).
 *
 * Derived from the role checks in src/application (guards.ts requireRole, permissions.ts
 * seesEveryone / manages) and the README's "who" column. HR and administrators "see everyone"
 * (permissions.ts): they read any scorecard, any account, any rep's activities.
 *
 * `@ann` / `@cat` in a text are mentions of those people, written the platform's way by the drivers.
 *
 * The rows: matrix-rows-entries.ts (forms), matrix-rows-review.ts (commands), matrix-rows-buttons.ts
 * (buttons); the never-enrolled user's answers: matrix-newcomer.ts. A row with `defect` says what
 * the product SHOULD do where today's code does otherwise: those cases run as `it.fails`, naming
 * the defect, and start failing (to be turned into plain rows) once the code is fixed.
 */
export const MATRIX: readonly MatrixRow[] = [...ENTRY_ROWS, ...REVIEW_ROWS, ...BUTTON_ROWS];

export { NEWCOMER };
export type { CaseContext } from './matrix-org.js';
export type { MatrixRow, Refusal, Trigger } from './matrix-types.js';

export const isAllowed = (row: MatrixRow, role: MatrixRole): boolean =>
  role === 'newcomer' ? NEWCOMER[row.name] === 'allowed' : row.allowed.includes(role) || (HOLDS[role] ?? []).some((r) => r !== 'newcomer' && row.allowed.includes(r));

export const refusalOf = (row: MatrixRow, role: MatrixRole): Refusal => {
  const own = role === 'newcomer' ? NEWCOMER[row.name] : undefined;
  if (typeof own === 'object') return own;
  if (!row.refusal) throw new Error(`${row.name}: no refusal given for ${role}`);
  return typeof row.refusal === 'function' ? row.refusal(role) : row.refusal;
};
