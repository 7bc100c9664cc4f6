/**
 * Child process for the read-only test in embedded-faults.test.ts (run as an unprivileged user when
 * the tests run as root, who may write any file): opens the embedded store in the folder given as
 * argv[2] and prints `opened` or `refused: <message>`.
 */
import { openSqliteStore } from '../../src/adapters/embedded/sqlite-store.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: open-store.ts <dataDir>');
try {
  await openSqliteStore({ dataDir }).close();
  process.stdout.write('opened\n');
} catch (e) {
  process.stdout.write(`refused: ${(e as Error).message}\n`);
}
