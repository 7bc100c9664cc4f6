import { Schema, type SchemaDefinition, type SchemaTypeOptions } from 'mongoose';
import { IDENTITY_RE } from '../../domain/model/fields.js';

/**
 * Mongoose field definitions mirroring the shared zod fields (domain/model/fields.ts). zod stays
 * the authority — every write is parsed by validateRecord() first — so these exist to give the
 * collections the same shape in the database (types, required fields, ranges, enums) and to stop
 * a record that bypassed the domain (a script, a migration) from being stored half-formed.
 */

type Field = SchemaTypeOptions<unknown>;
const req = (required: boolean): { required?: true } => (required ? { required: true } : {});

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const PERIOD_RE = /^\d{4}(-Q[1-4])?$/;
const integer = { validator: Number.isInteger, message: '{PATH} must be a whole number' };

export const id = (required = true): Field => ({ type: String, ...req(required), minlength: 1, maxlength: 64 });
export const localDate = (required = true): Field => ({ type: String, ...req(required), match: DATE_RE });
/** ISO timestamps stay strings, as in the domain: casting them to Date would change the record. */
export const timestamp = (required = true): Field => ({ type: String, ...req(required) });
export const periodKey = (): Field => ({ type: String, required: true, match: PERIOD_RE });
export const name = (required = true): Field => ({ type: String, ...req(required), minlength: 1, maxlength: 200 });
export const rating = (): Field => ({ type: Number, required: true, min: 1, max: 5, validate: integer });
export const wholeNumber = (min: number, max?: number, required = true): Field => ({
  type: Number,
  ...req(required),
  min,
  ...(max === undefined ? {} : { max }),
  validate: integer,
});
/** Money is positive (zod: > 0), which mongoose's inclusive `min` cannot say. */
export const money = (): Field => ({
  type: Number,
  required: true,
  max: 1e12,
  validate: { validator: (v: number) => Number.isFinite(v) && v > 0, message: '{PATH} must be more than 0' },
});
export const currency = (): Field => ({ type: String, required: true, match: /^[A-Z]{3}$/ });
export const identity = (): Field => ({ type: String, match: IDENTITY_RE });
export const requestId = (): Field => ({ type: String, minlength: 1, maxlength: 200 });
export const oneOf = (values: readonly string[], required = true): Field => ({ type: String, ...req(required), enum: [...values] });
/** A zod `.nullable()` enum: the value may be null, but not another string. */
export const oneOfOrNull = (values: readonly string[]): Field => ({ type: String, enum: [...values, null], default: null });
/** A Mixed value zod validates in detail (discriminated unions, free-form details). */
export const mixed = (required = true): Field => ({ type: Schema.Types.Mixed, ...req(required) });

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

export const nonEmpty = { validator: (v: unknown[]) => v.length > 0, message: '{PATH} needs at least one entry' };
export const atMost = (n: number) => ({ validator: (v: unknown[]) => v.length <= n, message: `{PATH} has more than ${n} entries` });

/** A nested object: its own schema without an `_id`, so absent stays absent and arrays of it stay plain. */
export const sub = (definition: SchemaDefinition): Schema => new Schema(definition, { _id: false, id: false, minimize: false });
