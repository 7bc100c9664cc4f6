import type { Locale } from '../../domain/model/fields.js';

export const IMPORT_KINDS = ['people', 'accounts', 'targets'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** At most this many rows per import: a bigger file is split, so one mistake never blocks a day's work. */
export const MAX_IMPORT_ROWS = 5000;

export interface CsvColumn {
  /** The English header, also the column's key in code. */
  key: string;
  /** The Chinese header accepted for it. */
  zh: string;
  /** Other headers accepted (compared after lower-casing, spaces and hyphens read as `_`). */
  aliases: readonly string[];
  /** A required column must be in the header and filled on every row. */
  required: boolean;
  /** What goes in the cell, for the help text. */
  description: Record<Locale, string>;
}

const col = (key: string, zh: string, required: boolean, en: string, zhText: string, aliases: readonly string[] = []): CsvColumn => ({
  key,
  zh,
  aliases,
  required,
  description: { en, 'zh-CN': zhText },
});

/**
 * The columns of `/appraisal-admin import people|accounts|targets`. The first line is a header
 * naming the columns (in any order, English or Chinese); cells are separated by commas or tabs
 * (pasted from a spreadsheet). Optional columns left out of the header keep what is stored; an
 * optional column that is present but empty on a row clears that field.
 *
 * people (matched by identity; unknown teams are created):
 *   identity|平台账号*, name|姓名*, role|角色* (rep, manager, hr, admin; several with `;`),
 *   team|团队, manager|经理 (the manager's identity; empty → the team's manager),
 *   join_date|入职日期 (needed for a new person), leave_date|离职日期, locale|语言 (en, zh-CN).
 *   A `manager` row with a team becomes that team's manager.
 * accounts (matched by name, ignoring case and spacing):
 *   name|客户名称*, tier|等级* (strategic, A, B, C), industry|行业, owner|负责人 (identity),
 *   first_won_date|首次成交日期.
 * targets (matched by period, indicator, scope and target):
 *   period|考核期* (2026-Q3 or 2026), indicator|指标*, scope|范围* (team or rep),
 *   target|对象* (a team name, or a rep's identity), value|目标值* (more than 0; `95%` = 0.95).
 *
 * Dates are YYYY-MM-DD (2026/3/1 and 2026年3月1日 are read too).
 */
export const CSV_COLUMNS: Record<ImportKind, readonly CsvColumn[]> = {
  people: [
    col('identity', '平台账号', true, 'platform account: slack:U0123ABC or lark:ou_abc123', '平台账号：slack:U0123ABC 或 lark:ou_abc123', ['账号']),
    col('name', '姓名', true, 'full name', '姓名'),
    col('role', '角色', true, 'rep, manager, hr or admin (several separated by ;)', 'rep、manager、hr 或 admin（多个用 ; 分隔）', ['roles']),
    col('team', '团队', false, 'team name; a new name creates the team', '团队名称；新名称会自动建团队'),
    col('manager', '经理', false, "the manager's platform account; empty means the team's manager", '经理的平台账号；留空则为团队经理', ['上级', '直属经理']),
    col('join_date', '入职日期', false, 'YYYY-MM-DD; needed for a new person', 'YYYY-MM-DD；新成员必填'),
    col('leave_date', '离职日期', false, 'YYYY-MM-DD, empty while employed', 'YYYY-MM-DD，在职留空'),
    col('locale', '语言', false, 'en or zh-CN', 'en 或 zh-CN', ['language']),
  ],
  accounts: [
    col('name', '客户名称', true, 'account name (matched ignoring case and spacing)', '客户名称（不区分大小写和空格）', ['客户']),
    col('tier', '等级', true, 'strategic, A, B or C', 'strategic、A、B 或 C', ['客户等级']),
    col('industry', '行业', false, 'industry', '行业'),
    col('owner', '负责人', false, "the owner's platform account", '负责人的平台账号'),
    col('first_won_date', '首次成交日期', false, 'YYYY-MM-DD of the first signed deal', '首次签约日期 YYYY-MM-DD'),
  ],
  targets: [
    col('period', '考核期', true, 'a quarter like 2026-Q3 or a year like 2026', '季度如 2026-Q3，或年度如 2026', ['period_key']),
    col('indicator', '指标', true, 'indicator key, e.g. revenue or visits', '指标代码，如 revenue、visits'),
    col('scope', '范围', true, 'team or rep', 'team（团队）或 rep（个人）'),
    col('target', '对象', true, "a team name, or the rep's platform account", '团队名称，或销售的平台账号'),
    col('value', '目标值', true, 'a number more than 0 (95% is read as 0.95)', '大于 0 的数字（95% 即 0.95）', ['目标']),
  ],
};

/** Header text → comparable form: lower case, hints in brackets dropped, spaces and hyphens as `_`. */
export function headerKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s*[(（][^)）]*[)）]\s*$/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** The column a header names, or undefined. */
export function columnFor(kind: ImportKind, header: string): CsvColumn | undefined {
  const key = headerKey(header);
  return CSV_COLUMNS[kind].find((c) => c.key === key || headerKey(c.zh) === key || c.aliases.some((a) => headerKey(a) === key));
}
