import { AppError, type FieldIssue } from '../../domain/errors.js';
import type { Locale } from '../../domain/model/fields.js';
import type { FormValues } from '../../views/forms/form.js';
import { t, type MessageKey } from '../../views/i18n.js';

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
