import type { AppDeps } from '../application/deps.js';
import type { Person } from '../domain/model/people.js';
import type { DecisionHandler } from './decisions.js';
import { textView, type ChatAnswer, type ChatRequest } from './request.js';

/**
 * Feedback interviews (面谈) and improvement plans: `/interview @rep …`, the plan's acknowledgement.
 * TODO(issue 6, interviews): not built yet.
 */
export const INTERVIEW_DECISIONS: Record<string, DecisionHandler> = {};

export async function interviewAnswer(_deps: AppDeps, _actor: Person, _req: ChatRequest): Promise<ChatAnswer> {
  return { view: textView('/interview is not available yet.') };
}
