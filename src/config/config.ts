import fs from 'node:fs';
import { z } from 'zod';
import { isValidTimeZone } from '../domain/dates.js';
import { AppError } from '../domain/errors.js';
import { IDENTITY_RE, LOCALES } from '../domain/model/fields.js';
import { ScheduleEnvShape, toScheduleConfig, type ScheduleConfig } from './schedule-config.js';

/**
 * The one schema for the environment. `loadConfig(process.env)` runs once, in main.ts; nothing
 * else reads process.env. Every error names the setting and says how to fix it.
 */

const fix = (setting: string, problem: string, howTo: string): string => `${setting}: ${problem}. Fix: ${howTo}`;

const csv = (s: string | undefined): string[] =>
  (s ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x.length > 0);

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => v || undefined);

/** Lark/Feishu (manifests/lark.md): the app's credentials from the developer console. */
const LarkEnv = {
  LARK_APP_ID: optionalText.refine((v) => v === undefined || /^cli_[A-Za-z0-9]+$/.test(v), {
    message: fix('LARK_APP_ID', 'is not a Lark/Feishu app id', 'copy the App ID (cli_…) from the developer console, Credentials & Basic Info'),
  }),
  LARK_APP_SECRET: optionalText,
  LARK_VERIFICATION_TOKEN: optionalText,
  LARK_ENCRYPT_KEY: optionalText,
  LARK_CONNECTION: z
    .enum(['http', 'ws'], { message: fix('LARK_CONNECTION', 'must be http or ws', 'use http (Lark calls /lark/events and /lark/cards) or ws (long connection, no public URL)') })
    .default('http'),
  LARK_TENANT_KEY: z
    .string()
    .optional()
    .transform(csv)
    .superRefine((keys, ctx) => {
      const bad = keys.filter((k) => !/^[A-Za-z0-9_-]{1,64}$/.test(k));
      if (bad.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: fix('LARK_TENANT_KEY', `${bad.map((b) => `"${b}"`).join(', ')} ${bad.length === 1 ? 'is' : 'are'} not a tenant key`, 'list the tenant_key of your company (letters and digits, as in any event the bot received), separated by commas, or leave it empty to accept any tenant'),
        });
      }
    }),
  LARK_DOMAIN: z
    .string()
    .trim()
    .default('feishu')
    .transform((v) => (v === '' || v === 'feishu' ? 'https://open.feishu.cn' : v === 'lark' ? 'https://open.larksuite.com' : v.replace(/\/+$/, '')))
    .refine((v) => /^https?:\/\/[^\s/]+(\/\S*)?$/.test(v), {
      message: fix('LARK_DOMAIN', 'is not feishu, lark or a URL', 'use feishu (China, the default), lark (Lark international) or a base URL such as http://proxy:8080'),
    }),
};

