import { isAppError } from './domain/errors.js';
import { loadConfig, processEnv } from './config/config.js';
import { composeCore } from './compose.js';
import { ensureDefaultTemplate } from './application/templates.js';
import { todayIn } from './domain/dates.js';
import { previousPeriod, quarterOf } from './domain/period.js';
import { createHttpServer, close, listen, type RequestListener } from './adapters/http/server.js';
import { SURVEY_PREFIX, surveyRoute } from './adapters/http/survey-route.js';
import { createLarkAdapter } from './adapters/lark/lark-app.js';
import { realPace } from './adapters/lark/rate-limit.js';
import { createSlackAdapter } from './adapters/slack/slack-app.js';
import { deadlineStore } from './adapters/ops/deadline-store.js';
import { createMetrics } from './adapters/ops/metrics.js';
import { logUnhandledErrors, onStopSignal } from './adapters/ops/process-signals.js';
import { readinessCheck } from './adapters/ops/readiness.js';
import { startupGuide } from './startup-guide.js';
import { startConsole } from './adapters/console/start-console.js';
import { JOBS } from './application/jobs/index.js';
import { createScheduler } from './jobs/scheduler.js';
import { outboundPlatforms } from './outbound-platforms.js';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';

/** Bulk calls (imports, period aggregations) may take longer than a point call on the ack path. */
const BULK_STORE_TIMEOUT_MS = 60_000;

/**
 * The composition root: load the config, open the store, start the platforms that are configured
 * on one HTTP server (with /healthz, /readyz and /metrics) and the scheduled jobs; on SIGTERM/SIGINT
 * stop within SHUTDOWN_TIMEOUT_SECONDS.
 */
/** Where the local console's logs go when LOG_FILE is not set. */
const CONSOLE_LOG_FILE = 'logs/console.log';

