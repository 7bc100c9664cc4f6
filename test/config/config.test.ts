import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { AppError } from '../../src/domain/errors.js';

function configError(env: Record<string, string>): AppError {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected loadConfig to refuse');
}

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    expect(loadConfig({})).toEqual({
      companyTimeZone: 'Asia/Shanghai',
      dataDir: './data',
      mongodbUri: undefined,
      admins: [],
      baseCurrency: 'CNY',
      fxRates: { CNY: 1 },
      paymentTermsDays: 30,
      defaultLocale: 'en',
      companyLocale: 'en',
      port: 3000,
      log: { level: 'info', format: 'json' },
      storeTimeoutMs: 2000,
      shutdownTimeoutMs: 20_000,
      slack: undefined,
      lark: undefined,
      schedule: { schedules: {}, disabled: [], holidays: [], makeUpDays: [], dispatchIntervalMs: 10_000 },
    });
  });

  it('reads the schedule settings: cron overrides, switches and the holiday calendar', () => {
    const c = loadConfig({
      SCHEDULE_WEEKLY_RANKING: '30 17 * * 5',
      JOBS_DISABLED: 'weekly-nudge',
      HOLIDAYS: '2026-10-01..2026-10-03, 2027-01-01',
      MAKEUP_WORKDAYS: '2026-09-27',
      DISPATCH_INTERVAL_SECONDS: '5',
    });
    expect(c.schedule).toEqual({
      schedules: { 'weekly-ranking': '30 17 * * 5' },
      disabled: ['weekly-nudge'],
      holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2027-01-01'],
      makeUpDays: ['2026-09-27'],
      dispatchIntervalMs: 5000,
    });
  });

  it.each([
    ['SCHEDULE_WEEKLY_RANKING', 'fridays at five', /SCHEDULE_WEEKLY_RANKING: is not a cron expression/],
    ['JOBS_DISABLED', 'weekly-gossip', /JOBS_DISABLED: names a job that does not exist/],
    ['HOLIDAYS', '2026-10-07..2026-10-01', /HOLIDAYS: "2026-10-07..2026-10-01" is not a date or a date range/],
    ['MAKEUP_WORKDAYS', 'Saturday', /MAKEUP_WORKDAYS: "Saturday" is not a date or a date range/],
  ])('refuses a wrong %s', (setting, value, message) => {
    expect(configError({ [setting]: value }).message).toMatch(message);
  });

  it('configures Slack in HTTP mode, and Socket Mode with an app token', () => {
    const base = { SLACK_BOT_TOKEN: 'xoxb-1-2-abc', SLACK_SIGNING_SECRET: 'shh', APPRAISAL_ADMINS: 'slack:U0ADMIN' };
    expect(loadConfig(base).slack).toEqual({ botToken: 'xoxb-1-2-abc', signingSecret: 'shh', appToken: undefined, apiUrl: undefined });
    expect(loadConfig({ ...base, SLACK_APP_TOKEN: 'xapp-1-x', SLACK_API_URL: 'http://127.0.0.1:9/api/' }).slack).toMatchObject({ appToken: 'xapp-1-x', apiUrl: 'http://127.0.0.1:9/api/' });
  });

  it.each([
    [{ SLACK_BOT_TOKEN: 'xoxb-1', APPRAISAL_ADMINS: 'slack:U0A' }, /SLACK_SIGNING_SECRET: is required with SLACK_BOT_TOKEN/],
    [{ SLACK_SIGNING_SECRET: 'x' }, /SLACK_BOT_TOKEN: is required to connect to Slack/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'x' }, /APPRAISAL_ADMINS: is required once a chat platform is connected/],
    [{ SLACK_BOT_TOKEN: 'xoxp-user-token', SLACK_SIGNING_SECRET: 'x', APPRAISAL_ADMINS: 'slack:U0A' }, /SLACK_BOT_TOKEN: is not a bot token/],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'x', SLACK_APP_TOKEN: 'xoxb-2', APPRAISAL_ADMINS: 'slack:U0A' }, /SLACK_APP_TOKEN: is not an app-level token/],
  ])('refuses an incomplete Slack configuration (%#)', (env, message) => {
    const e = configError(env as Record<string, string>);
    expect(e.code).toBe('CONFIG');
    expect(e.message).toMatch(message);
  });

  describe('Lark/Feishu', () => {
    const http = { LARK_APP_ID: 'cli_a1b2c3', LARK_APP_SECRET: 's3cret', LARK_VERIFICATION_TOKEN: 'vtoken', LARK_ENCRYPT_KEY: 'ekey', APPRAISAL_ADMINS: 'lark:ou_admin01' };

    it('configures HTTP callbacks on Feishu, in Chinese, by default', () => {
      expect(loadConfig(http).lark).toEqual({
        appId: 'cli_a1b2c3',
        appSecret: 's3cret',
        verificationToken: 'vtoken',
        encryptKey: 'ekey',
        connection: 'http',
        domain: 'https://open.feishu.cn',
        defaultLocale: 'zh-CN',
      });
      expect(loadConfig(http).slack).toBeUndefined();
    });

    it('reads the domain as feishu, lark or a URL, and follows an explicit DEFAULT_LOCALE', () => {
      expect(loadConfig({ ...http, LARK_DOMAIN: 'lark' }).lark!.domain).toBe('https://open.larksuite.com');
      expect(loadConfig({ ...http, LARK_DOMAIN: 'http://127.0.0.1:9999/' }).lark!.domain).toBe('http://127.0.0.1:9999');
      expect(loadConfig({ ...http, DEFAULT_LOCALE: 'en' }).lark!.defaultLocale).toBe('en');
    });

    it('needs only the app id and secret over the long connection', () => {
      expect(loadConfig({ LARK_APP_ID: 'cli_a1b2c3d4e5f6a7b8', LARK_APP_SECRET: 's', LARK_CONNECTION: 'ws', APPRAISAL_ADMINS: 'lark:ou_admin01' }).lark).toMatchObject({ connection: 'ws', verificationToken: undefined, encryptKey: undefined });
    });

    it('runs beside Slack', () => {
      const both = loadConfig({ ...http, SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'x', APPRAISAL_ADMINS: 'slack:U0A,lark:ou_admin01' });
      expect([both.slack?.botToken, both.lark?.appId]).toEqual(['xoxb-1', 'cli_a1b2c3']);
    });

    it.each([
      [{ LARK_APP_SECRET: 's' }, /LARK_APP_ID: is required to connect to Lark\/Feishu\. Fix: copy the App ID/],
      [{ LARK_APP_ID: 'cli_a1', APPRAISAL_ADMINS: 'lark:ou_admin01', LARK_CONNECTION: 'ws' }, /LARK_APP_SECRET: is required with LARK_APP_ID\. Fix: /],
      [{ ...http, LARK_VERIFICATION_TOKEN: '' }, /LARK_VERIFICATION_TOKEN: is required for HTTP callbacks .*Fix: copy the Verification Token .*LARK_CONNECTION=ws/],
      [{ ...http, LARK_ENCRYPT_KEY: ' ' }, /LARK_ENCRYPT_KEY: is required for HTTP callbacks .*Fix: set and copy the Encrypt Key/],
      [{ ...http, APPRAISAL_ADMINS: '' }, /APPRAISAL_ADMINS: is required once a chat platform is connected .*APPRAISAL_ADMINS=lark:ou_abc123/],
      [{ ...http, LARK_APP_ID: 'a1b2c3' }, /LARK_APP_ID: is not a Lark\/Feishu app id\. Fix: copy the App ID \(cli_…\)/],
      [{ ...http, LARK_CONNECTION: 'socket' }, /LARK_CONNECTION: must be http or ws\. Fix: /],
      [{ ...http, LARK_CONNECTION: 'ws' }, /LARK_APP_ID: is not an app id the long connection accepts \(cli_ and 16 hex digits\)/],
      [{ ...http, LARK_DOMAIN: 'larksuite' }, /LARK_DOMAIN: is not feishu, lark or a URL\. Fix: use feishu/],
    ])('refuses an incomplete or wrong Lark configuration (%#), naming the setting and the fix', (env, message) => {
      const e = configError(env as Record<string, string>);
      expect(e.code).toBe('CONFIG');
      expect(e.message).toMatch(message);
    });
  });

  it('reads every setting', () => {
    const c = loadConfig({
      COMPANY_TIMEZONE: 'Europe/Berlin',
      DATA_DIR: '/var/lib/appraisal',
      MONGODB_URI: 'mongodb://db:27017/appraisal?replicaSet=rs0',
      APPRAISAL_ADMINS: ' slack:U0123ABC , lark:ou_abc123 ',
      BASE_CURRENCY: 'EUR',
      FX_RATES: 'USD=0.92,CNY=0.13',
      PAYMENT_TERMS_DAYS: '45',
      DEFAULT_LOCALE: 'zh-CN',
      PORT: '8080',
      LOG_LEVEL: 'debug',
      LOG_FORMAT: 'pretty',
      STORE_TIMEOUT_MS: '1500',
      SHUTDOWN_TIMEOUT_SECONDS: '30',
    });
    expect(c.storeTimeoutMs).toBe(1500);
    expect(c.shutdownTimeoutMs).toBe(30_000);
    expect(c.companyTimeZone).toBe('Europe/Berlin');
    expect(c.mongodbUri).toBe('mongodb://db:27017/appraisal?replicaSet=rs0');
    expect(c.admins).toEqual(['slack:U0123ABC', 'lark:ou_abc123']);
    expect(c.fxRates).toEqual({ USD: 0.92, CNY: 0.13, EUR: 1 });
    expect(c.paymentTermsDays).toBe(45);
    expect(c.port).toBe(8080);
    expect(c.defaultLocale).toBe('zh-CN');
    expect(c.log).toEqual({ level: 'debug', format: 'pretty' });
  });

  it('treats an empty MONGODB_URI as not set (embedded store)', () => {
    expect(loadConfig({ MONGODB_URI: '' }).mongodbUri).toBeUndefined();
  });

  it.each([
    ['COMPANY_TIMEZONE', 'Mars/Olympus', /COMPANY_TIMEZONE: is not an IANA time zone\. Fix: .*Asia\/Shanghai/],
    ['MONGODB_URI', 'postgres://x', /MONGODB_URI: is not a MongoDB connection string\. Fix: /],
    ['APPRAISAL_ADMINS', 'slack:U0123ABC,bob', /APPRAISAL_ADMINS: "bob" is not a platform user id\. Fix: .*slack:U0123ABC/],
    ['BASE_CURRENCY', 'yuan', /BASE_CURRENCY: is not a 3-letter currency code/],
    ['FX_RATES', 'USD:7.1', /FX_RATES: "USD:7.1" is not CODE=rate/],
    ['PAYMENT_TERMS_DAYS', 'soon', /PAYMENT_TERMS_DAYS: must be a whole number of days/],
    ['PAYMENT_TERMS_DAYS', '400', /PAYMENT_TERMS_DAYS: must be a whole number of days/],
    ['PORT', '70000', /PORT: must be a port number/],
    ['DEFAULT_LOCALE', 'fr', /DEFAULT_LOCALE: is not a supported language\. Fix: use en or zh-CN/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL: is not a log level/],
    ['LOG_FORMAT', 'xml', /LOG_FORMAT: must be json or pretty/],
    ['STORE_TIMEOUT_MS', '5', /STORE_TIMEOUT_MS: must be a whole number of milliseconds/],
    ['SHUTDOWN_TIMEOUT_SECONDS', 'soon', /SHUTDOWN_TIMEOUT_SECONDS: must be a whole number of seconds/],
  ])('refuses a wrong %s naming the setting and the fix', (setting, value, message) => {
    const e = configError({ [setting]: value });
    expect(e.code).toBe('CONFIG');
    expect(e.message).toMatch(message);
    expect(e.issues.map((i) => i.path)).toEqual([setting]);
  });

  it('lists every wrong setting at once', () => {
    const e = configError({ COMPANY_TIMEZONE: 'Nowhere', PORT: '-1', LOG_LEVEL: 'x' });
    expect(e.issues.map((i) => i.path).sort()).toEqual(['COMPANY_TIMEZONE', 'LOG_LEVEL', 'PORT']);
    expect(e.message.split('\n')).toHaveLength(4);
  });
});

describe('STORE_INIT', () => {
  it('is off unless set, on with true or 1, and a clear refusal otherwise', () => {
    expect(loadConfig({}).storeInit).toBeUndefined();
    expect(loadConfig({ STORE_INIT: 'true' }).storeInit).toBe(true);
    expect(loadConfig({ STORE_INIT: '1' }).storeInit).toBe(true);
    expect(loadConfig({ STORE_INIT: 'false' }).storeInit).toBeUndefined();
    expect(configError({ STORE_INIT: 'yes please' }).message).toMatch(/STORE_INIT: must be true or false/);
  });
});
