import type { z } from 'zod';
import type { Intel } from '../../domain/model/entries.js';
import type { Person } from '../../domain/model/people.js';
import type { AppDeps } from '../deps.js';
import { lateEntryError, pastCloseDate, requireRole, today, type EntryOptions } from '../guards.js';
import { parseInput } from '../validate.js';
import { IntelInput } from './inputs.js';

/** An intel post's stored text (its date is the day it was shared, so an edit keeps it). */
export const intelFields = (input: Omit<z.output<typeof IntelInput>, 'requestId'>): Pick<Intel, 'topic' | 'text'> => ({
  topic: input.topic,
  text: input.text,
});

/** `/intel`: stores a market intel post; the platform adapter posts it to the intel channel. */
export async function shareIntel(deps: AppDeps, actor: Person, raw: IntelInput, opts: EntryOptions = {}): Promise<{ intel: Intel; created: boolean }> {
  requireRole(actor, ['rep', 'manager'], 'share market intel');
  const input = parseInput(IntelInput, raw);
  // Intel is dated the day it is shared: late only when its own quarter's close date has passed.
  const late = opts.allowLate ? null : await pastCloseDate(deps, today(deps));
  if (late) throw lateEntryError(late, today(deps), 'intel');
  const { record, created } = await deps.store.intel.insert({
    id: deps.newId(),
    repId: actor.id,
    date: today(deps),
    ...intelFields(input),
    requestId: input.requestId,
    createdAt: deps.clock.now().toISOString(),
  });
  return { intel: record, created };
}
