import { isAppError } from './domain/errors.js';
import { loadConfig, processEnv } from './config/config.js';
import { composeCore } from './compose.js';
import { ensureDefaultTemplate } from './application/templates.js';
import { todayIn } from './domain/dates.js';
import { previousPeriod, quarterOf } from './domain/period.js';
import { createHttpServer, close, listen, type RequestListener } from './adapters/http/server.js';
import { createLarkAdapter } from './adapters/lark/lark-app.js';
import { createSlackAdapter } from './adapters/slack/slack-app.js';
import { startupGuide } from './startup-guide.js';
import { JOBS } from './application/jobs/index.js';
import { createScheduler } from './jobs/scheduler.js';
import { outboundPlatforms } from './outbound-platforms.js';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';

/**
 * The composition root: load the config, open the store, start the platforms that are configured
 * on one HTTP server and the scheduled jobs, stop cleanly on SIGTERM/SIGINT.
 */
async function main(): Promise<void> {
  const config = loadConfig(processEnv());
  const deps = await composeCore(config);
  await deps.store.ping();
  const template = await ensureDefaultTemplate(deps);

  if (!config.slack && !config.lark) {
    const lastQuarter = previousPeriod(quarterOf(todayIn(config.companyTimeZone, deps.clock.now()))).key;
    process.stdout.write(startupGuide(config, { people: await deps.store.people.count(), templateId: template.id, lastQuarter }));
    await deps.store.close();
    return;
  }

  const slack = config.slack ? createSlackAdapter(deps, { ...config.slack, defaultLocale: config.defaultLocale }) : undefined;
  const lark = config.lark ? createLarkAdapter(deps, config.lark) : undefined;
  const routes = new Map<string, RequestListener>();
  if (slack?.listener) routes.set('/slack/events', slack.listener);
  if (lark?.listener) {
    routes.set('/lark/events', lark.listener);
    routes.set('/lark/cards', lark.listener);
  }
  // Check the platforms' credentials before serving anything.
  await slack?.start();
  await lark?.start();
  const server = createHttpServer(routes, deps.logger);
  const port = await listen(server, config.port);
  const scheduler = createScheduler({ deps, jobs: JOBS, config: config.schedule, platforms: outboundPlatforms(config, deps.logger), owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}` });
  scheduler.start();
  deps.logger.info(
    { port, store: deps.store.kind, slack: config.slack ? (config.slack.appToken ? 'socket-mode' : 'http') : 'off', lark: config.lark?.connection ?? 'off' },
    'appraisal bot started',
  );

  let stopping = false;
  const shutdown = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    deps.logger.info({ signal }, 'shutting down');
    await close(server);
    await scheduler.stop();
    await slack?.stop();
    await lark?.stop();
    await deps.store.close();
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
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
