import type http from 'node:http';

/** A JSON answer that is never cached; a no-op once an answer has started (a late error cannot throw). */
export function answerJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.writableEnded || res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  res.end(JSON.stringify(body));
}

/** 405 with the methods the path does accept (RFC 9110 §15.5.6 requires the Allow header). */
export function methodNotAllowed(res: http.ServerResponse, allow: readonly string[]): void {
  answerJson(res, 405, { error: `method not allowed; use ${allow.join(' or ')}` }, { allow: allow.join(', ') });
}

/** The media type of a request without its parameters (`application/json; charset=utf-8` → `application/json`). */
export const mediaType = (req: http.IncomingMessage): string => (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
