import type { Locale } from '../domain/model/fields.js';
import { pluralOf } from './format.js';
import { cycleEn, cycleZhCN, type CycleMessageKey } from './messages/cycle.js';
import { consoleEn, consoleZhCN, type ConsoleMessageKey } from './messages/console.js';
import { digestEn, digestZhCN, type DigestMessageKey } from './messages/digest.js';
import { en, type MessageKey as CoreKey } from './messages/en.js';
import { jobsEn, jobsZhCN, type JobsMessageKey } from './messages/jobs.js';
import { zhCN } from './messages/zh-CN.js';
import { accountsEn, accountsZhCN, type AccountsMessageKey } from './messages/accounts.js';
import { selfAndLeaveEn, selfAndLeaveZhCN, type SelfAndLeaveMessageKey } from './messages/self-and-leave.js';
import { calibrationEn, calibrationZhCN, type CalibrationMessageKey } from './messages/calibration.js';
import { lifecycleEn, lifecycleZhCN, type LifecycleMessageKey } from './messages/lifecycle.js';
import { rewardsEn, rewardsZhCN, type RewardsMessageKey } from './messages/rewards.js';
import { interviewsEn, interviewsZhCN, type InterviewsMessageKey } from './messages/interviews.js';
import { recordsEn, recordsZhCN, type RecordsMessageKey } from './messages/records.js';
import { accessEn, accessZhCN, type AccessMessageKey } from './messages/access.js';
import { fairnessEn, fairnessZhCN, type FairnessMessageKey } from './messages/fairness.js';
import { peopleEn, peopleZhCN, type PeopleMessageKey } from './messages/people.js';
import { labelsEn, labelsZhCN, type LabelsMessageKey } from './messages/labels.js';
import { numbersEn, numbersZhCN, type NumbersMessageKey } from './messages/numbers.js';

export type MessageKey =
  | CoreKey
  | AccountsMessageKey
  | SelfAndLeaveMessageKey
  | JobsMessageKey
  | DigestMessageKey
  | ConsoleMessageKey
  | CycleMessageKey
  | CalibrationMessageKey
  | LifecycleMessageKey
  | RewardsMessageKey
  | InterviewsMessageKey
  | RecordsMessageKey
  | AccessMessageKey
  | PeopleMessageKey
  | LabelsMessageKey
  | NumbersMessageKey
  | FairnessMessageKey;

/**
 * Every user-facing text, in English and Simplified Chinese (views/messages/). `{name}`
 * placeholders are filled by `t()`.
 */
const catalogues: Record<Locale, Record<MessageKey, string>> = {
  en: { ...en, ...accountsEn, ...selfAndLeaveEn, ...jobsEn, ...digestEn, ...consoleEn, ...cycleEn, ...calibrationEn, ...lifecycleEn, ...rewardsEn, ...interviewsEn, ...recordsEn, ...accessEn, ...peopleEn, ...labelsEn, ...numbersEn, ...fairnessEn },
  'zh-CN': { ...zhCN, ...accountsZhCN, ...selfAndLeaveZhCN, ...jobsZhCN, ...digestZhCN, ...consoleZhCN, ...cycleZhCN, ...calibrationZhCN, ...lifecycleZhCN, ...rewardsZhCN, ...interviewsZhCN, ...recordsZhCN, ...accessZhCN, ...peopleZhCN, ...labelsZhCN, ...numbersZhCN, ...fairnessZhCN },
};

/**
 * A text compiled once per locale and key: split at its `{name}` placeholders (literal text at even
 * indexes, names at odd ones), or kept whole when it has `{count|one|other}` plural forms, which
 * depend on the parameters. A scorecard round looks up ~100 texts per card; scanning each template
 * with a regular expression every time was ~6 % of planning a 5,000-rep round, and the lookup by
 * template (a catalogue lookup, a scan for "|", then a map keyed by the template) still ~4 % of
 * the views in the issue-16 profile: one map per locale keyed by the message key does it in one.
 */
type Compiled = readonly string[] | { plural: string };
const compiled: Record<Locale, Map<string, Compiled>> = { en: new Map(), 'zh-CN': new Map() };
function compile(locale: Locale, key: string): Compiled {
  const byKey = compiled[locale];
  let c = byKey.get(key);
  if (c === undefined) {
    // A key missing from the catalogues (a dynamic key gone wrong) shows as itself rather than failing the answer.
    const template = catalogues[locale][key as MessageKey] ?? catalogues.en[key as MessageKey] ?? key;
    c = template.includes('|') ? { plural: template } : template.split(PLACEHOLDER);
    // Catalogue keys are a few hundred; missing keys (shown as themselves) must not grow this forever.
    if (byKey.size >= 10_000) byKey.clear();
    byKey.set(key, c);
  }
  return c;
}
const PLACEHOLDER = /\{(\w+)\}/;
const NO_PARAMS: Readonly<Record<string, string | number>> = Object.freeze({});

export function t(locale: Locale, key: MessageKey, params: Readonly<Record<string, string | number>> = NO_PARAMS): string {
  const c = compile(locale, key);
  const parts = 'plural' in c ? c.plural.replace(PLURAL, (_, name: string, one: string, other: string) => (plural(locale, params[name]) === 'one' ? one : other)).split(PLACEHOLDER) : c;
  if (parts.length === 1) return parts[0]!;
  // Joined rather than concatenated: join writes one flat string, where `+=` leaves a tree of
  // pieces that lives as long as the text. A round keeps ~5,000 views until they are queued, and
  // copying those trees made the garbage collector the largest cost of building them (issue 16).
  const pieces = parts.slice();
  for (let i = 1; i < pieces.length; i += 2) {
    const name = pieces[i]!;
    // A placeholder without a value stays as written, braces and all.
    pieces[i] = name in params ? String(params[name]) : `{${name}}`;
  }
  return pieces.join('');
}

/**
 * `{count|rep|reps}` in an English text: the noun in the form the count takes ("1 rep", "2 reps"),
 * so no text hedges with "rep(s)". A count that is not a number reads as plural.
 */
const PLURAL = /\{(\w+)\|([^|{}]*)\|([^{}]*)\}/g;
const plural = (locale: Locale, n: string | number | undefined): 'one' | 'other' => {
  const x = typeof n === 'number' ? n : Number(n);
  return n === undefined || n === '' || !Number.isFinite(x) ? 'other' : pluralOf(locale, x);
};

/** A text with a count in it, in the count's plural form: `tn(locale, 'days', 12)` → "12 days". */
export function tn(locale: Locale, key: string, n: number, params: Readonly<Record<string, string | number>> = NO_PARAMS): string {
  // The two keys of a counted text made once, not "days.other" built per count (issue 16).
  let keys = countedKeys.get(key);
  if (keys === undefined) {
    keys = { one: `${key}.one` as MessageKey, other: `${key}.other` as MessageKey };
    if (countedKeys.size >= 10_000) countedKeys.clear();
    countedKeys.set(key, keys);
  }
  return t(locale, keys[pluralOf(locale, n)], params === NO_PARAMS ? { n } : { n, ...params });
}
const countedKeys = new Map<string, { one: MessageKey; other: MessageKey }>();

export const messageKeys = (locale: Locale): string[] => Object.keys(catalogues[locale]);
export const isMessageKey = (key: string): key is MessageKey => key in catalogues.en;
