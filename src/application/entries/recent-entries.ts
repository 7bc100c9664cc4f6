import type { LocalDate } from '../../domain/dates.js';
import { ENTRY_COLLECTION, ENTRY_DATE_FIELD, ENTRY_KINDS, entryDate, type AnyEntry, type EntryKind } from '../../domain/model/entry-kinds.js';
import type { Person } from '../../domain/model/people.js';
import { quarterOf } from '../../domain/period.js';
import type { AppDeps } from '../deps.js';
import type { RecentEntry } from '../../domain/read-models/entries.js';
import { isEditable } from './own-entry.js';

export const MAX_RECENT = 50;

/**
 * The actor's latest entries of every kind, newest first (by date, then by when they were recorded).
 * Each kind is read with the limit, so at most `limit` × 5 rows are loaded whatever the history.
 */
export async function recentEntries(deps: Pick<AppDeps, 'store' | 'clock' | 'settings'>, actor: Person, options: { limit?: number } = {}): Promise<RecentEntry[]> {
  const limit = Math.min(MAX_RECENT, Math.max(1, Math.trunc(options.limit ?? 10)));
  const perKind = await Promise.all(ENTRY_KINDS.map((kind) => latestOf(deps, actor.id, kind, limit)));
  const entries = perKind.flat().sort(newestFirst).slice(0, limit);
  const [names, products] = await lookups(deps, entries);
  const openByQuarter = new Map<string, Promise<boolean>>();
  const editable = (date: LocalDate): Promise<boolean> => {
    const key = quarterOf(date).key;
    if (!openByQuarter.has(key)) openByQuarter.set(key, isEditable(deps, date));
    return openByQuarter.get(key)!;
  };
  return Promise.all(entries.map(async (e) => summarise(e, await editable(entryDate(e)), names, products)));
}

/**
 * The rep's latest `limit` entries of one kind. The store sorts by date alone, so every entry on the
 * last date shown is read too: ties are then broken by recording time, not by chance.
 */
async function latestOf(deps: Pick<AppDeps, 'store'>, repId: string, kind: EntryKind, limit: number): Promise<AnyEntry[]> {
  const collection = deps.store[ENTRY_COLLECTION[kind]];
  const field = ENTRY_DATE_FIELD[kind];
  const wrap = (records: readonly { id: string }[]): AnyEntry[] => records.map((record) => ({ kind, record }) as AnyEntry);
  const page = wrap(await collection.find({ repId }, { sort: { field, dir: 'desc' }, limit }));
  if (page.length < limit) return page;
  const last = entryDate(page[page.length - 1]!);
  const tied = wrap(await collection.find({ repId, [field]: last }));
  return [...page.filter((e) => entryDate(e) !== last), ...tied];
}

const newestFirst = (a: AnyEntry, b: AnyEntry): number =>
  entryDate(b).localeCompare(entryDate(a)) || b.record.createdAt.localeCompare(a.record.createdAt) || b.record.id.localeCompare(a.record.id);

/** Account names and, for payments, their deal's product and account, in two queries. */
async function lookups(deps: Pick<AppDeps, 'store'>, entries: readonly AnyEntry[]): Promise<[Map<string, string>, Map<string, { product: string; accountId: string; currency: string }>]> {
  const dealIds = entries.flatMap((e) => (e.kind === 'payment' ? [e.record.dealId] : []));
  const deals = dealIds.length ? await deps.store.deals.find({ id: { in: [...new Set(dealIds)] } }) : [];
  const products = new Map(deals.map((d) => [d.id, { product: d.product, accountId: d.accountId, currency: d.currency }]));
  const accountIds = new Set([...entries.flatMap((e) => ('accountId' in e.record ? [e.record.accountId] : [])), ...deals.map((d) => d.accountId)]);
  const accounts = accountIds.size ? await deps.store.accounts.find({ id: { in: [...accountIds] } }) : [];
  return [new Map(accounts.map((a) => [a.id, a.name])), products];
}

function summarise(
  e: AnyEntry,
  editable: boolean,
  names: ReadonlyMap<string, string>,
  deals: ReadonlyMap<string, { product: string; accountId: string; currency: string }>,
): RecentEntry {
  const base = { id: e.record.id, date: entryDate(e), createdAt: e.record.createdAt, editable };
  const name = (accountId: string): string => names.get(accountId) ?? accountId;
  switch (e.kind) {
    case 'visit':
      return { ...base, kind: 'visit', activity: e.record.kind, accountName: name(e.record.accountId), purpose: e.record.purpose };
    case 'deal': {
      const { product, amount, currency } = e.record;
      return { ...base, kind: 'deal', accountName: name(e.record.accountId), product, amount, currency };
    }
    case 'payment': {
      const deal = deals.get(e.record.dealId);
      return { ...base, kind: 'payment', accountName: deal ? name(deal.accountId) : '—', product: deal?.product ?? '—', amount: e.record.amount, currency: deal?.currency ?? 'XXX' };
    }
    case 'feedback':
      return { ...base, kind: 'feedback', accountName: name(e.record.accountId), service: e.record.service, productRating: e.record.product };
    case 'intel':
      return { ...base, kind: 'intel', topic: e.record.topic };
  }
}
