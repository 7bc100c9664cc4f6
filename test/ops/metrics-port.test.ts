import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { FakeSlack } from '../slack/fake-slack.js';
import { rawRequest, seededDataDir, startBot } from './bot-process.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('METRICS_PORT', () => {
  it('is read from the environment, with 127.0.0.1 as the default address, and a wrong value names the setting', () => {
    expect(loadConfig({}).metrics).toBeUndefined();
    expect(loadConfig({ METRICS_PORT: '9464' }).metrics).toEqual({ port: 9464, host: '127.0.0.1' });
    expect(loadConfig({ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' }).metrics).toEqual({ port: 9464, host: '0.0.0.0' });
    for (const bad of ['abc', '70000', '-1', '94.64']) expect(() => loadConfig({ METRICS_PORT: bad }), bad).toThrow(/METRICS_PORT: must be a port number/);
    expect(() => loadConfig({ METRICS_PORT: '9464', METRICS_HOST: 'a b' })).toThrow(/METRICS_HOST: is not a host name or address/);
  });

  it('serves /metrics and /readyz on their own listener and no longer on the public one', async () => {
    const data = await seededDataDir();
    cleanups.push(data.cleanup);
    const slack = new FakeSlack();
    await slack.start();
    cleanups.push(() => slack.stop());
    const bot = await startBot(
      { DATA_DIR: data.dir, PORT: '0', METRICS_PORT: '0', LOG_LEVEL: 'info', APPRAISAL_ADMINS: 'slack:UADMIN', SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: slack.apiUrl },
      cleanups,
    );
    expect(bot.metricsPort).toBeGreaterThan(0);
    expect(bot.log()).toContain('"metricsHost":"127.0.0.1"');
    const pub = `http://127.0.0.1:${bot.port}`;
    const ops = `http://127.0.0.1:${bot.metricsPort}`;

    expect((await rawRequest(`${pub}/metrics`, { method: 'GET' })).status).toBe(404);
    expect((await rawRequest(`${pub}/readyz`, { method: 'GET' })).status).toBe(404);
    expect((await rawRequest(`${pub}/healthz`, { method: 'GET' })).status).toBe(200);
    expect((await rawRequest(`${pub}/slack/events`, { method: 'GET' })).status).toBe(405);

    const metrics = await rawRequest(`${ops}/metrics`, { method: 'GET' });
    expect(metrics.status).toBe(200);
    expect(metrics.body).toContain('# TYPE appraisal_ack_latency_seconds histogram');
    expect(metrics.body).toMatch(/appraisal_ack_latency_seconds_count\{platform="slack"\} 1/);
    expect((await rawRequest(`${ops}/readyz`, { method: 'GET' })).status).toBe(200);
    expect((await rawRequest(`${ops}/healthz`, { method: 'GET' })).status).toBe(200);
    expect((await rawRequest(`${ops}/metrics`, { method: 'POST', body: 'x' })).status).toBe(405);
    // The webhooks stay on the public port only.
    expect((await rawRequest(`${ops}/slack/events`, { method: 'POST', body: 'x' })).status).toBe(404);
  }, 60_000);
});
