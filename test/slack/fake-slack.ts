import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback fake of the Slack Web API (no maintained offline fake exists for @slack/web-api 8).
 * Bolt's client is pointed at `apiUrl`; every call is recorded with its decoded parameters and
 * answered in Slack's response format. `response_url` posts (ephemeral replies from `respond()`)
 * land on `responseUrl(id)`. `rateLimitNext(method, seconds)` answers the next call with 429.
 */
export interface RecordedCall {
  method: string;
  params: Record<string, unknown>;
  headers: http.IncomingHttpHeaders;
  /** How the fake answered: 'ok', 'ratelimited' (429) or the error it was told to give. */
  outcome?: string;
}

export interface SlackUser {
  id: string;
  name: string;
  locale?: string;
  tz?: string;
}

const JSON_PARAMS = new Set(['blocks', 'view', 'attachments', 'files', 'metadata']);

function decode(body: string, contentType: string | undefined): Record<string, unknown> {
  if (contentType?.includes('application/json')) return body ? (JSON.parse(body) as Record<string, unknown>) : {};
  const params: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(body)) {
    params[k] = JSON_PARAMS.has(k) && /^[[{]/.test(v) ? JSON.parse(v) : v;
  }
  return params;
}

export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  readonly responses: { id: string; body: Record<string, unknown> }[] = [];
  /** Bytes POSTed to an upload_url from files.getUploadURLExternal (files.uploadV2's second step). */
  readonly uploads: { fileId: string; bytes: number; data: Buffer }[] = [];
  readonly users = new Map<string, SlackUser>();
  /** Files served at `fileUrl(id)` to requests carrying the bot token. */
  readonly files = new Map<string, string>();
  private readonly rateLimits = new Map<string, number[]>();
  private readonly failures = new Map<string, string[]>();
  /** Methods whose answers wait until released (a slow Slack), see hold(). */
  private readonly held = new Map<string, Promise<void>>();
  /** When set, auth.test answers with this error (a revoked or wrong token). */
  authError: string | undefined;
  private server!: http.Server;
  private base = '';
  private seq = 0;

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.handle(req, res, Buffer.concat(chunks)));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.base}/response/${id}`;
  }

  addUser(user: SlackUser): void {
    this.users.set(user.id, user);
  }

  fileUrl(id: string): string {
    return `${this.base}/files/${id}`;
  }

  /** The next call to `method` answers `{ ok: false, error }`. */
  failNext(method: string, error: string): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), error]);
  }

  rateLimitNext(method: string, retryAfterSeconds: number): void {
    this.rateLimits.set(method, [...(this.rateLimits.get(method) ?? []), retryAfterSeconds]);
  }

  /**
   * Calls to `method` get no answer until the returned function is called: Slack being slow, with
   * no clock involved (the test decides when the answer comes).
   */
  hold(method: string): () => void {
    let release!: () => void;
    this.held.set(method, new Promise<void>((resolve) => (release = resolve)));
    return () => {
      this.held.delete(method);
      release();
    };
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Calls that Slack would have carried out (not refused with 429 or an error). */
  succeeded(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method && c.outcome === 'ok');
  }

  reset(): void {
    this.calls.length = 0;
    this.responses.length = 0;
  }

  /** Waits (polling the recording, not the clock) until `predicate` holds. */
  async until(predicate: () => boolean, what = 'the expected Slack call', attempts = 500): Promise<void> {
    for (let i = 0; i < attempts; i++) {
      if (predicate()) return;
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error(`timed out waiting for ${what}; calls so far: ${this.calls.map((c) => c.method).join(', ')}`);
  }

  private reply(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse, raw: Buffer): void {
    const url = req.url ?? '';
    if (url.startsWith('/response/')) {
      this.responses.push({ id: url.slice('/response/'.length), body: decode(raw.toString('utf8'), req.headers['content-type']) });
      return this.reply(res, 200, { ok: true });
    }
    if (url.startsWith('/files/')) {
      const content = this.files.get(url.slice('/files/'.length));
      const authorised = req.headers.authorization === 'Bearer xoxb-test-token';
      res.writeHead(content !== undefined && authorised ? 200 : authorised ? 404 : 403, { 'content-type': 'text/csv' });
      return void res.end(content ?? '');
    }
    if (url.startsWith('/upload/')) {
      this.uploads.push({ fileId: url.slice('/upload/'.length), bytes: raw.length, data: raw });
      res.writeHead(200);
      return void res.end('OK - ' + raw.length);
    }
    const method = url.replace(/^\/api\//, '').split('?')[0]!;
    const held = this.held.get(method);
    if (held) return void held.then(() => this.handle(req, res, raw));
    const params = decode(raw.toString('utf8'), req.headers['content-type']);
    const call: RecordedCall = { method, params, headers: req.headers, outcome: 'ok' };
    this.calls.push(call);
    const limited = this.rateLimits.get(method);
    if (limited && limited.length > 0) {
      const retryAfter = limited.shift()!;
      call.outcome = 'ratelimited';
      return this.reply(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(retryAfter) });
    }
    const failure = this.failures.get(method)?.shift();
    if (failure) {
      call.outcome = failure;
      return this.reply(res, 200, { ok: false, error: failure });
    }
    this.reply(res, 200, this.answer(method, params));
  }

  private answer(method: string, params: Record<string, unknown>): Record<string, unknown> {
    const n = ++this.seq;
    switch (method) {
      case 'auth.test':
        if (this.authError) return { ok: false, error: this.authError };
        return { ok: true, url: 'https://fake.slack.com/', team: 'Fake', user: 'appraisal', team_id: 'T0FAKE', user_id: 'UBOT', bot_id: 'BBOT' };
      case 'users.info': {
        const u = this.users.get(String(params.user));
        if (!u) return { ok: false, error: 'user_not_found' };
        return { ok: true, user: { id: u.id, name: u.name.toLowerCase(), real_name: u.name, tz: u.tz ?? 'Asia/Shanghai', locale: u.locale ?? 'en-US', profile: { real_name: u.name, display_name: u.name } } };
      }
      case 'chat.postMessage':
        return { ok: true, channel: params.channel, ts: `1700000000.${String(n).padStart(6, '0')}`, message: { text: params.text } };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `1700000000.${String(n).padStart(6, '0')}` };
      case 'chat.update':
        return { ok: true, channel: params.channel, ts: params.ts };
      case 'views.open':
      case 'views.update':
      case 'views.push':
      case 'views.publish':
        return { ok: true, view: { id: `V${n}`, ...(params.view as object) } };
      case 'conversations.history': {
        // What this fake posted to the channel (messages, and files shared by files.completeUploadExternal),
        // newest first, with metadata as Slack returns it.
        const posted = this.calls
          .map((c, i) => ({ c, ts: `1700000000.${String(i + 1).padStart(6, '0')}` }))
          .filter(({ c }) => c.outcome === 'ok')
          .filter(({ c }) => (c.method === 'chat.postMessage' && c.params.channel === params.channel) || (c.method === 'files.completeUploadExternal' && c.params.channel_id === params.channel));
        return {
          ok: true,
          messages: posted.reverse().map(({ c, ts }) =>
            c.method === 'chat.postMessage'
              ? { ts, text: c.params.text, ...(c.params.metadata ? { metadata: c.params.metadata } : {}) }
              : { ts, text: c.params.initial_comment, files: c.params.files },
          ),
        };
      }
      case 'conversations.open':
        return { ok: true, channel: { id: `D${String(params.users)}` } };
      case 'files.getUploadURLExternal':
        return { ok: true, upload_url: `${this.base}/upload/F${n}`, file_id: `F${n}` };
      case 'files.completeUploadExternal':
        return { ok: true, files: (params.files as { id: string }[] | undefined) ?? [] };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }
}
