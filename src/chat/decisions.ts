import type { AppDeps } from '../application/deps.js';
import type { PlatformName } from '../domain/model/delivery.js';
import type { Person } from '../domain/model/people.js';
import type { View } from '../views/view.js';
import { CALIBRATION_DECISIONS } from './calibration.js';
import { INTERVIEW_DECISIONS } from './interviews.js';
import { LATE_ENTRY_DECISIONS } from './lifecycle.js';
import { jsonCodec, oncePerRequest } from './once.js';
import { REWARD_DECISIONS } from './rewards.js';

/**
 * Buttons that decide something (approve a late entry, approve an award, acknowledge a plan,
 * confirm a publication). A view gives such a button an id starting with `decide:`; every
 * platform sends its clicks here, and the answer replaces the message that was clicked. The
 * handler checks the clicker's role itself: a forwarded button is no permission.
 */
export const DECISION_PREFIX = 'decide:';

export type DecisionHandler = (deps: AppDeps, actor: Person, value: string, platforms: readonly PlatformName[]) => Promise<View>;

const DECISIONS: Record<string, DecisionHandler> = { ...CALIBRATION_DECISIONS, ...LATE_ENTRY_DECISIONS, ...REWARD_DECISIONS, ...INTERVIEW_DECISIONS };

export const isDecision = (actionId: string): boolean => actionId.startsWith(DECISION_PREFIX);

/**
 * The answer to a decision button; null for one this version does not know (an old message). With
 * the click's platform id (`requestId`), a replayed click gets the first answer and decides nothing.
 */
export async function decide(
  deps: AppDeps,
  actor: Person,
  actionId: string,
  value: string,
  platforms: readonly PlatformName[],
  requestId?: string,
): Promise<View | null> {
  const handler = Object.hasOwn(DECISIONS, actionId) ? DECISIONS[actionId] : undefined;
  if (!handler) return null;
  return oncePerRequest(deps, requestId, () => handler(deps, actor, value, platforms), jsonCodec<View>());
}
