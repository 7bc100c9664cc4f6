import { slackCommandNames } from './command-names.js';

/**
 * Slash-command text with escaping on (the manifest sets `should_escape: true`): users arrive as
 * `<@U0123|name>`, channels as `<#C0123|name>`, links as `<https://…|label>`, and `&`, `<`, `>` as
 * entities. https://api.slack.com/interactivity/slash-commands
 */
const USER_RE_ALL = /<@([UW][A-Z0-9]+)(?:\|([^>]*))?>/g;
const CHANNEL_RE_ALL = /<#([CG][A-Z0-9]+)(?:\|[^>]*)?>/g;
const LINK_RE_ALL = /<(https?:[^|>]+|mailto:([^|>]+))(?:\|[^>]*)?>/g;

/**
 * Slack wraps what it recognises as a link (`<https://…|label>`, `<mailto:a@b.cn|a@b.cn>`): the
 * conversation reads the address the user typed (a meeting place, an e-mail in a pasted CSV).
 */
export const unwrapLinks = (text: string): string => text.replace(LINK_RE_ALL, (_m, url: string, mail: string | undefined) => mail ?? url);

/** Slack escapes `&`, `<` and `>` in command text (https://api.slack.com/reference/surfaces/formatting#escaping). */
export const unescapeSlack = (text: string): string => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/**
 * A command's first line → words without mentions, the mentioned Slack users with labels, and the
 * channels named (`<#C…>`). A mention may touch punctuation (`<@U1|ann>:`): what is left of the
 * word stays a word.
 */
export function splitMentions(firstLine: string): { words: string[]; mentions: { id: string; label: string }[]; channels: string[] } {
  const words: string[] = [];
  const mentions: { id: string; label: string }[] = [];
  const channels: string[] = [];
  for (const w of firstLine.trim().split(/\s+/).filter(Boolean)) {
    for (const m of w.matchAll(USER_RE_ALL)) mentions.push({ id: m[1]!, label: m[2] ? `@${m[2]}` : `@${m[1]}` });
    for (const m of w.matchAll(CHANNEL_RE_ALL)) channels.push(m[1]!);
    const rest = w.replace(USER_RE_ALL, '').replace(CHANNEL_RE_ALL, '');
    if (rest) words.push(rest);
  }
  return { words, mentions, channels };
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
