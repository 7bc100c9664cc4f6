import { isLocalDate, type LocalDate } from '../../domain/dates.js';
import { normaliseLine } from '../../domain/text.js';
import { IDENTITY_RE, type Locale } from '../../domain/model/fields.js';
import { normaliseIdentity } from '../../domain/model/platforms.js';
import { INDICATOR_KEYS, type IndicatorKey } from '../../domain/model/indicators.js';
import { ROLES, type Role } from '../../domain/model/people.js';
import { parsePeriod, type PeriodKey } from '../../domain/period.js';
import type { Parsed } from './import-csv-issues.js';

/**
 * Cell parsers for imports. Each says what is wrong with the value it was given and how to write
 * it; views/errors.ts translates these messages by pattern, so keep the two in step.
 */

/** `a, b, c or d`. */
export const orList = (items: readonly string[]): string =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;

const loose = (s: string): string => s.normalize('NFKC').trim().toLowerCase().replace(/[\s-]+/g, '_');

/** A value from a closed list, read loosely (case, spacing, a few Chinese words). */
function oneOf<T extends string>(what: string, values: readonly T[], aliases: Record<string, T> = {}): (s: string) => Parsed<T> {
  return (s) => {
    const key = loose(s);
    const value = values.find((v) => loose(v) === key) ?? aliases[key];
    return value ? { value } : { error: `unknown ${what} '${s}'; use ${orList(values)}` };
  };
}

/** A one-line cell (names, industries), normalised like every text on input (domain/text.ts). */
export const text =
  (max: number) =>
  (raw: string): Parsed<string> => {
    const s = normaliseLine(raw).trim();
    return s.length > max ? { error: `at most ${max} characters` } : { value: s };
  };

const DATE_RE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/** YYYY-MM-DD; also 2026/3/1, 2026.3.1 and 2026年3月1日 as spreadsheets and people write them. */
export function date(s: string): Parsed<LocalDate> {
  const m = DATE_RE.exec(s);
  const value = m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : '';
  return isLocalDate(value) ? { value } : { error: `'${s}' is not a date; write it as YYYY-MM-DD` };
}

/** `slack:U0123ABC` or `lark:ou_…`; the prefix in any case, Slack ids upper-cased (Slack's are). */
export function identity(s: string): Parsed<string> {
  const value = normaliseIdentity(s) ?? s;
  return IDENTITY_RE.test(value) ? { value } : { error: `'${s}' is not a platform identity; write it like slack:U0123ABC or lark:ou_abc123` };
}

const ROLE_ALIASES: Record<string, Role> = { sales: 'rep', 销售: 'rep', 销售代表: 'rep', 经理: 'manager', 人事: 'hr', 管理员: 'admin' };
const role = oneOf('role', ROLES, ROLE_ALIASES);

/** One role or several (`manager;rep`, `manager/rep`). */
export function roles(s: string): Parsed<Role[]> {
  const out: Role[] = [];
  for (const part of s.split(/[\s;/|+、，,]+/).filter(Boolean)) {
    const r = role(part);
    if ('error' in r) return r;
    if (!out.includes(r.value)) out.push(r.value);
  }
  return { value: out };
}

export const locale = oneOf<Locale>('language', ['en', 'zh-CN'], {
  english: 'en',
  英文: 'en',
  英语: 'en',
  zh: 'zh-CN',
  zh_hans: 'zh-CN',
  chinese: 'zh-CN',
  中文: 'zh-CN',
  简体中文: 'zh-CN',
});

/** A tier among the template's (HR may add tiers beyond the default four). */
export const tierOf = (tiers: readonly string[]) => oneOf<string>('tier', tiers, { 战略: 'strategic', 战略客户: 'strategic' });

export const indicator = oneOf<IndicatorKey>('indicator', INDICATOR_KEYS);

export const scope = oneOf<'team' | 'rep'>('scope', ['team', 'rep'], { 团队: 'team', person: 'rep', 个人: 'rep', 销售: 'rep' });

export function period(s: string): Parsed<PeriodKey> {
  try {
    return { value: parsePeriod(s).key };
  } catch {
    return { error: `'${s}' is not a period; use a quarter like 2026-Q3 or a year like 2026` };
  }
}

/** A number more than 0: thousands separators allowed, `95%` read as 0.95 (ratios are stored as fractions). */
export function positiveNumber(s: string): Parsed<number> {
  const percent = /%$/.test(s);
  const digits = s.replace(/%$/, '').replace(/[\s,_，]/g, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(digits)) return { error: `'${s}' is not a number` };
  const value = percent ? Number((Number(digits) / 100).toPrecision(12)) : Number(digits);
  if (!(value > 0)) return { error: `'${s}' must be more than 0` };
  if (value > 1e12) return { error: 'is implausibly large' };
  return { value };
}
