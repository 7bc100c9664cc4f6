import crypto from 'node:crypto';

/**
 * Checks a request from Lark before anything reads it
 * (https://open.feishu.cn/document/server-docs/event-subscription-guide/event-subscription-configure-/encrypt-key-encryption-configuration-case):
 * the signature `sha256(timestamp + nonce + encryptKey + rawBody)` in `x-lark-signature`, a
 * timestamp within the window (the SDK has none, so a captured request could be replayed forever),
 * the body decrypted with the encrypt key, and the verification token inside it (the SDK does not
 * check it on events). The URL-verification challenge is answered after decryption and the token
 * check: decrypting it proves the sender holds the encrypt key, and it changes nothing.
 */
export type Verdict =
  | { ok: true; payload: Record<string, unknown>; challenge?: string }
  | { ok: false; status: 400 | 401; reason: string };

export interface VerifyOptions {
  encryptKey: string;
  verificationToken: string;
  nowMs: number;
  /** How far a request's timestamp may be from now (either way). */
  windowMs: number;
}

const header = (headers: Record<string, string | string[] | undefined>, name: string): string | undefined => {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
};

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export const larkSignature = (timestamp: string, nonce: string, encryptKey: string, body: string): string =>
  crypto.createHash('sha256').update(timestamp + nonce + encryptKey + body).digest('hex');

/** The AES key is sha256(encryptKey): hashed once per key, not per request. */
const aesKeys = new Map<string, Buffer>();
const aesKey = (encryptKey: string): Buffer => {
  let key = aesKeys.get(encryptKey);
  if (!key) aesKeys.set(encryptKey, (key = crypto.createHash('sha256').update(encryptKey).digest()));
  return key;
};

/**
 * Lark's encryption (the SDK's AESCipher): base64 of a 16-byte IV then AES-256-CBC, key sha256(encryptKey).
 * Done here on bytes: the SDK turns the ciphertext into a hex string and back, and hashes the key
 * again for every request (issue 16, ack CPU). Same plaintext (test/lark/decrypt.test.ts).
 */
export function decryptLark(encrypt: string, encryptKey: string): string {
  const bytes = Buffer.from(encrypt, 'base64');
  const decipher = crypto.createDecipheriv('aes-256-cbc', aesKey(encryptKey), bytes.subarray(0, 16));
  return Buffer.concat([decipher.update(bytes.subarray(16)), decipher.final()]).toString('utf8');
}

function decrypt(body: Record<string, unknown>, encryptKey: string): Record<string, unknown> | null {
  if (typeof body.encrypt !== 'string') return body;
  try {
    const plain = JSON.parse(decryptLark(body.encrypt, encryptKey)) as unknown;
    return plain && typeof plain === 'object' && !Array.isArray(plain) ? (plain as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The verification token: `header.token` in schema 2.0 events and callbacks, `token` in 1.0 ones. */
function tokenOf(p: Record<string, unknown>): unknown {
  return p.schema === '2.0' ? (p.header as { token?: unknown } | undefined)?.token : p.token;
}

export function verifyRequest(raw: string, headers: Record<string, string | string[] | undefined>, o: VerifyOptions): Verdict {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return { ok: false, status: 400, reason: 'body is not JSON' };
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return { ok: false, status: 400, reason: 'body is not a JSON object' };

  const timestamp = header(headers, 'x-lark-request-timestamp');
  const nonce = header(headers, 'x-lark-request-nonce') ?? '';
  const signature = header(headers, 'x-lark-signature');
  const signed = timestamp !== undefined && signature !== undefined;
  if (signed) {
    if (!sameText(larkSignature(timestamp, nonce, o.encryptKey, raw), signature)) return { ok: false, status: 401, reason: 'bad signature' };
    const ts = Number(timestamp) * 1000;
    if (!Number.isFinite(ts) || Math.abs(o.nowMs - ts) > o.windowMs) return { ok: false, status: 401, reason: 'stale or future timestamp' };
  }

  const payload = decrypt(body as Record<string, unknown>, o.encryptKey);
  if (!payload) return { ok: false, status: 401, reason: 'cannot decrypt with the encrypt key' };
  const token = tokenOf(payload);
  if (typeof token !== 'string' || !sameText(token, o.verificationToken)) return { ok: false, status: 401, reason: 'wrong verification token' };
  if (payload.type === 'url_verification') return { ok: true, payload, challenge: String(payload.challenge ?? '') };
  if (!signed) return { ok: false, status: 401, reason: 'missing signature' };
  return { ok: true, payload };
}
