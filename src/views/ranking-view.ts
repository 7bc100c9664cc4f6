import type { Locale } from '../domain/model/fields.js';
import type { RankEntry } from '../domain/scoring/ranking.js';
import { fmtScore } from './format.js';
import { t } from './i18n.js';
import type { Block, View } from './view.js';

export interface RankingViewInput {
  periodKey: string;
  entries: readonly RankEntry[];
  teamNames: ReadonlyMap<string, string>;
  unrankedNames: readonly string[];
  /** When set, the ranking is of one team and shows team ranks. */
  team?: { id: string; name: string };
}

export function rankingView(locale: Locale, input: RankingViewInput): View {
  const title = input.team
    ? t(locale, 'ranking.teamTitle', { period: input.periodKey, team: input.team.name })
    : t(locale, 'ranking.title', { period: input.periodKey });
  const entries = input.team ? [...input.entries].filter((e) => e.teamId === input.team!.id).sort((a, b) => a.teamRank - b.teamRank) : input.entries;
  const blocks: Block[] = [
    { type: 'header', text: title },
    {
      type: 'table',
      columns: [
        { label: t(locale, 'ranking.col.rank'), align: 'right' },
        { label: t(locale, 'ranking.col.name') },
        { label: t(locale, 'ranking.col.team') },
        { label: t(locale, 'ranking.col.total'), align: 'right' },
        { label: t(locale, 'ranking.col.grade') },
      ],
      rows: entries.map((e) => [
        String(input.team ? e.teamRank : e.rank),
        e.name,
        (e.teamId && input.teamNames.get(e.teamId)) || '—',
        fmtScore(locale, e.total),
        e.grade,
      ]),
    },
    { type: 'context', text: t(locale, 'ranking.tieRule') },
  ];
  if (input.unrankedNames.length > 0) {
    blocks.push({ type: 'context', text: t(locale, 'ranking.unranked', { names: input.unrankedNames.join(', ') }) });
  }
  return { title, blocks };
}
