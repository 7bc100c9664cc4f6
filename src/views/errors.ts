import { isAppError, type AppError, type FieldIssue } from '../domain/errors.js';
import type { Locale } from '../domain/model/fields.js';
import { isMessageKey, t } from './i18n.js';

/**
 * Turns errors into what the user reads. Known errors carry a message id and params; field issues
 * come from the shared zod schemas in English and are translated here by pattern, so the schemas
 * stay the single source of rules.
 */
const ISSUE_ZH: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^must be 1 to 5$/, () => '必须是 1 到 5'],
  [/^must be a whole number$/, () => '必须是整数'],
  [/^must be a number$/, () => '必须是数字'],
  [/^must be more than 0$/, () => '必须大于 0'],
  [/^must not be negative$/, () => '不能为负数'],
  [/^must not be empty$/, () => '不能为空'],
  [/^is required$/, () => '必填'],
  [/^at most (\d+) characters$/, (m) => `最多 ${m[1]} 个字符`],
  [/^at most (\d+) contacts$/, (m) => `最多 ${m[1]} 位联系人`],
  [/^is implausibly large$/, () => '数值过大'],
  [/^must be a real date written YYYY-MM-DD$/, () => '请填写有效日期（YYYY-MM-DD）'],
  [/^must not be in the future$/, () => '不能晚于今天'],
  [/^(\d{4}-Q\d) is closed for entries$/, (m) => `${m[1]} 已截止录入`],
  [/^must not be before the visit date$/, () => '不能早于拜访日期'],
  [/^must not be before the signed date$/, () => '不能早于签约日期'],
  [/^must not be before the deal was signed$/, () => '不能早于签约日期'],
  [/^say what the next step is$/, () => '请填写下一步'],
  [/^unknown (account|deal|person)$/, (m) => ({ account: '找不到这个客户', deal: '找不到这个订单', person: '找不到这个人' })[m[1] as 'account' | 'deal' | 'person']],
  [/^more than the ([\d.]+) (\w{3}) still due$/, (m) => `超过了待回款金额 ${m[1]} ${m[2]}`],
  [/^(.+) already exists: choose it from the list$/, (m) => `${m[1]} 已存在：请从列表中选择`],
  [/^choose one of (.+)$/, (m) => `请从 ${m[1]} 中选择`],
  [/^you cannot review yourself$/, () => '不能评价自己'],
  [/^choose someone in your team$/, () => '请选择本团队的同事'],
  [/^choose an account or fill in a new one$/, () => '请选择一个客户，或填写新客户'],
  [/^no exchange rate for (\w{3}): use (\w{3}) or ask an admin to add it to FX_RATES$/, (m) => `没有 ${m[1]} 的汇率：请使用 ${m[2]}，或请管理员在 FX_RATES 中添加`],
  [/^expected YYYY-Qn or YYYY$/, () => '请使用 2026-Q3 或 2026 这样的格式'],
];

export function issueText(locale: Locale, message: string): string {
  if (locale === 'en') return message;
  for (const [re, zh] of ISSUE_ZH) {
    const m = message.match(re);
    if (m) return zh(m);
  }
  return message;
}

/** Field id → translated message, for highlighting fields in a form. */
export function fieldErrors(locale: Locale, issues: readonly FieldIssue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const field = i.path.split('.')[0]!;
    out[field] = out[field] ? `${out[field]}; ${issueText(locale, i.message)}` : issueText(locale, i.message);
  }
  return out;
}

/** One clear sentence for any error: the specific one when known, a safe apology otherwise. */
export function errorText(locale: Locale, error: unknown): string {
  if (!isAppError(error)) return t(locale, 'error.generic');
  const e = error as AppError;
  const id = typeof e.params.messageId === 'string' ? e.params.messageId : undefined;
  if (id && isMessageKey(id)) {
    const params = Object.fromEntries(Object.entries(e.params).filter((kv): kv is [string, string | number] => typeof kv[1] === 'string' || typeof kv[1] === 'number'));
    return t(locale, id, params);
  }
  switch (e.code) {
    case 'UNAVAILABLE':
      return t(locale, 'error.unavailable');
    case 'VALIDATION':
    case 'REFERENCE':
    case 'CONFLICT':
      return e.issues.length > 0
        ? t(locale, 'error.fixFields', { issues: e.issues.map((i) => `${i.path}: ${issueText(locale, i.message)}`).join('; ') })
        : t(locale, 'error.generic');
    case 'FORBIDDEN':
      return t(locale, 'error.forbidden');
    case 'NOT_FOUND':
      return t(locale, 'error.notFound');
    default:
      return t(locale, 'error.generic');
  }
}
