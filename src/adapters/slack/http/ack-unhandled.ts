import { ErrorCode, type AnyMiddlewareArgs, type Middleware } from '@slack/bolt';
import type { Logger } from '../../../ports/logger.js';
import { isAcked } from './edge-receiver.js';

/**
 * A request no listener acknowledged (a button, form or option list the bot does not know, e.g. from
 * a message of an older version) is acknowledged empty as soon as every listener is done, instead
 * of Bolt's 404 after 3 seconds. Register it first, so it runs after all the others. A listener that
 * did acknowledge makes this second ack a no-op: over HTTP the edge receiver says it was acked
 * (building the ReceiverMultipleAckError a second ack throws cost a stack trace per request),
 * Socket Mode ignores it.
 */
export function ackUnhandled(logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    await args.next();
    if (!('ack' in args) || typeof args.ack !== 'function' || isAcked(args.ack)) return;
    const ack = args.ack as () => Promise<void>;
    try {
      await ack();
      const b = args.body as { type?: string; command?: string };
      logger.warn({ type: b.type ?? 'slash_command', command: b.command }, 'no listener answered this Slack request; acknowledged empty');
    } catch (e) {
      if ((e as { code?: string }).code !== ErrorCode.ReceiverMultipleAckError) throw e;
    }
  };
}
