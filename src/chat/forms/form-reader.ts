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

  /**
   * Accepts what people type for a number: "1,200,000", "1 200 000.50", full-width digits, a
   * currency sign or code around it ("¥350,000", "RMB 35000", "350000元") and the Chinese
   * magnitudes 万 and 亿 ("35万" is 350,000); refuses anything else.
   */
  number(id: string, opts: { whole?: boolean; required?: boolean } = {}): number | undefined {
    const raw = opts.required ? this.required(id) : this.text(id);
    if (raw === undefined) return undefined;
    const n = parseTypedNumber(raw);
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

const CURRENCY = /^(?:[¥$€£]|HK\$|US\$|RMB|CNY|USD|EUR|HKD)|(?:元|块|RMB|CNY|USD|EUR|HKD)$/i;
const MAGNITUDE: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

/** A typed number (see FormReader.number), or NaN. */
export function parseTypedNumber(raw: string): number {
  let s = raw.normalize('NFKC').replace(/[,\s_]/g, '');
  // A sign or code at either end, at most one each (`¥35万元` → 35万).
  for (let i = 0; i < 2; i++) s = s.replace(CURRENCY, '');
  const unit = s.at(-1)!;
  const times = s.length > 1 && Object.hasOwn(MAGNITUDE, unit) ? MAGNITUDE[unit]! : 1;
  if (times !== 1) s = s.slice(0, -1);
  if (!/^[+-]?\d+(\.\d+)?$/.test(s)) return NaN;
  // 万 and 亿 scale exactly: 1.5万 is 15,000, not 14,999.999….
  return times === 1 ? Number(s) : Math.round(Number(s) * times * 100) / 100;
}
