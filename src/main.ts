import { isAppError } from './domain/errors.js';
import { loadConfig, processEnv } from './config/config.js';
import { composeCore } from './compose.js';
import { ensureDefaultTemplate } from './application/templates.js';
import { databasePath } from './adapters/embedded/sqlite-store.js';
import { todayIn } from './domain/dates.js';
import { previousPeriod, quarterOf } from './domain/period.js';

/**
 * The composition root: load the config, open the store, start the platforms that are configured.
 * The Slack and Lark adapters are separate issues; until they land, the bot says what to configure
 * and what works meanwhile, and exits.
 */
async function main(): Promise<void> {
  const config = loadConfig(processEnv());
  const deps = await composeCore(config);
  try {
    await deps.store.ping();
    const template = await ensureDefaultTemplate(deps);
    const people = await deps.store.people.count();
    const lastQuarter = previousPeriod(quarterOf(todayIn(config.companyTimeZone, deps.clock.now()))).key;
    const where = config.mongodbUri ? 'MongoDB' : `the embedded database ${databasePath(config.dataDir)}`;
    deps.logger.info({ store: deps.store.kind, template: template.id, people }, 'store ready');
    process.stdout.write(
      [
        `Appraisal bot: store ready (${where}; ${people} people; KPI template ${template.id}).`,
        '',
        'No chat platform is configured, so nothing is listening yet. To connect one:',
        '  Slack: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (see README, "Slack"): not available in this version yet.',
        '  Lark/Feishu: set LARK_APP_ID, LARK_APP_SECRET, LARK_VERIFICATION_TOKEN, LARK_ENCRYPT_KEY: not available in this version yet.',
        '',
        'Meanwhile you can:',
        people === 0 ? '  npm run seed:demo                      load a realistic demo organisation (3 teams, 24 reps)' : '  (demo or real data is loaded)',
        `  npm run report -- --period ${lastQuarter}     print the ranking and a full explained scorecard`,
        '  npm run report -- --lang zh-CN         the same in Simplified Chinese',
        '  npm run bench                          measure scoring 10,000 reps over 2,000,000 activities',
        '',
      ].join('\n'),
    );
  } finally {
    await deps.store.close();
  }
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
