import type { CommandName } from '../../src/chat/commands.js';
import type { AppDeps } from '../../src/application/deps.js';
import type { CollectionName } from '../../src/domain/records.js';
import type { MessageKey } from '../../src/views/i18n.js';
import type { FieldValue } from '../slack/signing.js';
import type { FormId } from '../../src/views/forms/form.js';
import { HOLDS, ROLES, type CaseContext, type MatrixRole, type RoleUser } from './matrix-org.js';

/** The vocabulary of the role matrix's rows (test/security/matrix-table.ts). */

export type Refusal =
  /** The message the refused user reads (a catalogue key, so a typo does not compile). */
  | { key: MessageKey; params?: Record<string, string | number> }
  /** A form's field error (the shared schemas' English, translated by views/errors.ts). */
  | { issue: string };

export type Trigger =
  /** A command with its text (one text for both platforms, or one per platform). */
  | { type: 'command'; command: CommandName; text: string | { slack: string; lark: string } | ((c: CaseContext) => string) }
  /** A button on a message (Slack block action; Lark card callback) with its value. */
  /** The value may depend on who clicks (a question only its asker answers) and on the store as the case meets it. */
  | { type: 'button'; actionId: string; value: string | ((ctx: CaseContext, user: RoleUser, deps: AppDeps) => string | Promise<string>); slackOnly?: true }
  /** A submitted form (Slack view submission; Lark card form callback); `kind` rides along as the form's own data does. */
  | { type: 'submit'; form: FormId; kind?: string; slack: Record<string, FieldValue | undefined>; lark: Record<string, unknown>; slackEdit?: string };

export interface MatrixRow {
  /** What the row is, as the test names it. */
  name: string;
  trigger: Trigger;
  /** The roles answered normally (the newcomer's answer is in NEWCOMER). */
  allowed: readonly StaffRole[];
  /** The refusal the others get: one for all, or per role with a default. */
  refusal?: Refusal | ((role: MatrixRole) => Refusal);
  effect?: readonly CollectionName[];
  /** State the case needs beyond the organisation's (put there before the case, undone after). */
  given?: (deps: AppDeps) => Promise<void>;
  /**
   * Set when today's code does something else than this row says the product SHOULD do: the row is
   * run as `it.fails` on the roles concerned, naming the defect, until the code is fixed.
   */
  defect?: { roles: readonly MatrixRole[]; note: string; platforms?: readonly ('slack' | 'lark')[] };
}


/** Everyone but the newcomer: a row's `allowed` speaks of these; the newcomer's expectations are in NEWCOMER below. */
export type StaffRole = Exclude<MatrixRole, 'newcomer'>;
export const ALL = ROLES.filter((r): r is StaffRole => r !== 'newcomer');
export const REPS = ['repEast', 'repWest', 'coach'] as const satisfies readonly MatrixRole[];
export const MANAGERS = ['mgrEast', 'mgrWest', 'coach'] as const satisfies readonly MatrixRole[];
export const LOGGERS = [...REPS, 'mgrEast', 'mgrWest'] as const satisfies readonly MatrixRole[];
/** ann herself, her manager, and those who see everyone. */
export const ANNS_CIRCLE = ['repEast', 'mgrEast', 'hr', 'admin'] as const satisfies readonly MatrixRole[];

export const needs = (roles: string): Refusal => ({ key: 'error.needsRole', params: { roles } });
export const byRole =
  (special: Partial<Record<MatrixRole, Refusal>>, otherwise: Refusal) =>
  (role: MatrixRole): Refusal =>
    special[role] ?? (HOLDS[role] ?? []).map((r) => special[r]).find((r) => r !== undefined) ?? otherwise;

export const cmd = (command: CommandName, text = ''): Trigger => ({ type: 'command', command, text });

export const NOT_COACHS_MANAGER = (key: MessageKey): Refusal => ({ key, params: { name: 'Kai Coach' } });
export const NOT_CATS_MANAGER: Refusal = { key: 'interview.error.notManager', params: { name: 'Cat Xu' } };

/** bob's appeal decided, so that 2026-Q3 may be closed. */
export async function noPendingAppeals(deps: AppDeps): Promise<void> {
  for (const a of await deps.store.appeals.find()) await deps.store.appeals.put({ ...a, state: 'rejected', decidedBy: 'hr', decidedAt: deps.clock.now().toISOString(), decisionReason: 'Checked: the visits were counted' });
}

/** The current quarter's cycle back to collecting data (the fixture has it in review). */
export async function q4Collecting(deps: AppDeps): Promise<void> {
  const [q4] = await deps.store.cycles.find({ periodKey: '2026-Q4' });
  await deps.store.cycles.put({ ...q4!, state: 'collecting' });
}

export const NOT_ANNS_SCORECARD: Refusal = { key: 'error.scorecardForbidden', params: { subject: 'Ann Lee' } };
export const NOT_ANNS_MANAGER = (key: MessageKey): Partial<Record<MatrixRole, Refusal>> => ({ mgrWest: { key, params: { name: 'Ann Lee' } }, coach: { key, params: { name: 'Ann Lee' } } });

