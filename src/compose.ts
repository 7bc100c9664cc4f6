import { randomUUID } from 'node:crypto';
import type { AppDeps } from './application/deps.js';
import type { Config } from './config/config.js';
import { createLogger } from './adapters/log/pino-logger.js';
import { openStore } from './adapters/open-store.js';
import { systemClock, type Clock } from './ports/clock.js';

/** Builds the core every entry point shares (bot, seed, report, bench): logger, store, clock, settings. */
export async function composeCore(config: Config, clock: Clock = systemClock): Promise<AppDeps> {
  const logger = createLogger(config.log);
  const store = await openStore({ mongodbUri: config.mongodbUri, dataDir: config.dataDir, logger, timeoutMs: config.storeTimeoutMs, init: config.storeInit });
  return {
    store,
    clock,
    logger,
    newId: randomUUID,
    settings: {
      companyTimeZone: config.companyTimeZone,
      baseCurrency: config.baseCurrency,
      fxRates: config.fxRates,
      paymentTermsDays: config.paymentTermsDays,
      admins: config.admins,
      defaultLocale: config.defaultLocale,
      ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
      companyLocale: config.companyLocale,
    },
  };
}
