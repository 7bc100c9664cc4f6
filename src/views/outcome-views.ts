import type { RepOutcome } from '../domain/accounts/outcomes.js';
import type { Account } from '../domain/model/accounts.js';
import type { Locale } from '../domain/model/fields.js';
import type { ChainFigures } from '../domain/read-models/account-chain.js';
import { aside, fmtMoney, fmtPercent } from './format.js';
import { tierLabel } from './labels.js';
import { t } from './i18n.js';
import type { ViewContext } from './scorecard-view.js';
import type { Block, View } from './view.js';

const pct = (locale: Locale, x: number | null): string => (x === null ? '—' : fmtPercent(locale, x));

/** The scorecard's "behaviour → outcome" section: explained, not scored. */
export function outcomeBlocks(locale: Locale, periodKey: string, o: RepOutcome): Block[] {
  return [
    { type: 'header', text: t(locale, 'outcome.title') },
    {
      type: 'text',
      text: [
        t(locale, 'outcome.conversion', { won: o.accountsWon, visited: o.accountsVisited, period: periodKey, share: pct(locale, o.conversion) }),
        t(locale, 'outcome.noNextStep', { n: o.withoutNextStep, visits: o.visits }),
        t(locale, 'outcome.noFollowUp', { n: o.withoutFollowUp, days: o.followUpDays }),
      ].join('\n'),
    },
    { type: 'context', text: t(locale, 'outcome.note') },
  ];
}

/** The manager digest's outcome table: one row per rep. */
export function outcomeTable(locale: Locale, rows: readonly { name: string; outcome: RepOutcome }[]): Block[] {
  if (rows.length === 0) return [];
  return [
    { type: 'header', text: t(locale, 'outcome.title') },
    {
      type: 'table',
      columns: [
        { label: t(locale, 'outcome.col.rep') },
        { label: t(locale, 'outcome.col.conversion'), align: 'right' },
        { label: t(locale, 'outcome.col.noNextStep'), align: 'right' },
        { label: t(locale, 'outcome.col.noFollowUp'), align: 'right' },
      ],
      rows: rows.map(({ name, outcome: o }) => [name, aside(locale, `${o.accountsWon}/${o.accountsVisited}`, pct(locale, o.conversion)), `${o.withoutNextStep}/${o.visits}`, String(o.withoutFollowUp)]),
    },
    { type: 'context', text: t(locale, 'outcome.note') },
  ];
}

/** `/account show <name>`: the account's chain visits → deals → payments, in the period and the last 12 months. */
export function accountChainView(
  ctx: ViewContext,
  x: { account: Account; ownerName: string | null; periodKey: string; period: ChainFigures; year: ChainFigures; lastActivity: string | null },
): View {
  const { locale } = ctx;
  const title = t(locale, 'account.chain.title', { account: x.account.name, tier: tierLabel(locale, x.account.tier) });
  const row = (label: string, f: ChainFigures) => [label, String(f.visits), String(f.deals), fmtMoney(locale, f.signed, ctx.currency), fmtMoney(locale, f.collected, ctx.currency)];
  return {
    title,
    blocks: [
      { type: 'header', text: title },
      { type: 'text', text: t(locale, 'account.chain.owner', { owner: x.ownerName ?? '—', last: x.lastActivity ?? t(locale, 'account.dormant.never') }) },
      {
        type: 'table',
        columns: [
          { label: '' },
          { label: t(locale, 'account.chain.col.visits'), align: 'right' },
          { label: t(locale, 'account.chain.col.deals'), align: 'right' },
          { label: t(locale, 'account.chain.col.signed'), align: 'right' },
          { label: t(locale, 'account.chain.col.collected'), align: 'right' },
        ],
        rows: [row(x.periodKey, x.period), row(t(locale, 'account.chain.year'), x.year)],
      },
    ],
  };
}
