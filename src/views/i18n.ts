import type { Locale } from '../domain/model/fields.js';
import { cycleEn, cycleZhCN, type CycleMessageKey } from './messages/cycle.js';
import { consoleEn, consoleZhCN, type ConsoleMessageKey } from './messages/console.js';
import { digestEn, digestZhCN, type DigestMessageKey } from './messages/digest.js';
import { en, type MessageKey as CoreKey } from './messages/en.js';
import { jobsEn, jobsZhCN, type JobsMessageKey } from './messages/jobs.js';
import { zhCN } from './messages/zh-CN.js';

export type MessageKey = CoreKey | JobsMessageKey | DigestMessageKey | ConsoleMessageKey | CycleMessageKey;

/**
 * Every user-facing text, in English and Simplified Chinese (views/messages/). `{name}`
 * placeholders are filled by `t()`.
 */
const catalogues: Record<Locale, Record<MessageKey, string>> = {
  en: { ...en, ...jobsEn, ...digestEn, ...consoleEn, ...cycleEn },
  'zh-CN': { ...zhCN, ...jobsZhCN, ...digestZhCN, ...consoleZhCN, ...cycleZhCN },
};

export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = catalogues[locale][key] ?? catalogues.en[key];
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export const messageKeys = (locale: Locale): string[] => Object.keys(catalogues[locale]);
export const isMessageKey = (key: string): key is MessageKey => key in catalogues.en;
