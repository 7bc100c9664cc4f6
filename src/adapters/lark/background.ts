import type { Logger } from '../../ports/logger.js';

/**
 * Work that runs after Lark has its answer (Lark wants one within 3 seconds). Each task is tracked
 * so a stop can wait for it and tests can wait for what an event started; a failure is logged,
 * never thrown into the HTTP response that already went out.
 */
export class Background {
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly logger: Logger) {}

  run(what: string, task: () => Promise<void>): void {
    const p: Promise<void> = task()
      .catch((e: unknown) => this.logger.error({ err: e }, `${what} failed`))
      .finally(() => this.running.delete(p));
    this.running.add(p);
  }

  /** Resolves once every task started so far, and any task they started, has finished. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
