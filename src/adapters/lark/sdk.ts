import { Client, DefaultCache, LoggerLevel, type Logger as SdkLogger } from '@larksuiteoapi/node-sdk';
import type { Logger } from '../../ports/logger.js';

/** The SDK's logger, fed into ours (the SDK logs failed API calls at error level; we log them ourselves). */
export function sdkLogger(logger: Logger): SdkLogger {
  const log = logger.child({ component: 'lark-sdk' });
  const text = (m: unknown[]) => m.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(' ');
  return {
    error: (...m: unknown[]) => log.warn(text(m)),
    warn: (...m: unknown[]) => log.warn(text(m)),
    info: (...m: unknown[]) => log.debug(text(m)),
    debug: (...m: unknown[]) => log.debug(text(m)),
    trace: () => {},
  };
}

/**
 * The Open API client. `domain` is https://open.feishu.cn, https://open.larksuite.com or any base
 * URL (a proxy, the tests' loopback fake). The token cache is per client: the SDK's default cache is
 * module-global, which would share tenant tokens between apps (and tests).
 */
export function larkClient(o: { appId: string; appSecret: string; domain: string; logger: Logger }): Client {
  return new Client({ appId: o.appId, appSecret: o.appSecret, domain: o.domain, cache: new DefaultCache(), logger: sdkLogger(o.logger), loggerLevel: LoggerLevel.warn });
}
