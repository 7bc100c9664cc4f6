import { adminAnswer, mentionsUsers } from '../../../chat/admin.js';
import { requireKnownMentions } from '../../../chat/mentions.js';
import { hasRole, type Person } from '../../../domain/model/people.js';
import { t } from '../../../views/i18n.js';
import type { LarkCommand, LarkContext } from '../context.js';
import { answerCard } from '../replies.js';
import type { Card } from '../render/card.js';

const CHAT_ID = /^oc_[A-Za-z0-9]+$/;

/**
 * `/appraisal-admin …` (`/管理`): Lark's mentions are resolved here, the rest is the shared admin
 * conversation (src/chat/admin.ts). Lark has no #channel mentions: `channel intel` sent in a group
 * means that group; from a DM the chat id (`oc_…`) is given as a word. A CSV can be pasted on the
 * lines after the command.
 */
export async function adminCard(ctx: LarkContext, actor: Person, text: string, cmd: LarkCommand): Promise<Card> {
  const [firstLine = '', ...moreLines] = text.split('\n');
  const words = firstLine.split(/\s+/).filter(Boolean);
  const chatWord = words.findIndex((w) => CHAT_ID.test(w));
  const named = chatWord >= 0 ? words.splice(chatWord, 1)[0]! : undefined;
  const channel = named
    ? { ref: `lark:${named}`, label: named }
    : cmd.chat?.group
      ? { ref: `lark:${cmd.chat.chatId}`, label: t(actor.locale, 'lark.thisChat') }
      : undefined;
  if ((words[0] ?? '').toLowerCase() === 'channel' && !channel && hasRole(actor, 'admin')) return answerCard(actor.locale, t(actor.locale, 'lark.needChannel'));
  // Mentioned people are looked up (never registered) for the subcommands that use them, and only
  // for admins; someone the bot does not know is imported, or uses the bot once, first.
  const mentions = cmd.mentions.map((m) => ({ id: m.openId, label: `@${m.name || m.openId}` }));
  const users = mentionsUsers(words) && hasRole(actor, 'admin') ? await requireKnownMentions((id) => ctx.actors.known(id), mentions) : [];
  const answer = await adminAnswer(ctx.deps, actor, {
    words,
    users,
    ...(channel ? { channel } : {}),
    ...(moreLines.length > 0 ? { csv: moreLines.join('\n') } : {}),
  });
  return answerCard(actor.locale, answer);
}
