/**
 * The text of a received message and who it mentions
 * (https://open.feishu.cn/document/server-docs/im-v1/message/events/receive). A text message is
 * `{"text":"@_user_1 /visit Acme"}` with each mention as a key (`@_user_1`) explained in `mentions`;
 * a rich-text (`post`) message is paragraphs of elements. Mentions before the command address the
 * bot; the bot's own mentions are dropped wherever they are; the others are the command's people.
 */
export interface Mention {
  key: string;
  id?: { open_id?: string | undefined } | undefined;
  name: string;
  mentioned_type?: string | undefined;
}

export interface ReceivedText {
  /** The command text with every mention removed (lines kept, for a pasted CSV). */
  text: string;
  /** People mentioned after the command, in order. */
  mentions: { openId: string; name: string }[];
  /** Whether the message @-mentions the bot (a group message is for the bot only then). */
  mentionedBot: boolean;
}

type PostElement = { tag?: string; text?: string; user_id?: string };

function rawText(messageType: string, content: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return '';
  }
  if (messageType === 'text') return typeof (parsed as { text?: unknown }).text === 'string' ? (parsed as { text: string }).text : '';
  if (messageType !== 'post' || !parsed || typeof parsed !== 'object') return '';
  // A received post is {title, content}; a sent one may be wrapped in a language ({zh_cn: {…}}).
  const post = 'content' in parsed ? (parsed as { content: unknown }) : (Object.values(parsed)[0] as { content?: unknown } | undefined);
  const paragraphs = Array.isArray(post?.content) ? (post.content as unknown[]) : [];
  return paragraphs
    .map((p) => (Array.isArray(p) ? (p as PostElement[]).map((e) => (e.tag === 'at' ? ` ${e.user_id ?? ''} ` : e.tag === 'text' || e.tag === 'a' ? (e.text ?? '') : '')).join('') : ''))
    .join('\n');
}

export function receivedText(message: { message_type: string; content: string; mentions?: Mention[] | undefined }, botOpenId: string | undefined): ReceivedText {
  const raw = rawText(message.message_type, message.content);
  const byKey = new Map((message.mentions ?? []).map((m) => [m.key, m]));
  const isBot = (m: Mention) => (botOpenId ? m.id?.open_id === botOpenId : m.mentioned_type === 'bot');
  const commandAt = raw.search(/(^|\s)\//);
  const mentions: ReceivedText['mentions'] = [];
  let mentionedBot = false;
  const text = raw.replace(/@_user_\d+|@_all/g, (key, offset: number) => {
    const m = byKey.get(key);
    if (!m) return '';
    const beforeCommand = commandAt < 0 || offset < commandAt;
    if (isBot(m) || (beforeCommand && !botOpenId)) mentionedBot = true;
    else if (!beforeCommand && m.id?.open_id) mentions.push({ openId: m.id.open_id, name: m.name });
    return '';
  });
  return {
    text: text.trim(),
    mentions,
    mentionedBot,
  };
}
