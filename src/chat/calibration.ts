import type { AppDeps } from '../application/deps.js';
import type { Person } from '../domain/model/people.js';
import type { CycleSubcommand } from './cycle.js';
import type { DecisionHandler } from './decisions.js';
import { textView, type ChatAnswer, type ChatRequest } from './request.js';

/**
 * Calibration (the review meeting): `/cycle meeting …`, `/cycle calibrate …`, `/adjust @rep ±N <reason>`.
 * TODO(issue 6, calibration): not built yet.
 */
export const CALIBRATION_SUBCOMMANDS: Record<string, CycleSubcommand> = {};

export const CALIBRATION_DECISIONS: Record<string, DecisionHandler> = {};

export async function adjustAnswer(_deps: AppDeps, _actor: Person, _req: ChatRequest): Promise<ChatAnswer> {
  return { view: textView('/adjust is not available yet.') };
}
