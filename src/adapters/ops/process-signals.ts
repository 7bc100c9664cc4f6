import type { Logger } from '../../ports/logger.js';

/**
 * Runs `stop` on the first SIGTERM or SIGINT and only logs the ones after it. Under `npm start`
 * (tsx) node receives SIGTERM twice — from the process group and relayed by tsx — and with a
 * `once` handler the second one killed the process mid-shutdown, without its 'stopped' log. An
 * operator who really wants it gone at once has SIGKILL.
 */
export function onStopSignal(stop: (signal: NodeJS.Signals) => void, logger: Logger): void {
  let first: NodeJS.Signals | undefined;
  const handle = (signal: NodeJS.Signals): void => {
    if (first) return logger.warn({ signal, first }, 'already shutting down; signal ignored');
    first = signal;
    stop(signal);
  };
  process.on('SIGTERM', handle);
  process.on('SIGINT', handle);
}

/**
 * Last-resort logging for errors nothing awaited. A rejected promise nobody handled is logged and
 * the bot keeps serving: Bolt's receiver starts each request's work as a promise it never awaits,
 * so such a rejection belongs to one request, and node's default (exit) let any request end the
 * process. A synchronous uncaught exception is logged and still ends the process, as it should:
 * the state it leaves behind is unknown.
 */
export function logUnhandledErrors(logger: Logger): void {
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection (the bot keeps running)'));
  process.on('uncaughtExceptionMonitor', (err, origin) => logger.error({ err, origin }, 'uncaught exception: the process ends'));
}