const EnvSchema = z.object({
  COMPANY_TIMEZONE: z
    .string()
    .trim()
    .default('Asia/Shanghai')
    .refine(isValidTimeZone, {
      message: fix('COMPANY_TIMEZONE', 'is not an IANA time zone', 'use a name such as Asia/Shanghai, Asia/Singapore or Europe/Berlin'),
    }),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  // Start on a new, empty embedded database although one was in use before (its file is missing).
  STORE_INIT: z
    .string()
    .trim()
    .toLowerCase()
    .default('false')
    .refine((v) => ['true', 'false', '1', '0', ''].includes(v), {
      message: fix('STORE_INIT', 'must be true or false', 'set STORE_INIT=true only to start over with an empty database when the old one is lost (or use npm start -- --init); leave it unset otherwise'),
    })
    .transform((v) => v === 'true' || v === '1'),
  MONGODB_URI: z
    .string()
    .trim()
    .optional()
    .transform((s) => (s === '' ? undefined : s))
    .refine((s) => s === undefined || /^mongodb(\+srv)?:\/\/\S+$/.test(s), {
      message: fix('MONGODB_URI', 'is not a MongoDB connection string', 'use mongodb://host:27017/appraisal or mongodb+srv://…, or leave it empty to use the embedded store'),
    }),
  APPRAISAL_ADMINS: z
    .string()
    .optional()
    .transform(csv)
    .superRefine((ids, ctx) => {
      const bad = ids.filter((id) => !IDENTITY_RE.test(id));
      if (bad.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: fix(
            'APPRAISAL_ADMINS',
            `${bad.map((b) => `"${b}"`).join(', ')} ${bad.length === 1 ? 'is' : 'are'} not a platform user id`,
            'list ids like slack:U0123ABC (Slack member ID, from the profile menu "Copy member ID") or lark:ou_abc123 (Lark open_id), separated by commas',
          ),
        });
      }
    }),
  BASE_CURRENCY: z
    .string()
    .trim()
    .default('CNY')
    .refine((s) => /^[A-Z]{3}$/.test(s), { message: fix('BASE_CURRENCY', 'is not a 3-letter currency code', 'use a code such as CNY or USD') }),
  FX_RATES: z
    .string()
    .optional()
    .transform((s, ctx) => {
      const rates: Record<string, number> = {};
      for (const pair of csv(s)) {
        const m = /^([A-Z]{3})=(\d+(?:\.\d+)?)$/.exec(pair);
        if (!m || Number(m[2]) <= 0) {
          ctx.addIssue({
            code: 'custom',
            message: fix('FX_RATES', `"${pair}" is not CODE=rate`, 'write how much base currency one unit is worth, e.g. USD=7.1,EUR=7.8'),
          });
          return z.NEVER;
        }
        rates[m[1]!] = Number(m[2]);
      }
      return rates;
    }),
  PAYMENT_TERMS_DAYS: z.coerce
    .number()
    .int()
    .min(0)
    .max(365)
    .default(30)
    .catch(() => -1)
    .refine((n) => n >= 0, { message: fix('PAYMENT_TERMS_DAYS', 'must be a whole number of days from 0 to 365', 'set e.g. PAYMENT_TERMS_DAYS=30') }),
  DEFAULT_LOCALE: z.enum(LOCALES, { message: fix('DEFAULT_LOCALE', 'is not a supported language', 'use en or zh-CN') }).default('en'),
  COMPANY_LOCALE: z.enum(LOCALES, { message: fix('COMPANY_LOCALE', 'is not a supported language', 'use en or zh-CN') }).optional(),
  PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .default(3000)
    .catch(() => -1)
    .refine((n) => n >= 0, { message: fix('PORT', 'must be a port number from 0 to 65535', 'set e.g. PORT=3000') }),
  METRICS_PORT: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? (/^\d{1,5}$/.test(v) && Number(v) <= 65535 ? Number(v) : -1) : undefined))
    .refine((n) => n === undefined || n >= 0, {
      message: fix('METRICS_PORT', 'must be a port number from 0 to 65535', 'set e.g. METRICS_PORT=9464 to serve /metrics, /readyz and /healthz there only, or leave it empty to serve them on PORT'),
    }),
  METRICS_HOST: z
    .string()
    .trim()
    .default('127.0.0.1')
    .transform((v) => v || '127.0.0.1')
    .refine((v) => /^[A-Za-z0-9.:[\]-]+$/.test(v), {
      message: fix('METRICS_HOST', 'is not a host name or address', 'use 127.0.0.1 (this machine only, the default), 0.0.0.0 (every interface, e.g. in a container scraped by Prometheus) or an interface address'),
    }),
  LOG_FILE: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined),
  /** The bot's public https address (customer survey links: https://<PUBLIC_URL>/survey/<token>). */
  PUBLIC_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v.replace(/\/+$/, '') : undefined))
    .refine((v) => v === undefined || /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(v), {
      message: fix('PUBLIC_URL', 'is not a web address', 'set the address the bot is reached at from the internet, e.g. PUBLIC_URL=https://appraisal.example.com (customer survey links start with it), or leave it empty to turn surveys off'),
    }),
  LOG_LEVEL: z
    .enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'], {
      message: fix('LOG_LEVEL', 'is not a log level', 'use one of trace, debug, info, warn, error, fatal, silent'),
    })
    .default('info'),
  SLACK_BOT_TOKEN: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || /^xoxb-/.test(v), {
      message: fix('SLACK_BOT_TOKEN', 'is not a bot token', 'copy the "Bot User OAuth Token" (xoxb-…) from your Slack app\'s OAuth & Permissions page'),
    }),
  SLACK_SIGNING_SECRET: z.string().trim().optional().transform((v) => v || undefined),
  SLACK_APP_TOKEN: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || /^xapp-/.test(v), {
      message: fix('SLACK_APP_TOKEN', 'is not an app-level token', 'create one with the connections:write scope under Basic Information → App-Level Tokens (xapp-…), or leave it empty for HTTP mode'),
    }),
  SLACK_TEAM_ID: z
    .string()
    .optional()
    .transform(csv)
    .superRefine((ids, ctx) => {
      const bad = ids.filter((id) => !/^[TE][A-Z0-9]{2,}$/.test(id));
      if (bad.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: fix('SLACK_TEAM_ID', `${bad.map((b) => `"${b}"`).join(', ')} ${bad.length === 1 ? 'is' : 'are'} not a Slack workspace id`, 'list workspace ids like T0123ABC (or an Enterprise Grid org id like E0123ABC), separated by commas, or leave it empty to accept any workspace'),
        });
      }
    }),
  SLACK_API_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || undefined)
    .refine((v) => v === undefined || /^https?:\/\/\S+\/$/.test(v), {
      message: fix('SLACK_API_URL', 'is not a base URL ending in /', 'leave it empty for https://slack.com/api/, or set a proxy such as http://proxy:8080/api/'),
    }),
  STORE_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(100)
    .max(30_000)
    .default(2000)
    .catch(() => -1)
    .refine((n) => n >= 0, { message: fix('STORE_TIMEOUT_MS', 'must be a whole number of milliseconds from 100 to 30000', 'set e.g. STORE_TIMEOUT_MS=2000 (keep it under the platforms\' 3-second ack)') }),
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(600)
    .default(20)
    .catch(() => -1)
    .refine((n) => n >= 0, { message: fix('SHUTDOWN_TIMEOUT_SECONDS', 'must be a whole number of seconds from 1 to 600', 'set e.g. SHUTDOWN_TIMEOUT_SECONDS=20 (below your orchestrator\'s kill grace period)') }),
  LOG_FORMAT: z.enum(['json', 'pretty'], { message: fix('LOG_FORMAT', 'must be json or pretty', 'use json in production, pretty on a laptop') }).default('json'),
  ...LarkEnv,
  ...ScheduleEnvShape,
});