async function main(): Promise<void> {
  const loaded = loadConfig(processEnv());
  // `npm start -- --init`: start over on an empty database although one was in use here before.
  const initialised = process.argv.includes('--init') ? { ...loaded, storeInit: true } : loaded;
  // The local console shares the terminal: its logs go to a file unless LOG_FILE says where.
  const consoleOnly = !initialised.slack && !initialised.lark;
  const config = consoleOnly && !initialised.log.file ? { ...initialised, log: { ...initialised.log, file: CONSOLE_LOG_FILE } } : initialised;
  const core = await composeCore(config);
  await core.store.checkWritable();
  // Every store call of the running bot has a deadline, so a hung database answers UNAVAILABLE in time.
  const running = [...(config.slack ? (['slack'] as const) : []), ...(config.lark ? (['lark'] as const) : [])];
  const deps = {
    ...core,
    store: deadlineStore(core.store, { callMs: config.storeTimeoutMs, bulkMs: BULK_STORE_TIMEOUT_MS }),
    settings: { ...core.settings, ...(running.length ? { platforms: running } : {}) },
  };
  const template = await ensureDefaultTemplate(deps);

  if (!config.slack && !config.lark) {
    // No chat platform: say how to connect one, then open the local console on this terminal.
    const lastQuarter = previousPeriod(quarterOf(todayIn(config.companyTimeZone, deps.clock.now()))).key;
    process.stdout.write(startupGuide(config, { people: await deps.store.people.count(), templateId: template.id, lastQuarter }));
    await startConsole(deps, config, process.argv.slice(2));
    await core.store.close();
    return;
  }

  const metrics = createMetrics({ store: deps.store });
  // An answer that queued messages (an intel post) asks the scheduler's dispatcher to send them
  // now. The scheduler is built below; a request answered before then waits for its regular round.
  let dispatchNow = (): void => {};
  const slack = config.slack
    ? createSlackAdapter(deps, { ...config.slack, defaultLocale: config.defaultLocale, onCommand: (c) => metrics.commandHandled('slack', c), onQueued: () => dispatchNow() })
    : undefined;
  const larkPace = { now: realPace.now, sleep: (ms: number) => (metrics.rateLimitWait('lark', 'pacing', ms), realPace.sleep(ms)) };
  const lark = config.lark ? createLarkAdapter(deps, { ...config.lark, pace: larkPace, onCommand: (c) => metrics.commandHandled('lark', c), onQueued: () => dispatchNow() }) : undefined;
  const routes = new Map<string, RequestListener>();
  if (slack?.listener) routes.set('/slack/events', slack.listener);
  if (lark?.listener) {
    routes.set('/lark/events', lark.listener);
    routes.set('/lark/cards', lark.listener);
  }
  // Customer survey links answer here once PUBLIC_URL says where the bot is reached.
  if (config.publicUrl) routes.set(SURVEY_PREFIX, surveyRoute(deps, { publicUrl: config.publicUrl }));
  // Check the platforms' credentials before serving anything.
  await slack?.start();
  await lark?.start();
  let stopping = false;
  const readiness = readinessCheck({
    store: deps.store,
    platforms: { ...(slack ? { slack: slack.ready } : {}), ...(lark ? { lark: lark.ready } : {}) },
    timeoutMs: config.storeTimeoutMs,
    stopping: () => stopping,
  });
  logUnhandledErrors(deps.logger);
  // With METRICS_PORT, /metrics and /readyz leave the public listener for one of their own.
  const server = createHttpServer(routes, deps.logger, { readiness, metrics, exposeOps: !config.metrics });
  const opsServer = config.metrics ? createHttpServer(new Map(), deps.logger, { readiness, metrics }) : undefined;
  const port = await listen(server, config.port);
  const metricsPort = opsServer && config.metrics ? await listen(opsServer, config.metrics.port, config.metrics.host) : undefined;
  const scheduler = createScheduler({
    deps,
    jobs: JOBS,
    config: config.schedule,
    platforms: outboundPlatforms(config, deps.logger),
    owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    sleep: (ms) => (metrics.rateLimitWait('outbox', 'pacing', ms), new Promise((r) => setTimeout(r, ms))),
    onOutcome: ({ platform, outcome }) => {
      metrics.delivery(platform, outcome);
      if (outcome === 'rate_limited') metrics.rateLimitWait(platform, 'retry_after');
    },
  });
  dispatchNow = () => void scheduler.dispatchNow().catch((e: unknown) => deps.logger.error({ err: e }, 'dispatch failed'));
  scheduler.start();
  deps.logger.info(
    { port, ...(metricsPort !== undefined ? { metricsPort, metricsHost: config.metrics?.host } : {}), store: deps.store.kind, slack: config.slack ? (config.slack.appToken ? 'socket-mode' : 'http') : 'off', lark: config.lark?.connection ?? 'off' },
    'appraisal bot started',
  );

  // Stop accepting, let the requests in progress be answered, stop the platforms, let a job run or
  // a dispatch in progress finish and give the job leases back, close the store: within the limit,
  // or exit anyway (every acknowledged write is already committed; claims expire and are retried).
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    deps.logger.info({ signal, timeoutMs: config.shutdownTimeoutMs }, 'shutting down');
    const force = setTimeout(() => {
      deps.logger.error({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown took too long; exiting anyway');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    force.unref();
    try {
      await Promise.all([close(server, config.shutdownTimeoutMs / 2), opsServer && close(opsServer, config.shutdownTimeoutMs / 2), slack?.stop(), lark?.stop()]);
      await scheduler.stop();
      await core.store.close();
      deps.logger.info({ ms: Date.now() - started }, 'stopped');
      process.exit(0);
    } catch (e) {
      deps.logger.error({ err: e }, 'shutdown failed');
      process.exit(1);
    }
  };
  onStopSignal((signal) => void shutdown(signal), deps.logger);
}

main().catch((e: unknown) => {
  if (isAppError(e)) {
    process.stderr.write(`${e.message}\n`);
    process.exitCode = e.code === 'CONFIG' ? 2 : 1;
    return;
  }
  process.stderr.write(`Start-up failed: ${(e as Error)?.stack ?? String(e)}\n`);
  process.exitCode = 1;
});
