import { AppError } from '../../domain/errors.js';

/**
 * What a failed Open API call says. The SDK throws the HTTP client's error for a non-2xx answer
 * and returns `{code, msg}` for a 200 with a business error; both end up here.
 * https://open.feishu.cn/document/server-docs/api-call-guide/frequency-control
 */
export const RATE_LIMITED = 99991400;

export interface ApiFailure {
  status: number | undefined;
  code: number | undefined;
  msg: string;
  /** Seconds until the limit resets (`x-ogw-ratelimit-reset`), when Lark said so. */
  resetSeconds: number | undefined;
}

export function apiFailure(e: unknown): ApiFailure {
  const r = (e as { response?: { status?: number; data?: { code?: number; msg?: string }; headers?: Record<string, unknown> } }).response;
  const reset = Number(r?.headers?.['x-ogw-ratelimit-reset']);
  return {
    status: r?.status,
    code: typeof r?.data?.code === 'number' ? r.data.code : undefined,
    msg: r?.data?.msg ?? (e as Error)?.message ?? String(e),
    resetSeconds: Number.isFinite(reset) && reset >= 0 ? reset : undefined,
  };
}

/** A `{code, msg}` answer that is not success, as an error the callers can classify. */
export class LarkApiError extends AppError {
  constructor(
    readonly api: string,
    readonly larkCode: number | undefined,
    msg: string,
    readonly resetSeconds?: number,
    cause?: unknown,
  ) {
    super('UNAVAILABLE', `Lark ${api} failed: ${larkCode ?? 'no code'} ${msg}`, { params: { larkCode }, cause });
  }
}

/** Runs an Open API call and returns its `data`, throwing LarkApiError on any failure. */
export async function callApi<T>(api: string, call: () => Promise<{ code?: number | undefined; msg?: string | undefined; data?: T | undefined }>): Promise<T | undefined> {
  let res;
  try {
    res = await call();
  } catch (e) {
    const f = apiFailure(e);
    throw new LarkApiError(api, f.code, f.msg, f.resetSeconds, e);
  }
  if (res.code !== 0 && res.code !== undefined) throw new LarkApiError(api, res.code, res.msg ?? '');
  return res.data;
}