export interface Config {
  companyTimeZone: string;
  dataDir: string;
  /** Start on an empty embedded database although one was in use before (STORE_INIT, or `--init`). */
  storeInit?: boolean;
  mongodbUri: string | undefined;
  admins: string[];
  baseCurrency: string;
  /** Units of base currency per unit of each other currency. */
  fxRates: Record<string, number>;
  paymentTermsDays: number;
  defaultLocale: (typeof LOCALES)[number];
  /** Language of channel posts (results, rankings, intel, HR packs): COMPANY_LOCALE, else DEFAULT_LOCALE when set, else Chinese with Lark and English without. */
  companyLocale: (typeof LOCALES)[number];
  port: number;
  /** A listener of their own for /metrics, /readyz and /healthz, off the public webhook port (METRICS_PORT). */
  metrics: { port: number; host: string } | undefined;
  /** `file`: logs go there instead of stderr (LOG_FILE; the local console defaults to logs/console.log, so log lines never interleave with it). */
  log: { level: string; format: 'json' | 'pretty'; file?: string };
  /** Deadline of a store call on the request path: past it the user hears "temporarily unavailable". */
  storeTimeoutMs: number;
  /** How long a graceful shutdown may take before the process exits anyway. */
  shutdownTimeoutMs: number;
  /** Set when Slack is configured: HTTP mode, or Socket Mode when an app token is given. */
  slack: SlackConfig | undefined;
  /** Set when Lark/Feishu is configured: HTTP callbacks, or the long connection (`ws`). */
  lark: LarkConfig | undefined;
  /** Job schedules, switches, the holiday calendar and the dispatch interval. */
  schedule: ScheduleConfig;
  /** The bot's public address (PUBLIC_URL): customer survey links need it; unset, surveys are off. */
  publicUrl?: string;
}

