import type { EventDispatcher } from '@larksuiteoapi/node-sdk';
import type { Clock } from '../../../ports/clock.js';
import type { Logger } from '../../../ports/logger.js';
import type { RequestListener } from '../../http/server.js';
import { answerAfterBody, readBody } from '../../http/read-body.js';
import { answerJson as answer, methodNotAllowed } from '../../http/respond.js';
import { shapeProblem } from './event-shapes.js';
import { verifyRequest } from './verify.js';

export interface ReceiverOptions {
  encryptKey: string;
  verificationToken: string;
  clock: Clock;
  /** Accepted distance between a request's timestamp and now; Lark's own window is minutes. */
  windowMs: number;
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
      if (req.method !== 'POST') {
        logger.warn({ path: req.url, method: req.method, status: 405 }, 'Lark request refused');
        return answerAfterBody(req, () => methodNotAllowed(res, ['POST']));
      }
      const read = await readBody(req);
      // A client that went away mid-body gets no answer: there is nobody to read it.
      if (!read.ok && read.reason === 'aborted') return;
      if (!read.ok) {
        logger.warn({ path: req.url, status: 413 }, 'Lark request refused');
        return answer(res, 413, { error: 'body too large' });
      }
      const raw = read.body.toString('utf8');
      const verdict = verifyRequest(raw, req.headers, { ...o, nowMs: o.clock.now().getTime() });
      if (!verdict.ok) {
        logger.warn({ path: req.url, status: verdict.status, reason: verdict.reason }, 'Lark request refused');
        return answer(res, verdict.status, { error: verdict.reason });
      }
      if (verdict.challenge !== undefined) return answer(res, 200, { challenge: verdict.challenge });
      const badShape = shapeProblem(verdict.payload);
      if (badShape) {
        logger.warn({ path: req.url, status: 400, reason: badShape }, 'Lark request refused');
        return answer(res, 400, { error: badShape });
      }
      // The SDK reads the headers from the prototype, as its own adapters pass them.
      const data = Object.assign(Object.create({ headers: req.headers }) as object, verdict.payload);
      const result: unknown = await dispatcher.invoke(data, { needCheck: false });
      answer(res, 200, result && typeof result === 'object' ? result : {});
    })().catch((e: unknown) => {
      logger.error({ err: e, path: req.url }, 'Lark request failed');
      answer(res, 500, { error: 'internal error' });
    });
  };
}
