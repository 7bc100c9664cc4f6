import type { Intel } from '../../domain/model/entries.js';
import type { Person } from '../../domain/model/people.js';
import type { AppDeps } from '../deps.js';
import { requireRole, today } from '../guards.js';
import { parseInput } from '../validate.js';
import { IntelInput } from './inputs.js';

/** `/intel`: stores a market intel post; the platform adapter posts it to the intel channel. */
export async function shareIntel(deps: AppDeps, actor: Person, raw: IntelInput): Promise<{ intel: Intel; created: boolean }> {
  requireRole(actor, ['rep', 'manager'], 'share market intel');
  const input = parseInput(IntelInput, raw);
  const { record, created } = await deps.store.intel.insert({
    id: deps.newId(),
    repId: actor.id,
    date: today(deps),
    topic: input.topic,
    text: input.text,
    requestId: input.requestId,
    createdAt: deps.clock.now().toISOString(),
  });
  return { intel: record, created };
}
