import type { FormValues } from '../../../views/forms/form.js';

/**
 * `action.form_value` of a submitted card form → neutral form values (field id → string). Inputs
 * and selects send strings; a date picker sends `2026-11-25 +0800` (the date is the user's, the
 * offset is dropped); a multi-select sends a list. Anything else (objects, null) counts as empty,
 * so a forged payload cannot smuggle structure into a reader.
 */
const DATE_WITH_ZONE = /^(\d{4}-\d{2}-\d{2})(?: [+-]\d{4})?$/;

function one(v: unknown): string | undefined {
  if (typeof v === 'string') return DATE_WITH_ZONE.exec(v.trim())?.[1] ?? v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

export function readFormValue(formValue: unknown): FormValues {
  if (!formValue || typeof formValue !== 'object' || Array.isArray(formValue)) return {};
  const out: Record<string, string | undefined> = {};
  for (const [field, v] of Object.entries(formValue as Record<string, unknown>)) {
    out[field] = Array.isArray(v) ? v.map(one).filter((x) => x !== undefined).join(',') || undefined : one(v);
  }
  return out;
}
