import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback fake of the Lark/Feishu Open API: the SDK client is pointed at `url` (its `domain`).
 * It serves the tenant token, the bot's profile, message create and patch (recording each card),
 * contact user lookups (or refuses them like an app without the contact scope), image and file
 * uploads (recording their bytes), and answers rate-limited calls with code 99991400 and `x-ogw-ratelimit-reset`, in Lark's
 * `{code, msg, data}` format.
 */
export interface RecordedCall {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  headers: http.IncomingHttpHeaders;
}

export interface SentMessage {
  id: string;
  receiveIdType: string;
  receiveId: string;
  msgType: string;
  card: Record<string, unknown>;
}

export interface LarkUser {
  openId: string;
  name: string;
  timeZone?: string;
}

export const APP_ID = 'cli_testapp01';
export const APP_SECRET = 'test-app-secret';
export const BOT_OPEN_ID = 'ou_appraisalbot';
const TOKEN = 't-fake-tenant-token';
const MAX_CARD_BYTES = 30 * 1024;

type Route = 'message.create' | 'message.patch' | 'contact.user.get' | 'image.create' | 'file.create';

export class FakeLark {
  readonly calls: RecordedCall[] = [];
  readonly sent: SentMessage[] = [];
  readonly patches: { messageId: string; card: Record<string, unknown> }[] = [];
  readonly users = new Map<string, LarkUser>();
  /** Images uploaded with im.v1.image.create: the multipart form's image_type and the PNG in it. */
  readonly images: { imageKey: string; imageType: string; png: Buffer }[] = [];
  /** Files uploaded with im.v1.file.create: the multipart form's file_type and file_name, and the bytes. */
  readonly files: { fileKey: string; fileType: string; fileName: string; data: Buffer }[] = [];
  /** When true, contact lookups are refused as for an app without the contact permission. */
  contactDenied = false;
  /** When true, bot/v3/info fails as for an app without the bot feature. */
  noBot = false;
  private readonly limited = new Map<Route, { reset: number; status: number }[]>();
  private held: Promise<void> | undefined;
  private readonly byUuid = new Map<string, string>();
  private server!: http.Server;
  private seq = 0;
  url = '';

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => void this.handle(req, res, Buffer.concat(chunks)));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  addUser(user: LarkUser): void {
    this.users.set(user.openId, user);
  }

  /** The next call to `route` is answered with code 99991400, Lark's rate-limit answer. */
  rateLimitNext(route: Route, resetSeconds: number, status = 429): void {
    this.limited.set(route, [...(this.limited.get(route) ?? []), { reset: resetSeconds, status }]);
  }

  /** Contact lookups wait until the returned function is called (a slow Lark). */
  holdContacts(): () => void {
    let release!: () => void;
    this.held = new Promise((r) => (release = r));
    return () => {
      this.held = undefined;
      release();
    };
  }

  callsTo(method: string, pathStart: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method && c.path.startsWith(pathStart));
  }

  sentTo(receiveId: string): SentMessage[] {
    return this.sent.filter((m) => m.receiveId === receiveId);
  }

  private reply(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  }

  private rateLimited(res: http.ServerResponse, route: Route): boolean {
    const next = this.limited.get(route)?.shift();
    if (!next) return false;
    this.reply(res, next.status, { code: 99991400, msg: 'request trigger frequency limit' }, { 'x-ogw-ratelimit-limit': '5', 'x-ogw-ratelimit-reset': String(next.reset) });
    return true;
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse, raw: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const path = url.pathname;
    const isJson = req.headers['content-type']?.includes('application/json');
    const body: unknown = isJson && raw.length ? JSON.parse(raw.toString('utf8')) : raw.length;
    this.calls.push({ method: req.method ?? '', path, query: Object.fromEntries(url.searchParams), body, headers: req.headers });

    if (path === '/open-apis/auth/v3/tenant_access_token/internal') {
      const b = body as { app_id?: string; app_secret?: string };
      if (b.app_id !== APP_ID || b.app_secret !== APP_SECRET) return this.reply(res, 400, { code: 10014, msg: 'app secret invalid' });
      return this.reply(res, 200, { code: 0, msg: 'ok', tenant_access_token: TOKEN, expire: 7200 });
    }
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return this.reply(res, 401, { code: 99991663, msg: 'Invalid access token for authorization' });

    if (req.method === 'GET' && path === '/open-apis/bot/v3/info') {
      if (this.noBot) return this.reply(res, 400, { code: 10003, msg: 'the app has no bot' });
      return this.reply(res, 200, { code: 0, msg: 'ok', bot: { activate_status: 2, app_name: 'Appraisal', avatar_url: '', ip_white_list: [], open_id: BOT_OPEN_ID } });
    }
    if (req.method === 'POST' && path === '/open-apis/im/v1/messages') {
      if (this.rateLimited(res, 'message.create')) return;
      const b = body as { receive_id: string; msg_type: string; content: string; uuid?: string };
      if (Buffer.byteLength(b.content) > MAX_CARD_BYTES) return this.reply(res, 400, { code: 230025, msg: 'The length of the message content reaches its limit.' });
      // Lark sends a message with a uuid it has seen (within an hour) only once, answering with the first.
      const repeat = b.uuid ? this.byUuid.get(b.uuid) : undefined;
      if (repeat) return this.reply(res, 200, { code: 0, msg: 'success', data: { message_id: repeat, msg_type: b.msg_type } });
      const id = `om_${++this.seq}`;
      if (b.uuid) this.byUuid.set(b.uuid, id);
      this.sent.push({ id, receiveIdType: url.searchParams.get('receive_id_type') ?? '', receiveId: b.receive_id, msgType: b.msg_type, card: JSON.parse(b.content) as Record<string, unknown> });
      return this.reply(res, 200, { code: 0, msg: 'success', data: { message_id: id, msg_type: b.msg_type, chat_id: b.receive_id.startsWith('oc_') ? b.receive_id : `oc_dm_${b.receive_id}` } });
    }
    const patch = /^\/open-apis\/im\/v1\/messages\/([^/]+)$/.exec(path);
    if (req.method === 'PATCH' && patch) {
      if (this.rateLimited(res, 'message.patch')) return;
      this.patches.push({ messageId: patch[1]!, card: JSON.parse((body as { content: string }).content) as Record<string, unknown> });
      return this.reply(res, 200, { code: 0, msg: 'success', data: {} });
    }
    const contact = /^\/open-apis\/contact\/v3\/users\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && contact) {
      await this.held;
      if (this.rateLimited(res, 'contact.user.get')) return;
      if (this.contactDenied) return this.reply(res, 400, { code: 99991672, msg: 'Access denied. One of the following scopes is required: [contact:user.base:readonly]' });
      const u = this.users.get(contact[1]!);
      if (!u) return this.reply(res, 400, { code: 41050, msg: 'no user authority error' });
      return this.reply(res, 200, { code: 0, msg: 'success', data: { user: { open_id: u.openId, name: u.name, en_name: u.name, ...(u.timeZone ? { time_zone: u.timeZone } : {}) } } });
    }
    if (req.method === 'POST' && path === '/open-apis/im/v1/images') {
      if (this.rateLimited(res, 'image.create')) return;
      const imageKey = `img_v2_${++this.seq}`;
      const form = raw.toString('latin1');
      const start = raw.indexOf(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      const end = raw.indexOf(Buffer.from('IEND', 'latin1'));
      this.images.push({ imageKey, imageType: /name="image_type"\r\n\r\n([^\r]*)/.exec(form)?.[1] ?? '', png: start >= 0 && end > start ? raw.subarray(start, end + 8) : Buffer.alloc(0) });
      return this.reply(res, 200, { code: 0, msg: 'success', data: { image_key: imageKey } });
    }
    if (req.method === 'POST' && path === '/open-apis/im/v1/files') {
      if (this.rateLimited(res, 'file.create')) return;
      const parts = multipart(raw, req.headers['content-type'] ?? '');
      const data = parts.get('file') ?? Buffer.alloc(0);
      if (data.length === 0) return this.reply(res, 400, { code: 234010, msg: 'File size can not be 0' });
      const fileKey = `file_v3_${++this.seq}`;
      this.files.push({ fileKey, fileType: parts.get('file_type')?.toString('utf8') ?? '', fileName: parts.get('file_name')?.toString('utf8') ?? '', data });
      return this.reply(res, 200, { code: 0, msg: 'success', data: { file_key: fileKey } });
    }
    this.reply(res, 404, { code: 404, msg: `no route ${req.method} ${path}` });
  }
}

/** The fields of a multipart/form-data body by name (files as their bytes). */
function multipart(raw: Buffer, contentType: string): Map<string, Buffer> {
  const fields = new Map<string, Buffer>();
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (!boundary) return fields;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let at = raw.indexOf(delimiter);
  while (at >= 0) {
    const next = raw.indexOf(delimiter, at + delimiter.length);
    if (next < 0) break;
    const part = raw.subarray(at + delimiter.length + 2, next - 2); // past CRLF, before CRLF
    const split = part.indexOf('\r\n\r\n');
    const name = /name="([^"]+)"/.exec(part.subarray(0, split).toString('utf8'))?.[1];
    if (name && split >= 0) fields.set(name, part.subarray(split + 4));
    at = next;
  }
  return fields;
}
