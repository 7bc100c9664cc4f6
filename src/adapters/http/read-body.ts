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

/**
 * Answers a request whose body will not be read (a wrong method, an unknown path) once the client
 * has finished sending it: answering mid-upload makes the server close the socket under a client
 * that is still writing (EPIPE instead of the 405/404). The body is discarded as it arrives; past
 * `limit` bytes the answer goes at once and the connection is not kept.
 */
export function answerAfterBody(req: http.IncomingMessage, answer: () => void, limit = 8 * MAX_BODY_BYTES): void {
  let done = false;
  const finish = (): void => {
    if (done) return;
    done = true;
    answer();
  };
  // No declared body: answer now (bytes a client sends undeclared are not this request's body).
  const declared = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  if (req.complete || !declared) {
    req.resume();
    return finish();
  }
  let size = 0;
  req.on('data', (c: Buffer) => {
    size += c.length;
    if (size > limit) finish();
  });
  req.once('end', finish);
  req.once('error', finish);
  req.once('close', finish);
  req.resume();
}
