import { AppError, type FieldIssue } from '../../domain/errors.js';
import type { Locale } from '../../domain/model/fields.js';
import { t, type MessageKey } from '../i18n.js';
import type { Field, FormValues, Option } from './form.js';

/** Shared field builders and value readers for the entry forms. */

export const ratingOptions = (locale: Locale): Option[] =>
  [1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: t(locale, `form.rating.${n}` as MessageKey) }));

export const dateField = (locale: Locale, id: string, labelKey: MessageKey, initial?: string, optional = false): Field => ({
  type: 'date',
  id,
  label: t(locale, labelKey),
  ...(initial ? { initial } : {}),
  ...(optional ? { optional } : {}),
});

/** Collects per-field problems while reading a form, then throws them together. */
export class FormReader {
  readonly issues: FieldIssue[] = [];
  constructor(
    private readonly values: FormValues,
    private readonly locale: Locale,
  ) {}

  text(id: string): string | undefined {
    const v = this.values[id]?.trim();
    return v ? v : undefined;
  }

  required(id: string): string | undefined {
    const v = this.text(id);
    if (v === undefined) this.issues.push({ path: id, message: t(this.locale, 'form.error.required') });
    return v;
  }

  /** Accepts "1,200,000", "1 200 000.50" and full-width digits; refuses anything else. */
  number(id: string, opts: { whole?: boolean; required?: boolean } = {}): number | undefined {
    const raw = opts.required ? this.required(id) : this.text(id);
    if (raw === undefined) return undefined;
    const normalised = raw.normalize('NFKC').replace(/[,\s_]/g, '');
    const n = /^[+-]?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : NaN;
    if (Number.isNaN(n)) {
      this.issues.push({ path: id, message: t(this.locale, 'form.error.number') });
      return undefined;
    }
    if (opts.whole && !Number.isInteger(n)) {
      this.issues.push({ path: id, message: t(this.locale, 'form.error.wholeNumber') });
      return undefined;
    }
    return n;
  }

  list(id: string): string[] {
    return (this.text(id) ?? '')
      .split(/[,，;；\n]/)
      .map((s) => s.trim())
      .filter(Boolean);
  }

  issue(path: string, key: MessageKey): void {
    this.issues.push({ path, message: t(this.locale, key) });
  }

  /** Throws VALIDATION with every problem found, or returns the value built from the form. */
  done<T>(value: T): T {
    if (this.issues.length > 0) {
      throw new AppError('VALIDATION', this.issues.map((i) => `${i.path}: ${i.message}`).join('; '), {
        params: { messageId: 'error.invalidInput' },
        issues: this.issues,
      });
    }
    return value;
  }
}

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
