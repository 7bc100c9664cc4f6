/**
 * HR's explicit override of the calendar: `… early <reason>` (`… 提前 <理由>`) on `/cycle review`,
 * `/cycle close` and `/publish-results … confirm`. The words before the keyword are the command's
 * own; everything after it (and the message's further lines) is the reason. Without the keyword
 * there is no override; with it and no reason the use case asks for one.
 */
export const EARLY_WORDS: readonly string[] = ['early', '提前'];

export function splitEarly(words: readonly string[], lines: readonly string[] = []): { head: string[]; early: string | undefined } {
  const at = words.findIndex((w) => EARLY_WORDS.includes(w.toLowerCase()));
  if (at < 0) return { head: [...words], early: undefined };
  const reason = [words.slice(at + 1).join(' '), ...lines.map((l) => l.trim()).filter(Boolean)].join('\n').trim();
  return { head: words.slice(0, at), early: reason };
}
