import type { Locale } from '../../domain/model/fields.js';
import { t, type MessageKey } from '../i18n.js';
import type { Field, FormValues, Option } from './form.js';

/** Shared field builders for the entry forms (their readers: chat/forms/form-reader.ts). */

export const ratingOptions = (locale: Locale): Option[] =>
  [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(locale, `form.rating.${n}` as MessageKey) }));

export const dateField = (locale: Locale, id: string, labelKey: MessageKey, initial?: string, optional = false): Field => ({
  type: 'date',
  id,
  label: t(locale, labelKey),
  ...(initial ? { initial } : {}),
  ...(optional ? { optional } : {}),
});

/**
 * Fields filled with values as a reader reads them back (field id → string): an edit form shows the
 * entry's current values. Fields without a value keep the builder's default.
 */
export function withInitial(fields: Field[], initial: FormValues = {}): Field[] {
  return fields.map((f): Field => {
    const v = initial[f.id];
    if (v === undefined) return f;
    switch (f.type) {
      case 'number':
        return Number.isFinite(Number(v)) ? { ...f, initial: Number(v) } : f;
      case 'search':
        // The label comes with the builder's prefill; a bare id is shown as itself.
        return f.initial?.value === v ? f : { ...f, initial: { value: v, label: v } };
      default:
        return { ...f, initial: v };
    }
  });
}
