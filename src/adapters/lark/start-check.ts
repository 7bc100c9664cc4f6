import type { Client } from '@larksuiteoapi/node-sdk';
import { AppError } from '../../domain/errors.js';
import { apiFailure } from './api-errors.js';

/**
 * Checks the app's credentials at start-up (a tenant access token, then the bot's own profile,
 * https://open.feishu.cn/document/client-docs/bot-v3/obtain-bot-info) so a wrong secret or a
 * missing bot feature stops start-up with a clear message instead of failing on the first message.
 * Returns the bot's open_id, which tells its @-mentions from other people's.
 */
export async function checkCredentials(client: Client, domain: string): Promise<string | undefined> {
  let res: { code?: number; msg?: string; bot?: { open_id?: string } };
  try {
    res = await client.request({ method: 'GET', url: '/open-apis/bot/v3/info' });
  } catch (e) {
    const f = apiFailure(e);
    const url = String((e as { config?: { url?: string } }).config?.url ?? '');
    // The SDK throws its own error when the token endpoint answers without a token.
    const tokenRefused = f.status === undefined ? /^failed to get tenant_access_token/.test(f.msg) : /tenant_access_token/.test(url);
    if (tokenRefused) {
      throw new AppError('CONFIG', `LARK_APP_ID / LARK_APP_SECRET: Lark refused them (${f.code ?? f.status ?? ''} ${f.msg}). Fix: copy the App ID and App Secret from Credentials & Basic Info in the developer console, and check LARK_DOMAIN (feishu or lark) matches where the app was created`, { cause: e });
    }
    if (f.status === undefined) {
      throw new AppError('UNAVAILABLE', `Lark/Feishu could not be reached at ${domain} (${f.msg}). Check the network and LARK_DOMAIN`, { cause: e });
    }
    res = { code: f.code ?? f.status, msg: f.msg };
  }
  if (res.code !== 0 || !res.bot?.open_id) {
    throw new AppError('CONFIG', `Lark/Feishu answered bot/v3/info with ${res.code} ${res.msg ?? ''}. Fix: add the Bot feature to the app (Features → Bot) and publish a new version`);
  }
  return res.bot.open_id;
}
