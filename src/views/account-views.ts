import type { DormantAccount } from '../domain/accounts/dormancy.js';
import type { Locale } from '../domain/model/fields.js';
import { aside } from './format.js';
import { t } from './i18n.js';
import { daysLabel, tierLabel } from './labels.js';
import type { Block, View } from './view.js';

/** At most this many rows in a chat table; the rest is counted. */
const MAX_ROWS = 40;

export interface DormantRow extends DormantAccount {
  ownerName: string;
}

/** One dormant account as a short phrase: "Acme (A, 52 days)", "Globex (strategic, never visited)". */
export const dormantPhrase = (locale: Locale, a: DormantAccount): string =>
  t(locale, 'account.dormant.phrase', { name: a.name, tier: tierLabel(locale, a.tier), since: a.daysSince === null ? t(locale, 'account.dormant.never') : daysLabel(locale, a.daysSince) });

/** The dormant-account table rows (without a header), newest neglect last. */
export function dormantTable(locale: Locale, rows: readonly DormantRow[], withOwner: boolean): Block[] {
  const shown = rows.slice(0, MAX_ROWS);
  const columns = [
    { label: t(locale, 'account.dormant.col.account') },
    { label: t(locale, 'account.dormant.col.tier') },
    ...(withOwner ? [{ label: t(locale, 'account.dormant.col.owner') }] : []),
    { label: t(locale, 'account.dormant.col.last') },
    { label: t(locale, 'account.dormant.col.overdue'), align: 'right' as const },
  ];
  const blocks: Block[] = [
    {
      type: 'table',
      columns,
      rows: shown.map((r) => [
        r.name,
        tierLabel(locale, r.tier),
        ...(withOwner ? [r.ownerName] : []),
        r.lastActivity ?? t(locale, 'account.dormant.never'),
        aside(locale, `${r.daysSince ?? '—'}`, `${r.cadenceDays}`),
      ]),
    },
  ];
  if (rows.length > shown.length) blocks.push({ type: 'context', text: t(locale, 'account.dormant.more', { n: rows.length - shown.length }) });
  return blocks;
}

/** `/account dormant`: the key accounts past their cadence that the reader is responsible for. */
export function dormantAccountsView(locale: Locale, input: { asOf: string; rows: readonly DormantRow[]; withOwner: boolean; canReassign: boolean }): View {
  const title = t(locale, 'account.dormant.title');
  if (input.rows.length === 0) return { title, blocks: [{ type: 'header', text: title }, { type: 'text', text: t(locale, 'account.dormant.none') }] };
  return {
    title,
    blocks: [
      { type: 'header', text: title },
      { type: 'text', text: t(locale, 'account.dormant.intro', { count: input.rows.length, date: input.asOf }) },
      ...dormantTable(locale, input.rows, input.withOwner),
      ...(input.canReassign ? [{ type: 'context' as const, text: t(locale, 'account.dormant.hint') }] : []),
    ],
  };
}
