import { addDays, type LocalDate } from '../../domain/dates.js';
import { repOutcome, type RepOutcome } from '../../domain/accounts/outcomes.js';
import type { Account } from '../../domain/model/accounts.js';
import type { Period } from '../../domain/period.js';
import type { ChainFigures } from '../../domain/read-models/account-chain.js';
import type { AppDeps } from '../deps.js';

const min = (a: LocalDate, b: LocalDate): LocalDate => (a < b ? a : b);

/**
 * Each rep's visit-to-deal conversion and follow-up discipline in a period (see repOutcome), as of
 * `asOf`. Two indexed reads for all the reps asked.
 */
export async function repOutcomes(deps: Pick<AppDeps, 'store'>, input: { repIds: readonly string[]; period: Period; asOf: LocalDate }): Promise<Map<string, RepOutcome>> {
  const out = new Map<string, RepOutcome>();
  if (input.repIds.length === 0 || input.asOf < input.period.from) return out;
  const ids = { in: [...input.repIds] };
  const [activities, deals] = await Promise.all([
    deps.store.activities.find({ repId: ids, date: { gte: input.period.from, lte: min(addDays(input.period.to, 30), input.asOf) } }),
    deps.store.deals.find({ repId: ids, signedDate: { gte: input.period.from, lte: input.period.to } }),
  ]);
  for (const repId of input.repIds) {
    out.set(
      repId,
      repOutcome({ activities: activities.filter((a) => a.repId === repId), deals: deals.filter((d) => d.repId === repId), period: input.period, asOf: input.asOf }),
    );
  }
  return out;
}

/** An account's chain visits → deals → payments in a period and in the 12 months up to `asOf`. */
export async function accountChain(deps: Pick<AppDeps, 'store'>, account: Account, input: { period: Period; asOf: LocalDate }): Promise<{ period: ChainFigures; year: ChainFigures; lastActivity: LocalDate | null }> {
  const yearFrom = addDays(input.asOf, -364);
  const from = input.period.from < yearFrom ? input.period.from : yearFrom;
  const [activities, deals] = await Promise.all([
    deps.store.activities.find({ accountId: account.id, date: { gte: from, lte: input.asOf } }),
    deps.store.deals.find({ accountId: account.id }),
  ]);
  const dealIds = deals.map((d) => d.id);
  const payments = dealIds.length ? await deps.store.payments.find({ dealId: { in: dealIds } }) : [];
  const figures = (lo: LocalDate, hi: LocalDate): ChainFigures => {
    const inRange = deals.filter((d) => d.signedDate >= lo && d.signedDate <= hi);
    const ids = new Set(inRange.map((d) => d.id));
    return {
      visits: activities.filter((a) => a.date >= lo && a.date <= hi).length,
      deals: inRange.length,
      signed: inRange.reduce((s, d) => s + d.amountBase, 0),
      collected: payments.filter((p) => ids.has(p.dealId) && p.receivedDate <= input.asOf).reduce((s, p) => s + p.amountBase, 0),
    };
  };
  const last = activities.reduce<LocalDate | null>((m, a) => (m === null || a.date > m ? a.date : m), null);
  return { period: figures(input.period.from, min(input.period.to, input.asOf)), year: figures(yearFrom, input.asOf), lastActivity: last };
}
