import type http from 'node:http';
import type { Logger } from '../../ports/logger.js';
import { answerJson } from './respond.js';

export type RequestListener = (req: http.IncomingMessage, res: http.ServerResponse) => unknown;

/**
 * Wraps a route so nothing a client sends can end the process: a listener's synchronous throw, its
 * rejected promise, and errors emitted on the request or response streams (a client hanging up
 * mid-body, a write to a closed socket) are logged with the route and answered 500 when no answer
 * has started. Without a listener, an 'error' event on a stream is an uncaught exception.
 */
export function guardRoute(route: string, listener: RequestListener, logger: Logger): RequestListener {
  return (req, res) => {
    const fail = (e: unknown, where: string): void => {
      logger.error({ err: e, route, method: req.method, where }, 'HTTP request failed');
      answerJson(res, 500, { error: 'internal error' });
    };
    req.on('error', (e) => logger.warn({ err: e, route, method: req.method }, 'HTTP request stream failed (client went away?)'));
    res.on('error', (e) => logger.warn({ err: e, route, method: req.method }, 'HTTP response stream failed (client went away?)'));
    try {
      const result = listener(req, res);
      if (result instanceof Promise) result.catch((e: unknown) => fail(e, 'async'));
    } catch (e) {
      fail(e, 'sync');
    }
  };
}
