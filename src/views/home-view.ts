import type { RecentEntry } from '../domain/read-models/entries.js';
import type { HomeData, TeamGlanceRow } from '../domain/read-models/home.js';
import type { Locale } from '../domain/model/fields.js';
import { fmtCount, fmtMoneyExact, fmtScore } from './format.js';
import { t } from './i18n.js';
import { pacingBlocks, type ViewContext } from './scorecard-view.js';
import type { Block, Button, View } from './view.js';

/** Button ids the platform adapters listen for. */
export const HOME_ACTIONS = {
  logVisit: 'home.log-visit',
  logDeal: 'home.log-deal',
  editEntry: 'entry.edit',
  deleteEntry: 'entry.delete',
} as const;

/**
 * The App Home: buttons to log, the quarter so far with pacing and the way to the next grade, the
 * latest entries with Edit / Delete while they are open, and for a manager the team at a glance.
 * `notice` is a one-off line under the title: what became of the last action taken on the Home
 * (an entry deleted, or why it was refused). It is gone the next time the Home is built.
 */
export function homeView(ctx: ViewContext, data: HomeData, notice?: string): View {
  const { locale } = ctx;
  const title = t(locale, 'home.title', { name: data.actor.name, period: data.period.key });
  const blocks: Block[] = [{ type: 'header', text: title }];
  if (notice) blocks.push({ type: 'text', text: notice });
  if (data.canLog) {
    blocks.push({
      type: 'actions',
      buttons: [
        { id: HOME_ACTIONS.logVisit, label: t(locale, 'home.button.logVisit'), value: 'visit', style: 'primary' },
        { id: HOME_ACTIONS.logDeal, label: t(locale, 'home.button.logDeal'), value: 'deal' },
      ],
    });
  }
  blocks.push(...quarterBlocks(ctx, data));
  if (data.canLog || data.recent.length > 0) {
    blocks.push(
      { type: 'divider' },
      { type: 'header', text: t(locale, 'home.recent.title') },
      ...(data.recent.length ? data.recent.map((e) => entryItem(ctx, e)) : [{ type: 'text' as const, text: t(locale, 'home.recent.none') }]),
    );
  }
  if (data.team) blocks.push({ type: 'divider' }, ...teamBlocks(locale, data.period.key, data.team));
  return { title, blocks };
}

function quarterBlocks(ctx: ViewContext, data: HomeData): Block[] {
  const report = data.scorecard;
  if (!report) return [];
  const { locale } = ctx;
  const { card } = report;
  return [
    { type: 'header', text: t(locale, 'home.quarter', { period: data.period.key }) },
    {
      type: 'fields',
      fields: [
        { label: t(locale, 'scorecard.total'), value: card.noData ? '—' : fmtScore(locale, card.total) },
        { label: t(locale, 'scorecard.grade'), value: card.grade || '—' },
      ],
    },
    ...(card.noData ? [{ type: 'text' as const, text: t(locale, 'scorecard.noData') }] : []),
    ...pacingBlocks(ctx, report),
  ];
}

/** One line per entry: "2026-11-26 · Deal · Acme · Robots · ¥100,000". */
export function entryLine(locale: Locale, e: RecentEntry): string {
  switch (e.kind) {
    case 'visit':
      return t(locale, 'home.entry.visit', { date: e.date, activity: t(locale, `home.activity.${e.activity}`), account: e.accountName });
    case 'deal':
    case 'payment':
      return t(locale, `home.entry.${e.kind}`, { date: e.date, account: e.accountName, product: e.product, amount: fmtMoneyExact(locale, e.amount, e.currency) });
    case 'feedback':
      return t(locale, 'home.entry.feedback', { date: e.date, account: e.accountName, service: e.service, product: e.productRating });
    case 'intel':
      return t(locale, 'home.entry.intel', { date: e.date, topic: e.topic });
  }
}

function entryItem(ctx: ViewContext, e: RecentEntry): Block {
  const { locale } = ctx;
  const line = entryLine(locale, e);
  if (!e.editable) return { type: 'item', text: t(locale, 'home.entry.locked', { line }), buttons: [] };
  const value = JSON.stringify({ kind: e.kind, id: e.id });
  const buttons: Button[] = [
    { id: HOME_ACTIONS.editEntry, label: t(locale, 'home.button.edit'), value },
    {
      id: HOME_ACTIONS.deleteEntry,
      label: t(locale, 'home.button.delete'),
      value,
      style: 'danger',
      confirm: {
        title: t(locale, 'home.confirmDelete.title'),
        text: t(locale, 'home.confirmDelete.text', { entry: line }),
        confirm: t(locale, 'home.confirmDelete.confirm'),
        deny: t(locale, 'home.confirmDelete.deny'),
      },
    },
  ];
  return { type: 'item', text: line, buttons };
}

function teamBlocks(locale: Locale, period: string, team: readonly TeamGlanceRow[]): Block[] {
  const header: Block = { type: 'header', text: t(locale, 'home.team.title', { period }) };
  if (team.length === 0) return [header, { type: 'text', text: t(locale, 'home.team.none') }];
  const pace = (onPace: boolean | null | undefined): string =>
    onPace === true ? t(locale, 'home.team.onPace') : onPace === false ? t(locale, 'home.team.behind') : '—';
  return [
    header,
    {
      type: 'table',
      columns: [
        { label: t(locale, 'ranking.col.name') },
        { label: t(locale, 'ranking.col.total'), align: 'right' },
        { label: t(locale, 'ranking.col.grade') },
        { label: t(locale, 'home.team.col.visits'), align: 'right' },
        { label: t(locale, 'home.team.col.pace') },
      ],
      rows: team.map((r) => [
        r.name,
        fmtScore(locale, r.total),
        r.grade || '—',
        r.visits ? `${fmtCount(locale, r.visits.actual)} / ${fmtCount(locale, r.visits.target)}` : '—',
        pace(r.visits?.onPace),
      ]),
    },
  ];
}
