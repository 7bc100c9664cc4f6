import { dormantAccounts, type DormantAccount } from '../../domain/accounts/dormancy.js';
import type { LocalDate } from '../../domain/dates.js';
import { tierCadences } from '../../domain/model/template.js';
import { quarterOf } from '../../domain/period.js';
import type { AppDeps } from '../deps.js';
import { templateForPeriod } from '../templates.js';

/**
 * Key accounts past their tier's cadence on `asOf` (the tiers and cadences of the template the
 * quarter is scored with), for the given owners or everyone. One indexed query.
 */
export async function findDormantAccounts(
  deps: Pick<AppDeps, 'store' | 'clock'>,
  input: { asOf: LocalDate; ownerIds?: readonly string[] },
): Promise<DormantAccount[]> {
  const template = await templateForPeriod(deps, quarterOf(input.asOf));
  const cadence = tierCadences(template);
  const tiers = Object.keys(cadence);
  if (tiers.length === 0 || input.ownerIds?.length === 0) return [];
  const states = await deps.store.keyAccounts({ asOf: input.asOf, tiers, ...(input.ownerIds ? { ownerIds: input.ownerIds } : {}) });
  return dormantAccounts(states, cadence, input.asOf);
}

/** Dormant accounts grouped by owner id. */
export function byOwner(accounts: readonly DormantAccount[]): Map<string, DormantAccount[]> {
  const out = new Map<string, DormantAccount[]>();
  for (const a of accounts) out.set(a.ownerId, [...(out.get(a.ownerId) ?? []), a]);
  return out;
}
