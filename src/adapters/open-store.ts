import type { Logger } from '../ports/logger.js';
import type { Store } from '../ports/store.js';
import { openSqliteStore } from './embedded/sqlite-store.js';

/**
 * MongoDB when a URI is configured, else the embedded SQLite file under the data folder.
 * mongoose is only loaded when it is used.
 */
export async function openStore(opts: { mongodbUri: string | undefined; dataDir: string; logger: Logger }): Promise<Store> {
  if (opts.mongodbUri) {
    const { openMongoStore } = await import('./mongo/mongo-store.js');
    return openMongoStore({ uri: opts.mongodbUri, logger: opts.logger });
  }
  return openSqliteStore({ dataDir: opts.dataDir });
}