export interface SlackConfig {
  botToken: string;
  signingSecret: string;
  appToken: string | undefined;
  apiUrl: string | undefined;
  /** SLACK_TEAM_ID: the only workspaces (or Enterprise Grid orgs) served; absent: any workspace. */
  teamIds?: string[];
}

export interface LarkConfig {
  appId: string;
  appSecret: string;
  /** Checked on every HTTP event and callback; not used over the long connection. */
  verificationToken: string | undefined;
  /** Decrypts and verifies the signature of HTTP events and callbacks. */
  encryptKey: string | undefined;
  connection: 'http' | 'ws';
  /** Open API base URL: https://open.feishu.cn, https://open.larksuite.com, or a proxy / test fake. */
  domain: string;
  /** Language of people Lark does not tell us about: DEFAULT_LOCALE when set, otherwise Chinese. */
  defaultLocale: (typeof LOCALES)[number];
  /** LARK_TENANT_KEY: the only tenants (companies) served; absent: any tenant. */
  tenantKeys?: string[];
}

/** The cross-setting rules for Lark: what is required together. */
function larkProblems(e: z.infer<typeof EnvSchema>): string[] {
  const problems: string[] = [];
  const anyLark = e.LARK_APP_SECRET || e.LARK_VERIFICATION_TOKEN || e.LARK_ENCRYPT_KEY;
  if (!e.LARK_APP_ID) {
    if (anyLark) problems.push(fix('LARK_APP_ID', 'is required to connect to Lark/Feishu', 'copy the App ID (cli_…) from Credentials & Basic Info, or remove the other LARK_ settings'));
    return problems;
  }
  if (!e.LARK_APP_SECRET) problems.push(fix('LARK_APP_SECRET', 'is required with LARK_APP_ID', 'copy the App Secret from Credentials & Basic Info in the developer console'));
  // The SDK's long connection silently refuses to start for an id of another shape.
  if (e.LARK_CONNECTION === 'ws' && !/^cli_[0-9a-fA-F]{16}$/.test(e.LARK_APP_ID)) {
    problems.push(fix('LARK_APP_ID', 'is not an app id the long connection accepts (cli_ and 16 hex digits)', 'copy the App ID of a custom (self-built) app from Credentials & Basic Info'));
  }
  if (e.LARK_CONNECTION === 'http') {
    const where = 'in the developer console, Events & Callbacks → Encryption Strategy, or set LARK_CONNECTION=ws for the long connection';
    if (!e.LARK_VERIFICATION_TOKEN) problems.push(fix('LARK_VERIFICATION_TOKEN', 'is required for HTTP callbacks (LARK_CONNECTION=http)', `copy the Verification Token ${where}`));
    if (!e.LARK_ENCRYPT_KEY) problems.push(fix('LARK_ENCRYPT_KEY', 'is required for HTTP callbacks (LARK_CONNECTION=http): without it requests cannot be verified', `set and copy the Encrypt Key ${where}`));
  }
  return problems;
}

