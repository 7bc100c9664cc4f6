import { isAppError, type AppError, type FieldIssue } from '../domain/errors.js';
import type { Locale } from '../domain/model/fields.js';
import { listOf } from './format.js';
import { isMessageKey, t } from './i18n.js';
import { roleAlternatives } from './labels.js';

/**
 * Turns errors into what the user reads. Known errors carry a message id and params; field issues
 * come from the shared zod schemas in English and are translated here by pattern, so the schemas
 * stay the single source of rules.
 */
const ISSUE_ZH: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^give the team a name$/, () => '请填写团队名称'],
  [/^must be a 3-letter currency code such as CNY$/, () => '请填写三位货币代码，例如 CNY'],
  [/^must be a quarter like 2026-Q3 or a year like 2026$/, () => '请填写 2026-Q3 这样的季度或 2026 这样的年份'],
  [/^must look like slack:U0123ABC or lark:ou_abc123$/, () => '格式应为 slack:U0123ABC 或 lark:ou_abc123'],
  [/^needs at least one role$/, () => '至少需要一个角色'],
  [/^give a reason of at least 10 characters$/, () => '请写明理由（至少 5 个汉字或 10 个字母）'],
  [/^must not be before the first day$/, () => '不能早于开始日期'],
  [/^at most (\d+) days at a time$/, (m) => `每次最多 ${m[1]} 天`],
  [/^not a channel$/, () => '不是频道'],
  [/^unknown entry$/, () => '找不到这条记录'],
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
  [/^choose 1 to 5$/, () => '请选择 1 到 5'],
  [/^name an existing account$/, () => '请填写已有客户的名称'],
  [/^write the points to add or remove, like \+3 or -2\.5$/, () => '请填写要加或减的分数，例如 +3 或 -2.5'],
  [/^adjustments may add up to at most ±([\d.]+) points$/, (m) => `调整合计最多 ±${m[1]} 分`],
  [/^one of (.+)$/, (m) => `请从 ${m[1]} 中选择`],
  [/^you cannot review yourself$/, () => '不能评价自己'],
  [/^choose someone in your team$/, () => '请选择本团队的同事'],
  [/^choose an account or fill in a new one$/, () => '请选择一个客户，或填写新建客户'],
  [/^no exchange rate for (\w{3}): use (\w{3}) or ask an admin to add it to FX_RATES$/, (m) => `没有 ${m[1]} 的汇率：请使用 ${m[2]}，或请管理员在 FX_RATES 中添加`],
  [/^expected YYYY-Qn or YYYY$/, () => '请使用 2026-Q3 或 2026 这样的格式'],
  // CSV imports (application/people/import-csv-*.ts).
  [/^unknown (role|language|tier|indicator|scope) '(.*)'; use (.+)$/, (m) => `未知的${({ role: '角色', language: '语言', tier: '等级', indicator: '指标', scope: '范围' })[m[1] as 'role']}“${m[2]}”：请使用 ${m[3]!.replace(/ or /, ' 或 ')}`],
  [/^'(.*)' is not a date; write it as YYYY-MM-DD$/, (m) => `“${m[1]}”不是有效日期：请写成 YYYY-MM-DD`],
  [/^'(.*)' is not a platform identity; write it like slack:U0123ABC or lark:ou_abc123$/, (m) => `“${m[1]}”不是平台账号：请写成 slack:U0123ABC 或 lark:ou_abc123 的形式`],
  [/^'(.*)' is not a period; use a quarter like 2026-Q3 or a year like 2026$/, (m) => `“${m[1]}”不是考核期：请使用季度（如 2026-Q3）或年度（如 2026）`],
  [/^'(.*)' is not a number$/, (m) => `“${m[1]}”不是数字`],
  [/^'(.*)' must be more than 0$/, (m) => `“${m[1]}”必须大于 0`],
  [/^(.+) is already on line (\d+)$/, (m) => `${m[1]} 已在第 ${m[2]} 行出现`],
  [/^this target is set twice: also on line (\d+)$/, (m) => `同一目标设置了两次：第 ${m[1]} 行也有`],
  [/^no person with identity (\S+) in the store or on an earlier line$/, (m) => `找不到平台账号为 ${m[1]} 的人（系统中和前面的行中都没有）`],
  [/^no person with identity (\S+)$/, (m) => `找不到平台账号为 ${m[1]} 的人`],
  [/^(\S+) is only added on line (\d+); put managers above the people they manage$/, (m) => `${m[1]} 在第 ${m[2]} 行才添加：请把经理放在其下属之前`],
  [/^(\S+) \((.*)\) is not a manager; give them the manager role$/, (m) => `${m[1]}（${m[2]}）不是经理：请先赋予经理角色`],
  [/^(\S+) \((.*)\) is not a rep; rep targets are for reps$/, (m) => `${m[1]}（${m[2]}）不是销售：个人目标只能设给销售`],
  [/^a person cannot manage themselves$/, () => '不能做自己的经理'],
  [/^a new person needs a join date$/, () => '新成员需要填写入职日期'],
  [/^must not be before the join date$/, () => '不能早于入职日期'],
  [/^you cannot remove your own admin role$/, () => '不能移除自己的管理员角色'],
  [/^team '(.*)' already has a manager on line (\d+); a team has one manager$/, (m) => `团队“${m[1]}”已在第 ${m[2]} 行指定了经理：一个团队只有一位经理`],
  [/^no team named '(.*)'$/, (m) => `没有名为“${m[1]}”的团队`],
  [/^'(.*)' fits several teams: (.+)$/, (m) => `“${m[1]}”对应多个团队：${m[2]}`],
  [/^this line has (\d+) cells but the header has (\d+) columns$/, (m) => `此行有 ${m[1]} 个单元格，但表头只有 ${m[2]} 列`],
  [/^unknown column '(.*)'; the \w+ columns are (.+)$/, (m) => `未知的列“${m[1]}”：可用的列为 ${m[2]}`],
  [/^column (\S+) appears twice \(also as '(.*)'\)$/, (m) => `列 ${m[1]} 出现了两次（另一处为“${m[2]}”）`],
  [/^the required column (\S+) \((.+)\) is missing$/, (m) => `缺少必填列 ${m[1]}（${m[2]}）`],
  [/^the file is empty; its first line must be a header such as (.+)$/, (m) => `文件为空：第一行应为表头，例如 ${m[1]}`],
  [/^there are no rows below the header$/, () => '表头下面没有数据行'],
  [/^the file has (\d+) rows; import at most (\d+) rows at a time$/, (m) => `文件有 ${m[1]} 行：每次最多导入 ${m[2]} 行`],
  [/^a quote \("\) is never closed; check the quotes on this line and the ones above$/, () => '引号（"）没有闭合：请检查此行及上面各行的引号'],
  [/^a quote \("\) is misplaced; put quotes around the whole cell and double any quote inside it$/, () => '引号（"）位置不对：请用引号包住整个单元格，单元格内的引号写两次'],
  [/^cannot read this line as CSV \((\w+)\)$/, (m) => `无法按 CSV 读取此行（${m[1]}）`],
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

/** Errors whose `state` (and `needed`) params are stored state names, with the catalogue prefix of their labels. */
const STATE_LABELS: Readonly<Record<string, string>> = {
  'cycle.error.transition': 'cycle.state.',
  'cycle.error.exists': 'cycle.state.',
  'calibration.error.notInReview': 'cycle.state.',
  'calibration.error.meetingState': 'cycle.state.',
  'rewards.error.appealDecided': 'rewards.appeal.state.',
};

/** One clear sentence for any error: the specific one when known, a safe apology otherwise. */
export function errorText(locale: Locale, error: unknown): string {
  if (!isAppError(error)) return t(locale, 'error.generic');
  const e = error as AppError;
  const id = typeof e.params.messageId === 'string' ? e.params.messageId : undefined;
  if (id && isMessageKey(id)) {
    const params: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(e.params)) {
      if (typeof v === 'string' || typeof v === 'number') params[k] = v;
      // A list (names, periods) is joined in the reader's punctuation: "Ann, Bob" / "Ann、Bob".
      else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) params[k] = listOf(locale, v);
    }
    // The guard names the roles as stored (`rep/manager`): the reader sees them in their language.
    if (id === 'error.needsRole' && typeof params.roles === 'string') params.roles = roleAlternatives(locale, params.roles);
    // States travel as stored ('collecting', 'accepted'): the reader sees them in their language.
    const states = STATE_LABELS[id];
    if (states) {
      for (const k of ['state', 'needed']) {
        const key = `${states}${params[k]}`;
        if (typeof params[k] === 'string' && isMessageKey(key)) params[k] = t(locale, key);
      }
    }
    // A second sentence, when the error says what the reader can do about it.
    const hint = typeof e.params.hintId === 'string' && isMessageKey(e.params.hintId) ? ` ${t(locale, e.params.hintId, params)}` : '';
    return t(locale, id, params) + hint;
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
