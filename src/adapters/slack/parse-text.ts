import { isPeriodKey } from '../../domain/period.js';

/**
 * Slash-command text with escaping on (the manifest sets `should_escape: true`): users arrive as
 * `<@U0123|name>`, channels as `<#C0123|name>`. https://api.slack.com/interactivity/slash-commands
 */
const USER_RE = /<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/;
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
