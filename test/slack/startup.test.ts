import { afterEach, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../src/adapters/slack/slack-app.js';
import { AppError } from '../../src/domain/errors.js';
import { testDeps } from '../helpers/temp-store.js';
import { FakeSlack } from './fake-slack.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function startWith(fake: FakeSlack | null): Promise<unknown> {
  const deps = testDeps();
  cleanups.push(deps.cleanup);
  const adapter = createSlackAdapter(deps, {
    botToken: 'xoxb-test',
    signingSecret: 's',
    apiUrl: fake ? fake.apiUrl : 'http://127.0.0.1:9/api/',
    defaultLocale: 'en',
    retries: 0,
  });
  return adapter.start().then(() => 'started', (e: unknown) => e);
}

describe('Slack start-up', () => {
  it('checks the bot token with auth.test before serving', async () => {
    const fake = new FakeSlack();
    await fake.start();
    cleanups.push(() => fake.stop());
    expect(await startWith(fake)).toBe('started');
    expect(fake.callsTo('auth.test')).toHaveLength(1);
  });

  it('stops with a CONFIG error naming SLACK_BOT_TOKEN when Slack refuses the token', async () => {
    const fake = new FakeSlack();
    await fake.start();
    cleanups.push(() => fake.stop());
    fake.authError = 'invalid_auth';
    const e = (await startWith(fake)) as AppError;
    expect(e).toBeInstanceOf(AppError);
    expect(e.code).toBe('CONFIG');
    expect(e.message).toMatch(/^SLACK_BOT_TOKEN: Slack refused it \(invalid_auth\)\. Fix: /);
  });

  it('stops with UNAVAILABLE when Slack cannot be reached', async () => {
    const e = (await startWith(null)) as AppError;
    expect(e.code).toBe('UNAVAILABLE');
    expect(e.message).toContain('Slack could not be reached');
  });
});
