import { addDays, daysBetween, type LocalDate } from '../../domain/dates.js';
import type { Absence } from '../../domain/model/self-and-leave.js';
import type { AppDeps } from '../deps.js';
import type { Delivery } from '../delivery/enqueue.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The absences covering `date`, by platform identity of the person away. */
async function awayOn(deps: Pick<AppDeps, 'store'>, date: LocalDate): Promise<Map<string, Absence>> {
  const absences = (await deps.store.absences.find({ from: { lte: date } })).filter((a) => a.to >= date);
  if (absences.length === 0) return new Map();
  const out = new Map<string, Absence>();
  for (const a of absences) {
    const person = await deps.store.people.get(a.personId);
    for (const identity of person?.identities ?? []) {
      const known = out.get(identity);
      // Overlapping absences: the one lasting longest decides when the person is back.
      if (!known || known.to < a.to) out.set(identity, a);
    }
  }
  return out;
}

/**
 * Leave and out-of-office (`/away`) applied to a job's messages: a DM to someone away on the run's
 * day is dropped (`skip`: nudges and reminders are about that day) or held until the morning after
 * they are back (`defer`: reports they should still read). Channel posts are not affected.
 */
export async function applyAbsences(
  deps: Pick<AppDeps, 'store' | 'clock'>,
  deliveries: readonly Delivery[],
  date: LocalDate,
  mode: 'skip' | 'defer',
): Promise<{ kept: Delivery[]; paused: number }> {
  const away = await awayOn(deps, date);
  if (away.size === 0) return { kept: [...deliveries], paused: 0 };
  const kept: Delivery[] = [];
  let paused = 0;
  for (const d of deliveries) {
    const absence = d.target.kind === 'dm' ? away.get(d.target.identity) : undefined;
    if (!absence) {
      kept.push(d);
      continue;
    }
    paused++;
    if (mode === 'skip') continue;
    // The same time of day, on the day after the absence ends.
    const shift = (daysBetween(date, addDays(absence.to, 1))) * DAY_MS;
    const base = d.notBefore ? Date.parse(d.notBefore) : deps.clock.now().getTime();
    kept.push({ ...d, notBefore: new Date(base + shift).toISOString() });
  }
  return { kept, paused };
}
