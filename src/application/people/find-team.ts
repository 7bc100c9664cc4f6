import { AppError } from '../../domain/errors.js';
import type { Team } from '../../domain/model/people.js';
import { normaliseLine } from '../../domain/text.js';

/**
 * One way to read a team name as people type it, for every command that names a team
 * (`/ranking`, `/cycle targets … team`, `/export activities team`, `/account dormant team`,
 * `/appraisal-admin team`). The demo team is "East China 华东": `East`, `east china` and `华东`
 * all name it. In order:
 * 1. the whole name, ignoring case and runs of spaces;
 * 2. else the typed words at the start of a word of the name ("East" is in "East China 华东"
 *    but not in "Northeast"); Chinese has no spaces between words, so Chinese text may sit
 *    anywhere in the name ("华东" in "华东一区").
 * Several teams fitting step 2 is refused with the candidates rather than guessed.
 */
export function matchTeam(teams: readonly Team[], typed: string): Team | null {
  const fits = teamsFitting(teams, typed);
  if (fits.length > 1) {
    throw new AppError('VALIDATION', `"${typed}" fits several teams`, {
      params: { messageId: 'team.ambiguous', team: normaliseLine(typed).trim(), teams: fits.map((t) => t.name).join(', ') },
    });
  }
  return fits[0] ?? null;
}

/** The teams a typed name fits (see matchTeam): the one named exactly, else every team it starts a word of. */
export function teamsFitting(teams: readonly Team[], typed: string): Team[] {
  const wanted = fold(typed);
  if (!wanted) return [];
  const exact = teams.find((t) => fold(t.name) === wanted);
  return exact ? [exact] : teams.filter((t) => startsAWord(fold(t.name), wanted));
}

/** Like matchTeam, and a name that fits no team is refused with the list of teams. */
export function findTeam(teams: readonly Team[], typed: string): Team {
  const team = matchTeam(teams, typed);
  if (team) return team;
  throw new AppError('NOT_FOUND', `no team matches ${typed}`, {
    params: { messageId: 'error.unknownTeam', team: normaliseLine(typed).trim(), teams: teams.map((t) => t.name).join(', ') || '—' },
  });
}

const fold = (s: string): string => normaliseLine(s).trim().replace(/\s+/g, ' ').toLowerCase();

const HAN = /^\p{Script=Han}/u;

function startsAWord(name: string, wanted: string): boolean {
  if (HAN.test(wanted)) return name.includes(wanted);
  for (let i = name.indexOf(wanted); i >= 0; i = name.indexOf(wanted, i + 1)) {
    if (i === 0 || !/[\p{L}\p{N}]/u.test(name[i - 1]!)) return true;
  }
  return false;
}
