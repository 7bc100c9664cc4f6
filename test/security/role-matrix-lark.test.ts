import { describe } from 'vitest';
import { larkDriver } from './matrix-drivers.js';
import { runMatrix } from './matrix-runner.js';

/**
 * The role × command matrix on Lark: signed, encrypted DM message events (im.message.receive_v1)
 * and card callbacks (card.action.trigger) over HTTP to the running app
 * (test/security/matrix-table.ts has the expectations).
 */
describe('role matrix on Lark', () => runMatrix('lark', larkDriver));
