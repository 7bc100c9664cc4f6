import type { Config } from './config/config.js';
import { databasePath } from './adapters/embedded/sqlite-store.js';

/** What `npm start` prints when no chat platform is configured: what to set, and what works meanwhile. */
export function startupGuide(config: Config, info: { people: number; templateId: string; lastQuarter: string }): string {
  const where = config.mongodbUri ? 'MongoDB' : `the embedded database ${databasePath(config.dataDir)}`;
  return [
    `Appraisal bot: store ready (${where}; ${info.people} people; KPI template ${info.templateId}).`,
    '',
    'No chat platform is configured, so nothing is listening yet. To connect one:',
    '  Slack: set SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET and APPRAISAL_ADMINS (README, "Connect Slack");',
    '         add SLACK_APP_TOKEN for Socket Mode (no public URL needed).',
    '  Lark/Feishu: set LARK_APP_ID, LARK_APP_SECRET, LARK_VERIFICATION_TOKEN, LARK_ENCRYPT_KEY and',
    '         APPRAISAL_ADMINS (README, "Connect Lark/Feishu"); LARK_CONNECTION=ws needs no public URL.',
    '',
    'Meanwhile you can:',
    info.people === 0 ? '  npm run seed:demo                      load a realistic demo organisation (3 teams, 24 reps)' : '  (people are loaded; npm run seed:demo only fills an empty store)',
    `  npm run report -- --period ${info.lastQuarter}     print the ranking and a full explained scorecard`,
    '  npm run report -- --lang zh-CN         the same in Simplified Chinese',
    '  npm run bench                          measure scoring and Slack ack latency',
    '',
  ].join('\n');
}
