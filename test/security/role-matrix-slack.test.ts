import { describe } from 'vitest';
import { slackDriver } from './matrix-drivers.js';
import { runMatrix } from './matrix-runner.js';

/**
 * The role × command matrix on Slack: signed slash commands, block actions and view submissions
 * over HTTP to the running app (test/security/matrix-table.ts has the expectations).
 */
describe('role matrix on Slack', () => runMatrix('slack', slackDriver));
