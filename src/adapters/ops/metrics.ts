import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Store } from '../../ports/store.js';

export type DeliveryOutcome = 'sent' | 'rate_limited' | 'retried' | 'failed';

/**
 * The bot's Prometheus metrics (served at /metrics), on a registry of its own so tests and
 * several bots in one process never share counters. Adapters and the composition root feed it;
 * application/ and domain/ never see it (they take plain callbacks).
 */
export interface BotMetrics {
  readonly registry: Registry;
  commandHandled(platform: string, command: string): void;
  /** Seconds from a platform request's arrival to its response's end. */
  observeAck(platform: string, seconds: number): void;
  delivery(platform: string, outcome: DeliveryOutcome): void;
  /** A wait for a platform's rate limit: pacing before a send, or a 429's Retry-After. */
  rateLimitWait(platform: string, reason: 'pacing' | 'retry_after', ms?: number): void;
}

export function createMetrics(opts: { store: Pick<Store, 'outbox'>; defaultMetrics?: boolean }): BotMetrics {
  const registry = new Registry();
  if (opts.defaultMetrics !== false) collectDefaultMetrics({ register: registry, prefix: 'appraisal_' });
  const commands = new Counter({ name: 'appraisal_commands_handled_total', help: 'Commands and form submissions handled, by platform and command', labelNames: ['platform', 'command'], registers: [registry] });
  const ack = new Histogram({
    name: 'appraisal_ack_latency_seconds',
    help: 'Time from a platform request arriving to its response finishing',
    labelNames: ['platform'],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5],
    registers: [registry],
  });
  const deliveries = new Counter({ name: 'appraisal_deliveries_total', help: 'Outbox sends by platform and outcome (sent, rate_limited, retried, failed)', labelNames: ['platform', 'outcome'], registers: [registry] });
  const waits = new Counter({ name: 'appraisal_rate_limit_waits_total', help: 'Waits for a platform rate limit, by platform and reason', labelNames: ['platform', 'reason'], registers: [registry] });
  const waitSeconds = new Counter({ name: 'appraisal_rate_limit_wait_seconds_total', help: 'Seconds spent waiting for platform rate limits', labelNames: ['platform', 'reason'], registers: [registry] });
  new Gauge({
    name: 'appraisal_outbox_backlog',
    help: 'Outbox messages pending (read from the store on each scrape; absent while the store is down)',
    registers: [registry],
    async collect() {
      try {
        this.set(await opts.store.outbox.count({ state: 'pending' }));
      } catch {
        this.reset();
      }
    },
  });
  return {
    registry,
    commandHandled: (platform, command) => commands.inc({ platform, command }),
    observeAck: (platform, seconds) => ack.observe({ platform }, seconds),
    delivery: (platform, outcome) => deliveries.inc({ platform, outcome }),
    rateLimitWait: (platform, reason, ms) => {
      waits.inc({ platform, reason });
      if (ms !== undefined && ms > 0) waitSeconds.inc({ platform, reason }, ms / 1000);
    },
  };
}
