import { Client, DefaultCache, defaultHttpInstance, LoggerLevel, type Logger as SdkLogger } from '@larksuiteoapi/node-sdk';
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

/** Default deadline of every Open API call: a hung Lark must not stall the outbox or a handler. */
export const LARK_CALL_TIMEOUT_MS = 10_000;

type HttpInstance = NonNullable<ConstructorParameters<typeof Client>[0]['httpInstance']>;

/**
 * The SDK's own HTTP client (it unwraps answers to their body) with a deadline on every request:
 * the SDK sets none, so a hung connection would wait forever. A timed-out call throws axios'
 * ECONNABORTED error, which callers treat as transient.
 */
function withDeadline(timeoutMs: number): HttpInstance {
  // The SDK's instance answers with the body (its interceptor), which is what HttpInstance says.
  const http = defaultHttpInstance as unknown as HttpInstance;
  return {
    request: (opts) => http.request({ timeout: timeoutMs, ...opts }),
    get: (url, opts) => http.get(url, { timeout: timeoutMs, ...opts }),
    delete: (url, opts) => http.delete(url, { timeout: timeoutMs, ...opts }),
    head: (url, opts) => http.head(url, { timeout: timeoutMs, ...opts }),
    options: (url, opts) => http.options(url, { timeout: timeoutMs, ...opts }),
    post: (url, data, opts) => http.post(url, data, { timeout: timeoutMs, ...opts }),
    put: (url, data, opts) => http.put(url, data, { timeout: timeoutMs, ...opts }),
    patch: (url, data, opts) => http.patch(url, data, { timeout: timeoutMs, ...opts }),
  };
}

/**
 * The Open API client. `domain` is https://open.feishu.cn, https://open.larksuite.com or any base
 * URL (a proxy, the tests' loopback fake). The token cache is per client: the SDK's default cache is
 * module-global, which would share tenant tokens between apps (and tests).
 */
export function larkClient(o: { appId: string; appSecret: string; domain: string; logger: Logger; timeoutMs?: number }): Client {
  return new Client({
    appId: o.appId,
    appSecret: o.appSecret,
    domain: o.domain,
    cache: new DefaultCache(),
    logger: sdkLogger(o.logger),
    loggerLevel: LoggerLevel.warn,
    httpInstance: withDeadline(o.timeoutMs ?? LARK_CALL_TIMEOUT_MS),
  });
}
