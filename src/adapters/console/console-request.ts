import type { ChatRequest } from '../../chat/port.js';
import type { Person } from '../../domain/model/people.js';
import { t } from '../../views/i18n.js';
import { aside, listOf } from '../../views/format.js';
import type { Locale } from '../../domain/model/fields.js';

/**
 * The console's translation of a typed command: `@name` mentions (quoted when the name has spaces,
 * `@"Demo Admin"`), `#channel` and the lines after the first. A name must point at one person: one
 * that fits several is refused with the candidates, so nobody is promoted or scored by a guess.
 */
const MENTION = /@"([^"]+)"|@([^\s:：,，;；]+)/g;

export type PersonMatch = { person: Person } | { candidates: Person[] };

export function matchPerson(people: readonly Person[], text: string): PersonMatch {
  const q = text.trim().toLowerCase().replace(/^@/, '').replace(/^"|"$/g, '');
  const n = Number(q);
  if (q && Number.isInteger(n) && n >= 1 && n <= people.length) return { person: people[n - 1]! };
  const exact = people.filter((p) => p.id.toLowerCase() === q || p.name.toLowerCase() === q || p.identities.some((i) => i.toLowerCase() === q || i.toLowerCase() === `console:${q}`));
  if (exact.length === 1) return { person: exact[0]! };
  // A name is matched from the start of one of its words ("Zhou", "Jing"), never from its middle
  // ("Min" is not "Demo Admin").
  const pool = q ? people.filter((p) => p.name.toLowerCase().startsWith(q) || p.name.toLowerCase().split(/\s+/).some((w) => w.startsWith(q))) : [];
  return pool.length === 1 ? { person: pool[0]! } : { candidates: pool };
}

/** Why a typed name does not name one person, with the candidates to choose from. */
export function matchProblem(locale: Locale, name: string, candidates: readonly Person[]): string {
  if (candidates.length === 0) return t(locale, 'console.unknownUser', { name });
  return t(locale, 'console.ambiguousUser', { name, candidates: listOf(locale, candidates.map((p) => aside(locale, p.name, p.id))) });
}

export function consoleRequest(people: readonly Person[], locale: Locale, text: string, requestId: string): ChatRequest {
  const [first = '', ...lines] = text.split('\n');
  const users: Person[] = [];
  const unknownUsers: string[] = [];
  for (const m of first.matchAll(MENTION)) {
    const name = m[1] ?? m[2]!;
    const found = matchPerson(people, name);
    if ('person' in found) users.push(found.person);
    else if (found.candidates.length > 0) throw new ConsoleInputError(matchProblem(locale, name, found.candidates));
    else unknownUsers.push(`@${name}`);
  }
  const rest = first.replace(MENTION, ' ');
  const channel = rest.split(/\s+/).find((w) => /^#\S+$/.test(w));
  return {
    words: rest.split(/\s+/).filter((w) => w && w !== channel),
    users,
    unknownUsers,
    lines,
    platforms: ['console'],
    platform: 'console',
    requestId,
    ...(channel ? { channel: { ref: `console:${channel.slice(1)}`, label: channel } } : {}),
  };
}

/** A typed line the console itself refuses (an ambiguous name): said as it is, nothing sent on. */
export class ConsoleInputError extends Error {}
