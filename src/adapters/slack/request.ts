import { knownMentions } from '../../chat/mentions.js';
import type { ChatRequest } from '../../chat/port.js';
import type { SlackContext } from './context.js';
import { splitMentions, unescapeSlack, unwrapLinks } from './parse-text.js';

/** What a Slack request says in words: a slash command's text, or a DM's text with an uploaded file's lines. */
export interface SlackWords {
  /** The command's text as Slack sent it (escaped, with its mentions and links). */
  text?: string;
  /** Lines that are not Slack markup (an uploaded file's content): taken as they are. */
  fileLines?: readonly string[];
  /** Slack's id of this request (trigger_id, view id), for idempotent writes. */
  requestId?: string;
}

/**
 * The one translation of a Slack request into the conversation's `ChatRequest`: the first line's
 * user mentions become people the bot already knows (through SlackActors, which never registers
 * anyone from a mention), a channel mention (`<#C…>`) becomes the request's channel, links are
 * unwrapped to their address and `&amp;` & co. read as typed, in the words and the lines alike.
 * Mentions and channels are read from the escaped text, so a literal `<#C…>` someone typed (Slack
 * sends it as `&lt;#C…&gt;`) stays a word.
 */
export async function slackRequest(ctx: Pick<SlackContext, 'actors'>, input: SlackWords): Promise<ChatRequest> {
  const [first = '', ...rest] = (input.text ?? '').split('\n');
  const { words, mentions, channels } = splitMentions(unwrapLinks(first));
  const { users, unknownUsers } = await knownMentions((id) => ctx.actors.known(id), mentions);
  const channel = channels[0];
  return {
    words: words.map(unescapeSlack),
    users,
    unknownUsers,
    lines: [...rest.map((l) => unescapeSlack(unwrapLinks(l))), ...(input.fileLines ?? [])],
    platforms: ['slack'],
    platform: 'slack',
    ...(input.requestId ? { requestId: input.requestId } : {}),
    // The label is the bot's own live link to the channel Slack named (answer-message.ts keeps it live).
    ...(channel ? { channel: { ref: `slack:${channel}`, label: `<#${channel}>` } } : {}),
  };
}
