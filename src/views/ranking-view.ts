import type { Locale } from '../domain/model/fields.js';
import type { RankEntry } from '../domain/scoring/ranking.js';
import { fmtScore, listOf } from './format.js';
import { t } from './i18n.js';
import type { Block, View } from './view.js';

export interface RankingViewInput {
  periodKey: string;
  entries: readonly RankEntry[];
  teamNames: ReadonlyMap<string, string>;
  unrankedNames: readonly string[];
  /** When set, the ranking is of one team and shows team ranks. */
  team?: { id: string; name: string };
  /** False when the privacy setting shows ranks without scores. Default true. */
  showScores?: boolean;
  /** The viewer's own place, stated under the table. */
  own?: { rank: number; of: number } | null;
  /** Set when the list was cut to the top N. */
  topN?: number;
}

export function rankingView(locale: Locale, input: RankingViewInput): View {
  const title = input.team
    ? t(locale, 'ranking.teamTitle', { period: input.periodKey, team: input.team.name })
    : t(locale, 'ranking.title', { period: input.periodKey });
  const entries = input.team ? [...input.entries].filter((e) => e.teamId === input.team!.id).sort((a, b) => a.teamRank - b.teamRank) : input.entries;
  const scores = input.showScores !== false;
  const blocks: Block[] = [{ type: 'header', text: title }];
  if (entries.length > 0) {
    blocks.push({
      type: 'table',
      columns: [
        { label: t(locale, 'ranking.col.rank'), align: 'right' },
        { label: t(locale, 'ranking.col.name') },
        { label: t(locale, 'ranking.col.team') },
        ...(scores ? [{ label: t(locale, 'ranking.col.total'), align: 'right' as const }, { label: t(locale, 'ranking.col.grade') }] : []),
      ],
      rows: entries.map((e) => [
        String(input.team ? e.teamRank : e.rank),
        e.name,
        (e.teamId && input.teamNames.get(e.teamId)) || '—',
        ...(scores ? [fmtScore(locale, e.total), e.grade] : []),
      ]),
    });
  }
  if (input.topN) blocks.push({ type: 'context', text: t(locale, 'ranking.topN', { n: input.topN }) });
  if (input.own) blocks.push({ type: 'text', text: t(locale, 'ranking.own', { rank: input.own.rank, of: input.own.of }) });
  else if (input.own === null) blocks.push({ type: 'text', text: t(locale, 'ranking.notRanked') });
  blocks.push({ type: 'context', text: t(locale, 'ranking.tieRule') });
  if (input.unrankedNames.length > 0) {
    blocks.push({ type: 'context', text: t(locale, 'ranking.unranked', { names: listOf(locale, input.unrankedNames) }) });
  }
  return { title, blocks };
}
