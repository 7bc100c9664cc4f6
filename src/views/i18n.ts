import type { Locale } from '../domain/model/fields.js';
import { en, type MessageKey } from './messages/en.js';
import { zhCN } from './messages/zh-CN.js';

export type { MessageKey };

/**
 * Every user-facing text, in English and Simplified Chinese (views/messages/). `{name}`
 * placeholders are filled by `t()`.
 */
const catalogues: Record<Locale, Record<MessageKey, string>> = { en, 'zh-CN': zhCN };

export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = catalogues[locale][key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export const messageKeys = (locale: Locale): string[] => Object.keys(catalogues[locale]);
export const isMessageKey = (key: string): key is MessageKey => key in en;
