import { parseCommand } from '../../chat/commands.js';
import { knownMentions } from '../../chat/mentions.js';
import type { ChatInput, ChatRequest, FormRef } from '../../chat/port.js';
import { isFormRef } from '../../chat/router.js';
import { hasRole, type Person } from '../../domain/model/people.js';
import type { FormValues } from '../../views/forms/form.js';
import { t, type MessageKey } from '../../views/i18n.js';
import type { LarkCommand, LarkContext } from './context.js';
import { readFormValue } from './render/form-values.js';

/**
 * Lark → the conversation (chat/port.ts): what arrived, as the one `ChatInput` every platform
 * hands the router. Nothing here decides anything; it only reads Lark's shapes.
 */

/** `card.action.trigger` as the SDK hands it over (header and event flattened). */
export interface CardActionEvent {
  event_id?: string;
  operator?: { open_id?: string };
  action?: { tag?: string; name?: string; value?: unknown; form_value?: unknown };
  context?: { open_message_id?: string; open_chat_id?: string };
}

/** What a card callback is: a button the bot drew (render/view-card.ts) or a form submitted (render/form-card.ts). */
export type CardArrival =
  | { type: 'button'; action: string; value: string; requestId?: string }
  | { type: 'submit'; ref: FormRef; values: FormValues; requestId?: string };

/** Everything that reaches the bot from Lark: a command (message or menu click) or a card callback. */
export type LarkArrival = { type: 'text'; cmd: LarkCommand } | CardArrival;

/** Not a request for the conversation: the hint Lark answers with instead. */
export interface LarkHint {
  hint: Extract<MessageKey, 'lark.notCommand' | 'lark.needChannel'>;
}

export type CommandInput = ChatInput & { type: 'command' };

const CHAT_ID = /^oc_[A-Za-z0-9]+$/;
const LARK = ['lark'] as const;

/**
 * A card callback, read: a button's `{action, value}`, or a submission's `{form, kind}` naming a
 * form of this version (an entry form or an edit, `edit:<kind>:<id>`) with its `form_value`. Null
 * for anything else (a card from an older version, a forged value).
 */
export function cardArrival(data: CardActionEvent): CardArrival | null {
  const v = data.action?.value as { action?: unknown; value?: unknown; form?: unknown; kind?: unknown } | null | undefined;
  if (!v || typeof v !== 'object') return null;
  // A submission is the same message's form: a repeat of it (Lark retrying) stores nothing twice.
  if (typeof v.form === 'string') {
    if (!isFormRef(v.form)) return null;
    const id = data.context?.open_message_id ?? data.event_id;
    const ref: FormRef = { form: v.form, ...(typeof v.kind === 'string' ? { kind: v.kind } : {}) };
    return { type: 'submit', ref, values: readFormValue(data.action?.form_value), ...(id ? { requestId: `lark:${id}` } : {}) };
  }
  if (typeof v.action !== 'string' || typeof v.value !== 'string') return null;
  // Each click is its own request (a replayed one answers as the first did).
  return { type: 'button', action: v.action, value: v.value, ...(data.event_id ? { requestId: `lark:${data.event_id}` } : {}) };
}

/**
 * A command's text (mentions already taken out, message-text.ts) → words of its first line, the
 * lines after it (a pasted CSV), the mentioned people the bot knows (a mention never registers
 * anyone: the others are labels the conversation refuses), and the chat it names: an `oc_…` word,
 * or the group it was sent in. Lark has no #channel mentions, so `/appraisal-admin channel …` in a
 * DM without a chat id gets the Lark hint instead.
 */
async function commandInput(ctx: LarkContext, actor: Person, cmd: LarkCommand): Promise<CommandInput | LarkHint> {
  const parsed = parseCommand(cmd.text);
  if (!parsed) return { hint: 'lark.notCommand' };
  const [firstLine = '', ...lines] = parsed.text.split('\n');
  const words = firstLine.split(/\s+/).filter(Boolean);
  const chatWord = words.findIndex((w) => CHAT_ID.test(w));
  const named = chatWord >= 0 ? words.splice(chatWord, 1)[0]! : undefined;
  const channel = named
    ? { ref: `lark:${named}`, label: named }
    : cmd.chat?.group
      ? { ref: `lark:${cmd.chat.chatId}`, label: t(actor.locale, 'lark.thisChat') }
      : undefined;
  // Only an admin gets this far with `channel` (anyone else is refused by the conversation for their role).
  if (parsed.command === 'appraisal-admin' && words[0]?.toLowerCase() === 'channel' && !channel && hasRole(actor, 'admin')) return { hint: 'lark.needChannel' };
  const { users, unknownUsers } = await knownMentions(
    (id) => ctx.actors.known(id),
    cmd.mentions.map((m) => ({ id: m.openId, label: `@${m.name || m.openId}` })),
  );
  const request: ChatRequest = { words, users, unknownUsers, lines, platforms: LARK, platform: 'lark', ...(channel ? { channel } : {}) };
  return { type: 'command', command: parsed.command, request };
}

/** What arrived, as the conversation's input (or, for a command, the Lark hint that answers it instead). */
export function larkRequest(ctx: LarkContext, actor: Person, arrival: CardArrival): Promise<ChatInput>;
export function larkRequest(ctx: LarkContext, actor: Person, arrival: LarkArrival & { type: 'text' }): Promise<CommandInput | LarkHint>;
export async function larkRequest(ctx: LarkContext, actor: Person, arrival: LarkArrival): Promise<ChatInput | LarkHint> {
  if (arrival.type === 'text') return commandInput(ctx, actor, arrival.cmd);
  const request: ChatRequest = { words: [], users: [], unknownUsers: [], lines: [], platforms: LARK, platform: 'lark', ...(arrival.requestId ? { requestId: arrival.requestId } : {}) };
  if (arrival.type === 'button') return { type: 'button', action: arrival.action, value: arrival.value, request };
  return { type: 'submit', ref: arrival.ref, values: arrival.values, request };
}
