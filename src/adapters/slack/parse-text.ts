import { slackCommandNames } from './command-names.js';
import { isPeriodKey } from '../../domain/period.js';

/**
 * Slash-command text with escaping on (the manifest sets `should_escape: true`): users arrive as
 * `<@U0123|name>`, channels as `<#C0123|name>`. https://api.slack.com/interactivity/slash-commands
 */
const USER_RE = /<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/;
const USER_RE_ALL = new RegExp(USER_RE.source, 'g');
const CHANNEL_RE = /<#([CG][A-Z0-9]+)(?:\|[^>]*)?>/;

export interface ParsedText {
  words: string[];
  users: string[];
  channels: string[];
  period: string | undefined;
  /** The words that are neither mentions nor a period, joined back. */
  rest: string;
}

export function parseCommandText(text: string): ParsedText {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const users: string[] = [];
  const channels: string[] = [];
  let period: string | undefined;
  const rest: string[] = [];
  for (const w of words) {
    const u = USER_RE.exec(w);
    const c = CHANNEL_RE.exec(w);
    if (u) users.push(u[1]!);
    else if (c) channels.push(c[1]!);
    else if (!period && isPeriodKey(w.toUpperCase())) period = w.toUpperCase();
    else rest.push(w);
  }
  return { words, users, channels, period, rest: rest.join(' ') };
}

/** Slack escapes `&`, `<` and `>` in command text (https://api.slack.com/reference/surfaces/formatting#escaping). */
export const unescapeSlack = (text: string): string => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/**
 * A command's first line → words without mentions, and the mentioned Slack user ids with labels.
 * A mention may touch punctuation (`<@U1|ann>:`): what is left of the word stays a word.
 */
export function splitMentions(firstLine: string): { words: string[]; mentions: { id: string; label: string }[] } {
  const words: string[] = [];
  const mentions: { id: string; label: string }[] = [];
  for (const w of firstLine.trim().split(/\s+/).filter(Boolean)) {
    for (const m of w.matchAll(USER_RE_ALL)) mentions.push({ id: m[1]!, label: m[2] ? `@${m[2]}` : `@${m[1]}` });
    const rest = w.replace(USER_RE_ALL, '');
    if (rest) words.push(rest);
  }
  return { words, mentions };
}

/**
 * Any text the bot did not write itself (an entry's notes, an award title, a name, an answer that
 * echoes what was typed) made literal for Slack: in a message's `text` and in mrkdwn alike, `&`,
 * `<` and `>` are escaped (https://api.slack.com/reference/surfaces/formatting#escaping), so
 * `<!channel>`, `<@U…>` and `<http://…|a disguised link>` show as typed and notify or link nobody.
 * The words a client may still read as a broadcast (`@channel`, `@here`, `@everyone`) get an
 * invisible word joiner after the `@`. The bot's own markup (`*bold*`, `<@U…>` of a person it
 * means to mention) is added around the escaped text, never inside it. Chinese command aliases
 * become the English commands Slack can run (command-names.ts).
 */
export const escapeSlack = (text: string): string =>
  slackCommandNames(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(channel|here|everyone)\b/gi, '@\u2060$1');

/** The bot's own mention of a Slack user; anything that is not a user id is shown as literal text. */
export const slackMention = (userId: string): string => (/^[UW][A-Z0-9]+$/.test(userId) ? `<@${userId}>` : escapeSlack(userId));
