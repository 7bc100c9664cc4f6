import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../ports/logger.js';
import type { BotMetrics } from '../ops/metrics.js';
import type { Readiness } from '../ops/readiness.js';

export type RequestListener = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface OpsEndpoints {
  /** `/readyz`: 200 when ready, 503 naming what is not. */
  readiness?: () => Promise<Readiness>;
  /** `/metrics` in the Prometheus text format, and the ack latency of every platform route. */
  metrics?: BotMetrics;
}

const json = (res: http.ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
};

/**
 * The one HTTP server on PORT: platform webhooks are mounted by path (Slack `/slack/events`, Lark
 * `/lark/events` …), `/healthz` answers liveness, `/readyz` readiness and `/metrics` Prometheus.
 * Unknown paths get 404 at once, never a hang.
 */
export function createHttpServer(routes: ReadonlyMap<string, RequestListener>, logger: Logger, ops: OpsEndpoints = {}): http.Server {
  return http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const route = routes.get(path);
    if (route) {
      if (ops.metrics) {
        const started = process.hrtime.bigint();
        const platform = path.split('/')[1] ?? 'unknown';
        res.once('finish', () => ops.metrics!.observeAck(platform, Number(process.hrtime.bigint() - started) / 1e9));
      }
      return route(req, res);
    }
    if (path === '/healthz' && req.method === 'GET') return json(res, 200, { status: 'ok' });
    if (path === '/readyz' && req.method === 'GET' && ops.readiness) {
      return void ops.readiness().then(
        (r) => json(res, r.ready ? 200 : 503, { status: r.ready ? 'ready' : 'not ready', checks: r.checks }),
        (e: unknown) => json(res, 503, { status: 'not ready', error: String(e) }),
      );
    }
    if (path === '/metrics' && req.method === 'GET' && ops.metrics) {
      const { registry } = ops.metrics;
      return void registry.metrics().then(
        (text) => {
          res.writeHead(200, { 'content-type': registry.contentType });
          res.end(text);
        },
        (e: unknown) => {
          logger.error({ err: e }, 'metrics failed');
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end('metrics failed');
        },
      );
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

/**
 * Stops accepting connections and waits for the requests in progress to be answered; keep-alive
 * connections are closed as soon as they are idle. After `timeoutMs` the remaining ones are cut.
 */
export async function close(server: http.Server, timeoutMs = 10_000): Promise<void> {
  if (!server.listening) return;
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const sweep = setInterval(() => server.closeIdleConnections(), 50);
  const force = setTimeout(() => server.closeAllConnections(), timeoutMs);
  try {
    await closed;
  } finally {
    clearInterval(sweep);
    clearTimeout(force);
  }
}