/** Parses the environment once. Throws CONFIG with one line per wrong setting. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const result = EnvSchema.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => {
      const setting = String(i.path[0] ?? '');
      return i.message.startsWith(`${setting}:`) ? i.message : `${setting}: ${i.message}`;
    });
    throw new AppError('CONFIG', `The configuration is not valid:\n  ${lines.join('\n  ')}`, {
      issues: result.error.issues.map((i) => ({ path: String(i.path[0] ?? ''), message: i.message })),
    });
  }
  const e = result.data;
  const problems: string[] = [];
  if (e.SLACK_BOT_TOKEN && !e.SLACK_SIGNING_SECRET) {
    problems.push(fix('SLACK_SIGNING_SECRET', 'is required with SLACK_BOT_TOKEN', 'copy the Signing Secret from your Slack app\'s Basic Information page'));
  }
  if (!e.SLACK_BOT_TOKEN && (e.SLACK_SIGNING_SECRET || e.SLACK_APP_TOKEN)) {
    problems.push(fix('SLACK_BOT_TOKEN', 'is required to connect to Slack', 'copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions, or remove the other SLACK_ settings'));
  }
  problems.push(...larkProblems(e));
  if ((e.SLACK_BOT_TOKEN || e.LARK_APP_ID) && e.APPRAISAL_ADMINS.length === 0) {
    const example = e.SLACK_BOT_TOKEN ? 'slack:U0123ABC' : 'lark:ou_abc123 (your open_id)';
    problems.push(fix('APPRAISAL_ADMINS', 'is required once a chat platform is connected (nobody could grant roles)', `set it to your own id, e.g. APPRAISAL_ADMINS=${example}`));
  }
  if (problems.length > 0) {
    throw new AppError('CONFIG', `The configuration is not valid:\n  ${problems.join('\n  ')}`, {
      issues: problems.map((p) => ({ path: p.split(':')[0]!, message: p })),
    });
  }
  return {
    companyTimeZone: e.COMPANY_TIMEZONE,
    dataDir: e.DATA_DIR,
    ...(e.STORE_INIT ? { storeInit: true } : {}),
    mongodbUri: e.MONGODB_URI,
    admins: e.APPRAISAL_ADMINS,
    baseCurrency: e.BASE_CURRENCY,
    fxRates: { ...e.FX_RATES, [e.BASE_CURRENCY]: 1 },
    paymentTermsDays: e.PAYMENT_TERMS_DAYS,
    defaultLocale: e.DEFAULT_LOCALE,
    // A company on Lark/Feishu is a Chinese company unless it says otherwise.
    companyLocale: e.COMPANY_LOCALE ?? (env.DEFAULT_LOCALE?.trim() ? e.DEFAULT_LOCALE : e.LARK_APP_ID ? 'zh-CN' : 'en'),
    port: e.PORT,
    ...(e.PUBLIC_URL ? { publicUrl: e.PUBLIC_URL } : {}),
    metrics: e.METRICS_PORT === undefined ? undefined : { port: e.METRICS_PORT, host: e.METRICS_HOST },
    log: { level: e.LOG_LEVEL, format: e.LOG_FORMAT, ...(e.LOG_FILE ? { file: e.LOG_FILE } : {}) },
    storeTimeoutMs: e.STORE_TIMEOUT_MS,
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    slack: e.SLACK_BOT_TOKEN
      ? {
          botToken: e.SLACK_BOT_TOKEN,
          signingSecret: e.SLACK_SIGNING_SECRET!,
          appToken: e.SLACK_APP_TOKEN,
          apiUrl: e.SLACK_API_URL,
          ...(e.SLACK_TEAM_ID.length > 0 ? { teamIds: e.SLACK_TEAM_ID } : {}),
        }
      : undefined,
    lark: e.LARK_APP_ID
      ? {
          appId: e.LARK_APP_ID,
          appSecret: e.LARK_APP_SECRET!,
          verificationToken: e.LARK_VERIFICATION_TOKEN,
          encryptKey: e.LARK_ENCRYPT_KEY,
          connection: e.LARK_CONNECTION,
          domain: e.LARK_DOMAIN,
          // Lark's APIs do not tell a user's language: Chinese unless DEFAULT_LOCALE says otherwise.
          defaultLocale: env.DEFAULT_LOCALE?.trim() ? e.DEFAULT_LOCALE : 'zh-CN',
          ...(e.LARK_TENANT_KEY.length > 0 ? { tenantKeys: e.LARK_TENANT_KEY } : {}),
        }
      : undefined,
    schedule: toScheduleConfig(e),
  };
}

/**
 * The process environment, read here and nowhere else. A `.env` file in the working directory is
 * loaded first when there is one (values already set in the environment win).
 */
export function processEnv(envFile = '.env'): Record<string, string | undefined> {
  if (fs.existsSync(envFile)) process.loadEnvFile(envFile);
  return process.env;
}
