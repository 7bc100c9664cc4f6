import type { Logger } from '../ports/logger.js';
import type { Store } from '../ports/store.js';
import { openSqliteStore } from './embedded/sqlite-store.js';

/**
 * MongoDB when a URI is configured, else the embedded SQLite file under the data folder.
 * mongoose is only loaded when it is used.
 */
export async function openStore(opts: { mongodbUri: string | undefined; dataDir: string; logger: Logger; timeoutMs?: number | undefined; init?: boolean }): Promise<Store> {
  if (opts.mongodbUri) {
    const { openMongoStore } = await import('./mongo/mongo-store.js');
    // A call looks for a server at most this long, so a lost MongoDB answers UNAVAILABLE quickly.
    return openMongoStore({ uri: opts.mongodbUri, logger: opts.logger, ...(opts.timeoutMs ? { serverSelectionTimeoutMS: opts.timeoutMs } : {}) });
  }
  return openSqliteStore({
    dataDir: opts.dataDir,
    ...(opts.init ? { init: true } : {}),
    ...(opts.timeoutMs ? { busyTimeoutMs: Math.min(1000, opts.timeoutMs / 2) } : {}),
  });
}
