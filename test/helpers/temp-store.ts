import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../../src/adapters/embedded/sqlite-store.js';
import type { AppDeps } from '../../src/application/deps.js';
import { fixedClock } from '../../src/ports/clock.js';
import { silentLogger } from '../../src/ports/logger.js';
import type { Store } from '../../src/ports/store.js';

/** A fresh embedded store in a temp folder, removed by `cleanup()`. */
export function tempStore(): { store: Store; dir: string; cleanup: () => Promise<void> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'appraisal-test-'));
  const store = openSqliteStore({ dataDir: dir });
  return {
    store,
    dir,
    cleanup: async () => {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Use-case dependencies on a temp store with a fixed clock (default 2026-11-26 10:00 Shanghai). */
export function testDeps(now = '2026-11-26T02:00:00Z'): AppDeps & { clock: ReturnType<typeof fixedClock>; cleanup: () => Promise<void>; dataDir: string } {
  const { store, dir, cleanup } = tempStore();
  let n = 0;
  return {
    store,
    clock: fixedClock(now),
    logger: silentLogger,
    newId: () => `id-${++n}`,
    settings: { companyTimeZone: 'Asia/Shanghai', baseCurrency: 'CNY', fxRates: { CNY: 1 }, paymentTermsDays: 30, admins: [], defaultLocale: 'en' },
    cleanup,
    /** The store's folder, for tests that damage its files. */
    dataDir: dir,
  };
}
