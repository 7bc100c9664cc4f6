import { loadConfig, processEnv } from '../src/config/config.js';
import { backupDatabase } from '../src/adapters/embedded/backup.js';
import { isAppError } from '../src/domain/errors.js';

/**
 * `npm run backup [-- FILE]`: a consistent online backup of the embedded store (the bot may keep
 * running), by default to DATA_DIR/backups/appraisal-<UTC time>.db. MongoDB: see the README.
 */
try {
  const config = loadConfig(processEnv());
  if (config.mongodbUri) throw new Error('MONGODB_URI is set: back MongoDB up with mongodump or your host\'s backups (see the README)');
  const target = process.argv.slice(2).find((a) => !a.startsWith('--'));
  const { file, bytes } = await backupDatabase(config.dataDir, target);
  process.stdout.write(`Backed up to ${file} (${bytes} bytes). Restore with: npm run restore -- ${file}\n`);
} catch (e) {
  process.stderr.write(`${isAppError(e) ? e.message : (e as Error).message}\n`);
  process.exitCode = isAppError(e) && e.code === 'CONFIG' ? 2 : 1;
}
