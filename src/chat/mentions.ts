import { AppError } from '../domain/errors.js';
import type { Person } from '../domain/model/people.js';

/** A platform mention: the platform's user id (`U…`, `ou_…`) and how to name it. */
export interface Mention {
  id: string;
  label: string;
}

/** Looks up a person the bot knows by the platform's user id, or null; never registers anyone. */
export type FindKnown = (id: string) => Promise<Person | null | undefined>;

/**
 * Mentioned people as the bot knows them. A mention never registers anyone: only the person
 * themselves (by using the bot), an import or an admin's link brings someone in, so a rep cannot
 * enrol a colleague, a stranger or a guest by typing their name.
 */
export async function knownMentions(find: FindKnown, mentions: readonly Mention[]): Promise<{ users: Person[]; unknownUsers: string[] }> {
  const found = await Promise.all(mentions.map((m) => find(m.id)));
  return {
    users: found.filter((p): p is Person => p !== null && p !== undefined),
    unknownUsers: mentions.filter((_, i) => !found[i]).map((m) => m.label),
  };
}

/** The refusal of mentions the bot does not know ("I don't know … yet"); the names are listed in the reader's punctuation when read. */
export const unknownMentionError = (labels: readonly string[]): AppError =>
  new AppError('NOT_FOUND', `unknown people mentioned: ${labels.join(', ')}`, { params: { messageId: 'access.unknownMention', names: [...labels] } });
