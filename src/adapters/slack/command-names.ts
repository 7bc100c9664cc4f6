import { COMMAND_NAMES, COMMAND_TABLE } from '../../chat/commands.js';

/**
 * The Chinese catalogue names commands by their Chinese alias (`/拜访`), as a Chinese reader types
 * them on Lark and in the console. Slack cannot register a slash command that is not ASCII, so on
 * Slack every alias the bot writes is shown as the English command that works there (`/visit`).
 * Only an alias standing as a word is replaced: `/拜访` before a space, punctuation or the end,
 * never `/回款率` or a path.
 */
const BY_ALIAS = new Map<string, string>(COMMAND_NAMES.map((c) => [COMMAND_TABLE[c].zh, COMMAND_TABLE[c].en]));
const ALIASES = [...BY_ALIAS.keys()].sort((a, b) => b.length - a.length).map((a) => a.slice(1));
const ALIAS_RE = new RegExp(`(^|[^\\w/\\u4e00-\\u9fff])/(${ALIASES.join('|')})(?![\\w\\u4e00-\\u9fff-])`, 'g');

export const slackCommandNames = (text: string): string => text.replace(ALIAS_RE, (_m, before: string, alias: string) => `${before}${BY_ALIAS.get(`/${alias}`)}`);
