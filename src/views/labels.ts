import type { Locale } from '../domain/model/fields.js';
import { isMessageKey, t } from './i18n.js';

/**
 * Stored English words as a reader of `locale` reads them (catalogue: views/messages/labels.ts).
 * A value without a label (a tier or purpose an admin named, free text) is shown as stored.
 */
const labelled = (locale: Locale, prefix: string, value: string): string => {
  const key = `${prefix}.${value}`;
  return isMessageKey(key) ? t(locale, key) : value;
};

export const roleLabel = (locale: Locale, role: string): string => labelled(locale, 'role', role);

/** Several roles: "销售代表、经理". */
export const roleList = (locale: Locale, roles: readonly string[]): string => roles.map((r) => roleLabel(locale, r)).join(t(locale, 'role.separator'));

/** Roles of which one is needed, written `rep/manager` by the guard: "销售代表或经理". */
export const roleAlternatives = (locale: Locale, roles: string): string =>
  roles
    .split('/')
    .map((r) => roleLabel(locale, r.trim()))
    .join(t(locale, 'role.or'));

export const purposeLabel = (locale: Locale, purpose: string): string => labelled(locale, 'purpose', purpose);

/** The default tiers have names in each language (`form.tier.*`); an admin's own tier names are shown as written. */
export const tierLabel = (locale: Locale, tier: string): string => labelled(locale, 'form.tier', tier);

/** An account as a choice in a form: its name and its tier in the reader's words ("Acme · 战略客户"). */
export const accountLabel = (locale: Locale, a: { name: string; tier: string }): string => `${a.name} · ${tierLabel(locale, a.tier)}`;

export const daysLabel = (locale: Locale, n: number): string => t(locale, 'unit.days', { n });

/** A text the system itself wrote into a record (a version's reason, the seeded template's name), in `locale`. */
export const storedText = (locale: Locale, text: string): string => labelled(locale, 'stored', text);
