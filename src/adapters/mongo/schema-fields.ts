import { Schema, type SchemaDefinition, type SchemaTypeOptions } from 'mongoose';

/**
 * The mongoose building blocks the zod walk (zod-to-mongoose.ts) assembles definitions from, for
 * the cases where mongoose needs a rule spelled differently from zod's.
 */

export type Field = SchemaTypeOptions<unknown>;
const req = (required: boolean): { required?: true } => (required ? { required: true } : {});

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const PERIOD_RE = /^\d{4}(-Q[1-4])?$/;

/** zod checks a real calendar date in code; the database checks its form. */
export const localDate = (required = true): Field => ({ type: String, ...req(required), match: DATE_RE });
export const periodKey = (required = true): Field => ({ type: String, ...req(required), match: PERIOD_RE });
/** ISO timestamps stay strings, as in the domain: casting them to Date would change the record. */
export const timestamp = (required = true): Field => ({ type: String, ...req(required) });
export const oneOf = (values: readonly string[], required = true): Field => ({ type: String, ...req(required), enum: [...values] });
/** A zod `.nullable()` enum: the value may be null, but not another string. */
export const oneOfOrNull = (values: readonly string[]): Field => ({ type: String, enum: [...values, null], default: null });
/** A Mixed value zod validates in detail (discriminated unions, free-form details). */
export const mixed = (required = true): Field => ({ type: Schema.Types.Mixed, ...req(required) });

export const integer = { validator: Number.isInteger, message: '{PATH} must be a whole number' };
/** A strict lower bound (zod: `.positive()`, `.gt(n)`), which mongoose's inclusive `min` cannot say. */
export const moreThan = (n: number) => ({ validator: (v: number) => Number.isFinite(v) && v > n, message: `{PATH} must be more than ${n}` });
export const lessThan = (n: number) => ({ validator: (v: number) => Number.isFinite(v) && v < n, message: `{PATH} must be less than ${n}` });

/**
 * A string zod requires but allows to be empty (purpose, outcome, reason …). Mongoose's `required`
 * refuses '' for strings, so the field is required only while it is missing.
 */
export const text = (path: string, max?: number): Field => ({
  type: String,
  ...(max === undefined ? {} : { maxlength: max }),
  required: function (this: { get(p: string): unknown }) {
    return typeof this.get(path) !== 'string';
  },
});

interface LengthCheck {
  check: string;
  minimum?: number;
  maximum?: number;
  length?: number;
  error?: (issue: object) => unknown;
}

/** An array's length rules (zod `.min`, `.max`, `.length`), with zod's message where it gives one. */
export function lengthValidators(checks: readonly LengthCheck[]): { validator: (v: unknown[]) => boolean; message: string }[] {
  const out: { validator: (v: unknown[]) => boolean; message: string }[] = [];
  for (const c of checks) {
    const own = c.error?.({});
    const message = (fallback: string): string => `{PATH} ${typeof own === 'string' ? own : fallback}`;
    if (c.check === 'min_length') {
      const n = c.minimum!;
      out.push({ validator: (v) => v.length >= n, message: message(n === 1 ? 'needs at least one entry' : `needs at least ${n} entries`) });
    } else if (c.check === 'max_length') {
      const n = c.maximum!;
      out.push({ validator: (v) => v.length <= n, message: message(`has more than ${n} entries`) });
    } else if (c.check === 'length_equals') {
      const n = c.length!;
      out.push({ validator: (v) => v.length === n, message: message(`needs exactly ${n} entries`) });
    } else {
      throw new Error(`no mongoose form for the array check ${c.check}`);
    }
  }
  return out;
}

/** A nested object: its own schema without an `_id`, so absent stays absent and arrays of it stay plain. */
export const sub = (definition: SchemaDefinition): Schema => new Schema(definition, { _id: false, id: false, minimize: false });
