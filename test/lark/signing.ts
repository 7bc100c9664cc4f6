import crypto from 'node:crypto';

/**
 * Requests as Lark sends them (https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/encrypt-key-encryption-configuration-case):
 * the JSON body encrypted as `{"encrypt": base64(iv ‖ AES-256-CBC(sha256(encryptKey), json))}` and
 * signed `sha256(timestamp + nonce + encryptKey + body)` in `x-lark-signature`.
 */
export function encrypt(encryptKey: string, payload: unknown): string {
  const key = crypto.createHash('sha256').update(encryptKey).digest();
  const iv = crypto.randomBytes(16);
  const cipher = crypto.createCipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([iv, cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]).toString('base64');
}

export const sign = (timestamp: string, nonce: string, encryptKey: string, body: string): string =>
  crypto.createHash('sha256').update(timestamp + nonce + encryptKey + body).digest('hex');

export interface Posted {
  status: number;
  body: string;
  json: () => unknown;
}

export interface PostOptions {
  encryptKey: string;
  /** Seconds since the epoch, from the test's clock. */
  timestamp: number;
  /** Send the payload in clear (still signed). */
  plain?: boolean;
  /** Leave the signature headers out. */
  unsigned?: boolean;
  signature?: string;
  /** Sign with another key than the one used to encrypt. */
  signKey?: string;
  /** Change the body after signing. */
  tamper?: (body: string) => string;
}

export async function postLark(url: string, payload: unknown, o: PostOptions): Promise<Posted> {
  const body = o.plain ? JSON.stringify(payload) : JSON.stringify({ encrypt: encrypt(o.encryptKey, payload) });
  const ts = String(o.timestamp);
  const nonce = crypto.randomBytes(8).toString('hex');
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  if (!o.unsigned) {
    headers['x-lark-request-timestamp'] = ts;
    headers['x-lark-request-nonce'] = nonce;
    headers['x-lark-signature'] = o.signature ?? sign(ts, nonce, o.signKey ?? o.encryptKey, body);
  }
  const res = await fetch(url, { method: 'POST', headers, body: o.tamper ? o.tamper(body) : body });
  const text = await res.text();
  return { status: res.status, body: text, json: () => JSON.parse(text) as unknown };
}

let seq = 0;
export const nextEventId = (): string => `ev_${(++seq).toString(16).padStart(8, '0')}${crypto.randomBytes(8).toString('hex')}`;

/** A schema 2.0 event or callback envelope. */
export function envelope(eventType: string, token: string, event: object, eventId = nextEventId()): object {
  return { schema: '2.0', header: { event_id: eventId, token, create_time: '1764122400000', event_type: eventType, tenant_key: 'tenant_fake', app_id: 'cli_testapp01' }, event };
}

/** `im.message.receive_v1`: a text message, with @-mentions written as `@_user_N` in the text. */
export function messageEvent(o: { openId: string; text: string; chatType?: 'p2p' | 'group'; chatId?: string; mentions?: { openId: string; name: string; bot?: boolean }[]; messageType?: string; content?: string; senderType?: string }): object {
  return {
    sender: { sender_id: { open_id: o.openId, union_id: `on_${o.openId}`, user_id: o.openId.slice(3) }, sender_type: o.senderType ?? 'user', tenant_key: 'tenant_fake' },
    message: {
      message_id: `om_in_${nextEventId()}`,
      create_time: '1764122400000',
      chat_id: o.chatId ?? `oc_dm_${o.openId}`,
      chat_type: o.chatType ?? 'p2p',
      message_type: o.messageType ?? 'text',
      content: o.content ?? JSON.stringify({ text: o.text }),
      mentions: (o.mentions ?? []).map((m, i) => ({ key: `@_user_${i + 1}`, id: { open_id: m.openId, union_id: `on_${m.openId}` }, name: m.name, tenant_key: 'tenant_fake', ...(m.bot ? { mentioned_type: 'bot' } : {}) })),
    },
  };
}

/** `application.bot.menu_v6`: a click on a bot menu entry. */
export const menuEvent = (openId: string, key: string, name = 'Menu User'): object => ({
  operator: { operator_name: name, operator_id: { open_id: openId, union_id: `on_${openId}`, user_id: openId.slice(3) } },
  event_key: key,
  timestamp: 1_764_122_400,
});

/** `card.action.trigger`: a submitted card form. */
export function cardAction(o: { openId: string; value: unknown; formValue?: Record<string, unknown>; messageId: string; chatId?: string }): object {
  return {
    operator: { tenant_key: 'tenant_fake', open_id: o.openId, union_id: `on_${o.openId}` },
    token: `c-${nextEventId()}`,
    action: { tag: 'button', name: 'submit', value: o.value, ...(o.formValue ? { form_value: o.formValue } : {}), timezone: 'Asia/Shanghai' },
    host: 'im_message',
    context: { open_message_id: o.messageId, open_chat_id: o.chatId ?? 'oc_dm' },
  };
}
