import type { AppDeps } from '../application/deps.js';
import type { Person } from '../domain/model/people.js';
import type { DecisionHandler } from './decisions.js';
import { textView, type ChatAnswer, type ChatRequest } from './request.js';

/**
 * Rewards and appeals: `/award @rep <title>: <reason>`, `/appeal <reason>`, and their decisions.
 * TODO(issue 6, rewards): not built yet.
 */
export const REWARD_DECISIONS: Record<string, DecisionHandler> = {};

export async function awardAnswer(_deps: AppDeps, _actor: Person, _req: ChatRequest): Promise<ChatAnswer> {
  return { view: textView('/award is not available yet.') };
}

export async function appealAnswer(_deps: AppDeps, _actor: Person, _req: ChatRequest): Promise<ChatAnswer> {
  return { view: textView('/appeal is not available yet.') };
}
