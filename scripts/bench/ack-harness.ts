import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../../src/ports/logger.js';
import type { Store } from '../../src/ports/store.js';
import type { FromSlack, ToSlack } from './ack-slack.js';

/** Instruments for the ack benchmark: the Slack side's process, a problem-keeping logger, a timed store. */

/** A logger that keeps warnings and errors (app and Bolt) so the sanity check can show them. */
export function problemLogger(): Logger & { problems: string[] } {
  const problems: string[] = [];
  const keep = (level: string) => (obj: object | string, msg?: string) =>
    void problems.push(`${level}: ${msg ?? ''} ${typeof obj === 'string' ? obj : JSON.stringify(obj, (_k, v: unknown) => (v instanceof Error ? v.message : v))}`.slice(0, 300));
  const logger: Logger & { problems: string[] } = { problems, debug: () => {}, info: () => {}, warn: keep('warn'), error: keep('error'), child: () => logger };
  return logger;
}

/** The child process playing Slack, with a request/answer helper over IPC. */
export function startSlackSide() {
  // tsx's loader comes with process.execArgv, so the child runs the .ts file as this process does.
  const child: ChildProcess = fork(fileURLToPath(new URL('./ack-slack.ts', import.meta.url)), [], { execArgv: process.execArgv.filter((a) => !a.startsWith('--cpu-prof')) });
  const ask = <T extends FromSlack['type']>(m: ToSlack, answer: T): Promise<Extract<FromSlack, { type: T }>> =>
    new Promise((resolve, reject) => {
      const onExit = (code: number | null): void => reject(new Error(`the Slack side exited (${code}) while waiting for ${answer}`));
      const onMessage = (r: FromSlack): void => {
        if (r.type !== answer) return;
        child.off('message', onMessage).off('exit', onExit);
        resolve(r as Extract<FromSlack, { type: T }>);
      };
      child.on('message', onMessage).once('exit', onExit);
      child.send(m);
    });
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || !child.connected) return;
    const exited = once(child, 'exit');
    child.send({ type: 'stop' } satisfies ToSlack);
    const timer = setTimeout(() => child.kill(), 5000);
    await exited;
    clearTimeout(timer);
  };
  return { ask, stop };
}

/**
 * Times every store call. better-sqlite3 is synchronous, so the time until a call returns its
 * promise is the SQLite work (and the event loop is blocked for all of it).
 */
export function timedStore(store: Store): { store: Store; spent: Map<string, { n: number; ms: number }> } {
  const spent = new Map<string, { n: number; ms: number }>();
  // The wrappers are made once per object and method, not on every access: the instrument's own
  // allocations (a Proxy per `store.activities`, a closure per call) showed up in the CPU per submission.
  const proxies = new WeakMap<object, object>();
  const timed = <T extends object>(target: T, prefix: string): T => {
    const known = proxies.get(target);
    if (known) return known as T;
    const methods = new Map<PropertyKey, (...a: unknown[]) => unknown>();
    const proxy = new Proxy(target, {
      get(t, key, receiver) {
        const v = Reflect.get(t, key, receiver) as unknown;
        if (typeof v !== 'function') return v && typeof v === 'object' && typeof key === 'string' ? timed(v, `${key}.`) : v;
        const wrapped = methods.get(key);
        if (wrapped) return wrapped;
        const name = `${prefix}${String(key)}`;
        const method = (...a: unknown[]) => {
          const t0 = performance.now();
          try {
            return (v as (...x: unknown[]) => unknown).apply(t, a);
          } finally {
            // spent.clear() between phases: count into the entry the map holds now.
            const entry = spent.get(name) ?? spent.set(name, { n: 0, ms: 0 }).get(name)!;
            entry.n++;
            entry.ms += performance.now() - t0;
          }
        };
        methods.set(key, method);
        return method;
      },
    });
    proxies.set(target, proxy);
    return proxy;
  };
  return { store: timed(store, ''), spent };
}
