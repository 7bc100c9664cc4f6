import { isAppError } from '../src/domain/errors.js';
import { loadConfig, processEnv, type Config } from '../src/config/config.js';
import { composeCore } from '../src/compose.js';
import type { AppDeps } from '../src/application/deps.js';

/**
 * Shared start-up for the command-line scripts: read the config once, open the store, run, close,
 * and turn known errors into a one-line message and a non-zero exit instead of a stack trace.
 */
export async function runCli(main: (deps: AppDeps, config: Config) => Promise<void>): Promise<void> {
  let deps: AppDeps | undefined;
  try {
    const config = loadConfig(processEnv());
    deps = await composeCore(config);
    await main(deps, config);
  } catch (e) {
    if (isAppError(e)) {
      process.stderr.write(`${e.message}\n`);
      process.exitCode = e.code === 'CONFIG' ? 2 : 1;
    } else {
      throw e;
    }
  } finally {
    await deps?.store.close();
  }
}
