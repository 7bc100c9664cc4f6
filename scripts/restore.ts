import { loadConfig, processEnv } from '../src/config/config.js';
import { restoreDatabase } from '../src/adapters/embedded/backup.js';
import { isAppError } from '../src/domain/errors.js';

/**
 * `npm run restore -- FILE [--force]`: checks a backup (integrity, schema version) and copies it
 * into DATA_DIR. An existing database is only replaced with --force, after stopping the bot.
 */
try {
  const config = loadConfig(processEnv());
  if (config.mongodbUri) throw new Error('MONGODB_URI is set: restore MongoDB with mongorestore or your host\'s tools (see the README)');
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) throw new Error('usage: npm run restore -- FILE [--force]');
  const r = await restoreDatabase(config.dataDir, file, { force: args.includes('--force') });
  process.stdout.write(`Restored ${file} (schema version ${r.schemaVersion}) to ${r.file}. Start the bot again.\n`);
} catch (e) {
  process.stderr.write(`${isAppError(e) ? e.message : (e as Error).message}\n`);
  process.exitCode = isAppError(e) && e.code === 'CONFIG' ? 2 : 1;
}
