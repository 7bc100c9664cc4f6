import type http from 'node:http';
import type { EventDispatcher } from '@larksuiteoapi/node-sdk';
import type { Clock } from '../../../ports/clock.js';
import type { Logger } from '../../../ports/logger.js';
import type { RequestListener } from '../../http/server.js';
import { verifyRequest } from './verify.js';

/** Events are small; a card callback carries at most a form's values. */
const MAX_BODY = 1024 * 1024;

export interface ReceiverOptions {
  encryptKey: string;
  verificationToken: string;
  clock: Clock;
  /** Accepted distance between a request's timestamp and now; Lark's own window is minutes. */
  windowMs: number;
}

/** The raw body, or null when it is larger than any request Lark sends (the rest is drained unread). */
function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function answer(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/**
 * The HTTP endpoint for events (`/lark/events`) and card callbacks (`/lark/cards`): transport and
 * verification only. A verified request goes to the SDK's dispatcher (already checked, so with
 * `needCheck: false`), whose handlers answer within Lark's 3 seconds and leave slow work for later.
 * A request that fails a check gets an error status (the SDK alone would answer 200 with nothing).
 */
export function larkReceiver(dispatcher: EventDispatcher, o: ReceiverOptions, logger: Logger): RequestListener {
  return (req, res) => {
    void (async () => {
      if (req.method !== 'POST') return answer(res, 405, { error: 'POST only' });
      const raw = await readBody(req);
      if (raw === null) return answer(res, 413, { error: 'body too large' });
      const verdict = verifyRequest(raw, req.headers, { ...o, nowMs: o.clock.now().getTime() });
      if (!verdict.ok) {
        logger.warn({ path: req.url, status: verdict.status, reason: verdict.reason }, 'Lark request refused');
        return answer(res, verdict.status, { error: verdict.reason });
      }
      if (verdict.challenge !== undefined) return answer(res, 200, { challenge: verdict.challenge });
      // The SDK reads the headers from the prototype, as its own adapters pass them.
      const data = Object.assign(Object.create({ headers: req.headers }) as object, verdict.payload);
      const result: unknown = await dispatcher.invoke(data, { needCheck: false });
      answer(res, 200, result && typeof result === 'object' ? result : {});
    })().catch((e: unknown) => {
      logger.error({ err: e, path: req.url }, 'Lark request failed');
      if (!res.headersSent) answer(res, 500, { error: 'internal error' });
    });
  };
}
