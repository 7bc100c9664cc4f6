import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../ports/logger.js';
import type { BotMetrics } from '../ops/metrics.js';
import type { Readiness } from '../ops/readiness.js';
import { guardRoute, type RequestListener } from './guard.js';
import { answerJson, methodNotAllowed } from './respond.js';
import { answerAfterBody } from './read-body.js';

export type { RequestListener } from './guard.js';

export interface OpsEndpoints {
  /** `/readyz`: 200 when ready, 503 naming what is not. */
  readiness?: () => Promise<Readiness>;
  /** The ack latency of every platform route, and `/metrics` in the Prometheus text format. */
  metrics?: BotMetrics;
  /**
   * Serve `/metrics` (and `/readyz`) on this server. Default true; false on the public listener
   * when METRICS_PORT gives them a listener of their own, so the internet cannot read them.
   */
  exposeOps?: boolean;
}

/** Methods the ops endpoints answer; HEAD is GET without the body (node drops it). */
const READ_ONLY = ['GET', 'HEAD'] as const;

/** `/healthz`, `/readyz`, `/metrics`, or undefined for another path. */
function opsEndpoint(path: string, ops: OpsEndpoints, logger: Logger): RequestListener | undefined {
  if (path === '/healthz') return (_req, res) => answerJson(res, 200, { status: 'ok' });
  if (ops.exposeOps === false) return undefined;
  const { readiness, metrics } = ops;
  if (path === '/readyz' && readiness) {
    return (_req, res) =>
      readiness().then(
        (r) => answerJson(res, r.ready ? 200 : 503, { status: r.ready ? 'ready' : 'not ready', checks: r.checks }),
        (e: unknown) => answerJson(res, 503, { status: 'not ready', error: String(e) }),
      );
  }
  if (path === '/metrics' && metrics) {
    return (_req, res) =>
      metrics.registry.metrics().then(
        (text) => {
          res.writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' });
          res.end(text);
        },
        (e: unknown) => {
          logger.error({ err: e }, 'metrics failed');
          answerJson(res, 500, { error: 'metrics failed' });
        },
      );
  }
  return undefined;
}

/**
 * The one HTTP server on PORT: platform webhooks are mounted by path (Slack `/slack/events`, Lark
 * `/lark/events` …), `/healthz` answers liveness, `/readyz` readiness and `/metrics` Prometheus.
 * Every route is guarded (guard.ts): whatever a client sends, it gets an answer — 404 for an
 * unknown path, 405 with Allow for a wrong method, 4xx for a bad body — and the process lives on.
 */
export function createHttpServer(routes: ReadonlyMap<string, RequestListener>, logger: Logger, ops: OpsEndpoints = {}): http.Server {
  const guarded = new Map([...routes].map(([path, listener]) => [path, guardRoute(path, listener, logger)]));
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    // A route ending in '/' serves every path under it (the survey page: /survey/<token>).
    const route = guarded.get(path) ?? [...guarded].find(([prefix]) => prefix.endsWith('/') && path.startsWith(prefix) && path.length > prefix.length)?.[1];
    if (route) {
      if (ops.metrics) {
        const started = process.hrtime.bigint();
        const platform = path.split('/')[1] ?? 'unknown';
        res.once('finish', () => ops.metrics!.observeAck(platform, Number(process.hrtime.bigint() - started) / 1e9));
      }
      return void route(req, res);
    }
    const endpoint = opsEndpoint(path, ops, logger);
    if (endpoint) {
      // The body of a request to an ops endpoint is never read: it flows away before the answer.
      if (!READ_ONLY.includes(req.method as (typeof READ_ONLY)[number])) {
        logger.debug({ path, method: req.method }, 'method not allowed');
        return answerAfterBody(req, () => methodNotAllowed(res, READ_ONLY));
      }
      return answerAfterBody(req, () => void guardRoute(path, endpoint, logger)(req, res));
    }
    logger.debug({ path, method: req.method }, 'no route');
    answerAfterBody(req, () => answerJson(res, 404, { error: 'not found' }));
  });
  // A request whose headers or body trickle in must not hold a connection (and a shutdown) forever.
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  return server;
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
