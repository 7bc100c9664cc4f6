import { pino, destination } from 'pino';
import type { Logger } from '../../ports/logger.js';

/** Structured JSON logs (pino); `pretty` for a developer's terminal. Logs go to stderr so CLI output stays clean. */
export function createLogger(opts: { level: string; format: 'json' | 'pretty' }): Logger {
  if (opts.format === 'pretty') {
    return pino({
      level: opts.level,
      transport: { target: 'pino-pretty', options: { destination: 2, colorize: true, translateTime: 'SYS:HH:MM:ss' } },
    });
  }
  return pino({ level: opts.level }, destination(2));
}
