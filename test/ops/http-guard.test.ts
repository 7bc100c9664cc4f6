import type http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { close, createHttpServer, listen } from '../../src/adapters/http/server.js';
import type { Logger } from '../../src/ports/logger.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** A logger that keeps the messages of error lines. */
function capturingLogger(errors: string[]): Logger {
  const logger: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: (_o, msg) => void errors.push(String(msg)), child: () => logger };
  return logger;
}

describe('route guard of the shared HTTP server', () => {
  it('answers 500 and logs when a route throws, rejects or fails on its stream, and keeps serving', async () => {
    const errors: string[] = [];
    const routes = new Map<string, (req: http.IncomingMessage, res: http.ServerResponse) => unknown>([
      ['/throws', () => {
        throw new Error('sync boom');
      }],
      ['/rejects', async () => {
        throw new Error('async boom');
      }],
      ['/stream', (req, res) => {
        req.emit('error', new Error('stream boom'));
        res.end('after');
      }],
      ['/ok', (_req, res) => void res.end('fine')],
    ]);
    const server = createHttpServer(routes, capturingLogger(errors));
    const port = await listen(server, 0, '127.0.0.1');
    cleanups.push(() => close(server, 100));
    const base = `http://127.0.0.1:${port}`;
    expect((await fetch(`${base}/throws`, { method: 'POST', body: 'x' })).status).toBe(500);
    expect((await fetch(`${base}/rejects`, { method: 'POST', body: 'x' })).status).toBe(500);
    // A stream error is the client's doing: logged, and nothing else breaks.
    expect(await (await fetch(`${base}/stream`, { method: 'POST', body: 'x' })).text()).toBe('after');
    expect(await (await fetch(`${base}/ok`)).text()).toBe('fine');
    expect(errors.filter((m) => m === 'HTTP request failed')).toHaveLength(2);
  });

  it('answers a wrong method on the ops endpoints with 405 and Allow, and HEAD like GET', async () => {
    const server = createHttpServer(new Map(), capturingLogger([]));
    const port = await listen(server, 0, '127.0.0.1');
    cleanups.push(() => close(server, 100));
    const res = await fetch(`http://127.0.0.1:${port}/healthz`, { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect((await fetch(`http://127.0.0.1:${port}/healthz`, { method: 'HEAD' })).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/nope`, { method: 'PUT', body: 'x' })).status).toBe(404);
  });
});
