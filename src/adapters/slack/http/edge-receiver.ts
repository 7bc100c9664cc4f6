import type http from 'node:http';
import { AuthorizationError, ReceiverMultipleAckError, type App, type Receiver } from '@slack/bolt';
import type { Logger } from '../../../ports/logger.js';

/** Bolt answers 404 itself when nothing acknowledged a request within Slack's 3 seconds (HTTPResponseAck). */
export const UNACKED_AFTER_MS = 3001;

/** A body the edge (precheck.ts) verified and parsed: the interactive payload, the slash command's fields, or the Events API JSON. */
export type SlackBody = Record<string, unknown>;

/** Whether an ack this receiver made has been called already: ackUnhandled.ts asks instead of provoking an error. */
const acked = new WeakSet<object>();
export const isAcked = (ack: unknown): boolean => typeof ack === 'function' && acked.has(ack);

const header = (req: http.IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/** What Bolt's HTTPModuleFunctions.buildContentResponse writes for an ack's body. */
function answer(res: http.ServerResponse, body: unknown): void {
  if (res.headersSent || res.writableEnded) return;
  if (!body) {
    res.writeHead(200);
    res.end();
  } else if (typeof body === 'string') {
    res.writeHead(200);
    res.end(body);
  } else {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }
}

function bare(res: http.ServerResponse, status: number): void {
  if (res.headersSent || res.writableEnded) return;
  res.writeHead(status);
  res.end();
}

/**
 * Bolt's receiver for the HTTP edge: it reads and verifies nothing itself. The edge (precheck.ts)
 * has read the body, checked the signature on the raw bytes and the replay window, and parsed and
 * checked the body once; it hands the parsed body here, which goes straight to `app.processEvent`.
 * Why (issue 16, ack profile): Bolt's HTTPReceiver parsed every body a second time and checked the
 * signature a second time (~0.4 ms of the event loop per submission), and each ack after a
 * listener's ack built a ReceiverMultipleAckError with its stack.
 *
 * What the client sees is what HTTPReceiver did (bolt/dist/receivers/HTTPReceiver.js,
 * HTTPResponseAck.js): the ack's body as the response (JSON for an object), after the listeners with
 * `processBeforeResponse`; the URL-verification challenge echoed; 404 when nothing acked within
 * 3001 ms; 401 when authorisation failed; 500 when processing threw before an ack.
 */
export class EdgeReceiver implements Receiver {
  private app: App | undefined;

  constructor(private readonly o: { processBeforeResponse: boolean; logger: Logger }) {}

  init(app: App): void {
    this.app = app;
  }

  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  /** One verified request: answered by its ack, or by this receiver when processing fails or nothing acks. */
  async dispatch(body: SlackBody, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (body.type === 'url_verification') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ challenge: body.challenge }));
    }
    if (!this.app) throw new Error('EdgeReceiver: the Bolt app was not initialised with this receiver');
    const { logger, processBeforeResponse } = this.o;
    let done = false;
    let stored: unknown;
    const timer = setTimeout(() => {
      if (done) return;
      logger.error({ type: body.type }, 'a Slack request was not acknowledged within 3 seconds; answered 404');
      bare(res, 404);
    }, UNACKED_AFTER_MS);
    const ack = async (response?: unknown): Promise<void> => {
      if (done) throw new ReceiverMultipleAckError();
      done = true;
      acked.add(ack);
      clearTimeout(timer);
      if (processBeforeResponse) stored = response ?? '';
      else answer(res, response);
    };
    // Slack's redelivery headers, read as Bolt reads them (context.retryNum, context.retryReason).
    const retryNum = header(req, 'x-slack-retry-num');
    const retryReason = header(req, 'x-slack-retry-reason');
    try {
      await this.app.processEvent({
        body,
        ack,
        ...(retryNum !== undefined ? { retryNum: Number.parseInt(retryNum, 10) } : {}),
        ...(retryReason !== undefined ? { retryReason } : {}),
      });
      if (stored !== undefined) answer(res, stored);
    } catch (e) {
      // As Bolt's defaultProcessEventErrorHandler: an answer already sent stays; otherwise 401 or 500.
      if (res.headersSent) return void logger.error({ err: e }, 'a Slack listener failed after its ack');
      done = true;
      clearTimeout(timer);
      if (e instanceof AuthorizationError) return bare(res, 401);
      logger.error({ err: e }, 'a Slack request failed before its ack');
      bare(res, 500);
    }
  }
}
