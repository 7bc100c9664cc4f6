import type { Config } from './config/config.js';
import { databasePath } from './adapters/embedded/sqlite-store.js';

/** What `npm start` prints when no chat platform is configured: what to set, and what works meanwhile. */
export function startupGuide(config: Config, info: { people: number; templateId: string; lastQuarter: string }): string {
  const where = config.mongodbUri ? 'MongoDB' : `the embedded database ${databasePath(config.dataDir)}`;
  return [
    `Appraisal bot: store ready (${where}; ${info.people} people; KPI template ${info.templateId}).`,
    '',
    'No chat platform is configured: this is the local console (the same commands as in chat). To connect one:',
    '  Slack: set SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET and APPRAISAL_ADMINS (README, "Connect Slack");',
    '         add SLACK_APP_TOKEN for Socket Mode (no public URL needed).',
    '  Lark/Feishu: set LARK_APP_ID, LARK_APP_SECRET, LARK_VERIFICATION_TOKEN, LARK_ENCRYPT_KEY and',
    '         APPRAISAL_ADMINS (README, "Connect Lark/Feishu"); LARK_CONNECTION=ws needs no public URL.',
    '',
    'Also:',
    `  npm run report -- --period ${info.lastQuarter}     print the ranking and a full explained scorecard`,
    '  npm run jobs -- list                   the scheduled jobs and their next runs',
    '  npm run bench                          measure scoring, ack latency and fan-out',
    '',
  ].join('\n');
}
