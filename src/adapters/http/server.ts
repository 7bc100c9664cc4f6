import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../ports/logger.js';

export type RequestListener = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/**
 * The one HTTP server on PORT: platform webhooks are mounted by path (Slack `/slack/events`, Lark
 * `/lark/events` …) and `/healthz` answers liveness. Unknown paths get 404 at once, never a hang.
 */
export function createHttpServer(routes: ReadonlyMap<string, RequestListener>, logger: Logger): http.Server {
  return http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const route = routes.get(path);
    if (route) return route(req, res);
    if (path === '/healthz' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end('{"status":"ok"}');
    }
    logger.debug({ path, method: req.method }, 'no route');
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
  });
}

export async function listen(server: http.Server, port: number, host?: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

export async function close(server: http.Server): Promise<void> {
  server.closeIdleConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}
