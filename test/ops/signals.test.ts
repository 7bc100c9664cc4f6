import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeSlack } from '../slack/fake-slack.js';
import { seededDataDir, startBot } from './bot-process.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('stop signals', () => {
  it('a second SIGTERM (and a SIGINT) while stopping is logged and ignored: the shutdown finishes and logs "stopped"', async () => {
    const data = await seededDataDir();
    cleanups.push(data.cleanup);
    const slack = new FakeSlack();
    await slack.start();
    cleanups.push(() => slack.stop());
    const bot = await startBot(
      { DATA_DIR: data.dir, PORT: '0', LOG_LEVEL: 'info', APPRAISAL_ADMINS: 'slack:UADMIN', SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: slack.apiUrl, SHUTDOWN_TIMEOUT_SECONDS: '4' },
      cleanups,
    );
    // A request whose body never completes keeps the shutdown busy (until half the limit) while the repeats arrive.
    const slow = http.request(`http://127.0.0.1:${bot.port}/slack/events`, { method: 'POST', headers: { 'content-length': '1000', 'content-type': 'application/json' }, agent: false });
    slow.on('error', () => {});
    await new Promise<void>((resolve) => slow.write('{"type":', () => resolve()));

    bot.kill('SIGTERM');
    await bot.logged('"msg":"shutting down"');
    bot.kill('SIGTERM');
    await bot.logged('already shutting down; signal ignored');
    bot.kill('SIGINT');
    expect(await bot.exited).toBe(0);
    expect(bot.log()).toContain('"msg":"stopped"');
    expect(bot.log().match(/already shutting down; signal ignored/g)).toHaveLength(2);
  }, 60_000);
});
