import type http from 'node:http';

/** No platform sends a webhook near this size: Slack's largest payloads are modal states, Lark's are form values. */
export const MAX_BODY_BYTES = 1024 * 1024;

export type BodyResult = { ok: true; body: Buffer } | { ok: false; reason: 'too-large' | 'aborted' };

/**
 * Reads a request body up to `limit` bytes. A larger body is drained unread (nothing past the
 * limit is kept in memory) so the client still reads the 413 answer instead of a reset connection;
 * a body the client abandons resolves as `aborted` rather than leaving a promise to hang or reject.
 */
export function readBody(req: http.IncomingMessage, limit = MAX_BODY_BYTES): Promise<BodyResult> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
    });
    req.once('end', () => resolve(size > limit ? { ok: false, reason: 'too-large' } : { ok: true, body: Buffer.concat(chunks) }));
    req.once('error', () => resolve({ ok: false, reason: 'aborted' }));
    req.once('close', () => {
      if (!req.complete) resolve({ ok: false, reason: 'aborted' });
    });
  });
}
