import { Schema, type SchemaDefinition } from 'mongoose';
import type { z } from 'zod';
import { LocalDateField, PeriodKeyField } from '../../domain/model/fields.js';
import { type Field, integer, lessThan, localDate, lengthValidators, mixed, moreThan, oneOf, oneOfOrNull, periodKey, sub, text, timestamp } from './schema-fields.js';

/**
 * Mongoose definitions generated from the zod schemas of the registry, so a field is declared once
 * (in the domain) and the collections take its shape: types, required fields, ranges, lengths,
 * patterns, enums, nested objects and arrays. zod stays the authority — every write is parsed by
 * validateRecord() first — and the database refuses a record that bypassed it (a script, a
 * migration) instead of storing it half-formed. Rules across fields stay in zod only.
 *
 * zod 4 keeps each schema's definition in `_zod.def`; the walk reads only the parts listed in
 * `Def`, and a kind it does not know stops the build instead of becoming a silent Mixed.
 */

interface Check {
  check: string;
  value?: number;
  inclusive?: boolean;
  minimum?: number;
  maximum?: number;
  length?: number;
  format?: string;
  pattern?: RegExp;
  fn?: (value: unknown) => unknown;
  error?: (issue: object) => unknown;
}

interface Def {
  type: string;
  checks?: { _zod: { def: Check } }[];
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  entries?: Record<string, string>;
  values?: unknown[];
  format?: string;
}

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (s: z.ZodType): Check[] => (defOf(s).checks ?? []).map((c) => c._zod.def);

/**
 * Fields whose zod rule is code (a refinement) and whose database rule is a pattern: the one
 * place a zod field is matched by identity rather than by its kind.
 */
const KNOWN = new Map<z.ZodType, (required: boolean) => Field>([
  [LocalDateField, localDate],
  [PeriodKeyField, periodKey],
]);

/** Where a field sits: its key (for messages and conditional requirements), and whether it is an array element. */
interface At {
  key: string;
  element: boolean;
}

/** optional / default / nullable peeled off: a default makes the value present, as zod's output. */
function unwrap(schema: z.ZodType): { core: z.ZodType; optional: boolean; nullable: boolean } {
  let core = schema;
  let optional = false;
  let nullable = false;
  for (;;) {
    const def = defOf(core);
    if (def.type === 'optional') optional = true;
    else if (def.type === 'nullable') nullable = true;
    else if (def.type !== 'default') return { core, optional, nullable };
    core = def.innerType!;
  }
}

/** A refinement of a single value, as a mongoose validator with zod's own message. */
const customValidators = (checks: Check[]) =>
  checks
    .filter((c) => c.check === 'custom')
    .map((c) => ({ validator: (v: unknown) => v == null || Boolean(c.fn!(v)), message: String(c.error?.({}) ?? '{PATH} is invalid') }));

const withValidators = (field: Field, validators: object[]): Field =>
  validators.length === 0 ? field : { ...field, validate: (validators.length === 1 ? validators[0] : validators) as Field['validate'] };

function stringField(core: z.ZodType, required: boolean, at: At): Field {
  // ISO timestamps stay strings, as in the domain: casting them to Date would change the record.
  if (defOf(core).format === 'datetime') return timestamp(required);
  const checks = checksOf(core);
  const min = checks.find((c) => c.check === 'min_length')?.minimum;
  const max = checks.find((c) => c.check === 'max_length')?.maximum;
  const match = checks.find((c) => c.check === 'string_format' && c.format === 'regex')?.pattern;
  const validators = customValidators(checks);
  const rules: Field = { type: String, ...(min ? { minlength: min } : {}), ...(max === undefined ? {} : { maxlength: max }), ...(match ? { match } : {}) };
  // A string zod requires but allows to be empty: mongoose's `required` refuses '', so the field
  // is required only while missing (an array element has no path to look at: its type suffices).
  const mayBeEmpty = !min && !match && validators.length === 0;
  if (required && mayBeEmpty) return at.element ? rules : text(at.key, max);
  return withValidators({ ...rules, ...(required ? { required: true } : {}) }, validators);
}

function numberField(core: z.ZodType, required: boolean): Field {
  const checks = checksOf(core);
  const field: Field = { type: Number, ...(required ? { required: true } : {}) };
  const validators: object[] = [];
  for (const c of checks) {
    if (c.check === 'greater_than' && c.inclusive) field.min = c.value;
    else if (c.check === 'less_than' && c.inclusive) field.max = c.value;
    // Mongoose's `min` and `max` are inclusive: a strict bound ("more than 0") is a validator.
    else if (c.check === 'greater_than') validators.push(moreThan(c.value!));
    else if (c.check === 'number_format' && c.format?.includes('int')) validators.push(integer);
    else if (c.check === 'less_than') validators.push(lessThan(c.value!));
  }
  return withValidators(field, [...validators, ...customValidators(checks)]);
}

function arrayField(core: z.ZodType, optional: boolean, at: At): Field {
  const element = defOf(core).element!;
  const validators = lengthValidators(checksOf(core));
  // Mongoose gives every array path a default of []: an optional array stays absent instead.
  return withValidators({ type: [fieldOf(element, { key: at.key, element: true })], ...(optional ? { default: undefined } : {}) }, validators);
}

const SCALARS = new Set(['string', 'number', 'boolean']);

/** One zod field → its mongoose definition. */
export function fieldOf(schema: z.ZodType, at: At = { key: '', element: false }): Field | Schema {
  const { core, optional, nullable } = unwrap(schema);
  const required = !optional && !nullable;
  const known = KNOWN.get(core);
  if (known) return known(required);
  const def = defOf(core);
  switch (def.type) {
    case 'string':
      return stringField(core, required, at);
    case 'number':
      return numberField(core, required);
    case 'date':
      return { type: Date, ...(required ? { required: true } : {}) };
    case 'boolean':
      return { type: Boolean, ...(required ? { required: true } : {}) };
    case 'literal':
      if (def.values!.every((v) => typeof v === 'boolean')) return { type: Boolean, ...(required ? { required: true } : {}) };
      if (def.values!.every((v) => typeof v === 'string')) return oneOf(def.values as string[], required);
      throw new Error(`no mongoose type for the literal ${JSON.stringify(def.values)} at ${at.key}`);
    case 'enum': {
      const values = Object.values(def.entries!);
      // A nullable enum: the value may be null, but not another string.
      return nullable ? oneOfOrNull(values) : oneOf(values, required);
    }
    case 'object': {
      const nested = sub(definitionOf(core));
      return required && !at.element ? { type: nested, required: true } : nested;
    }
    case 'array':
      return arrayField(core, optional, at);
    case 'record': {
      const value = unwrap(def.valueType!).core;
      return SCALARS.has(defOf(value).type) ? { type: Map, of: fieldOf(value, { key: at.key, element: true }), ...(required ? { required: true } : {}) } : mixed(required);
    }
    // Values zod checks in detail (discriminated unions, JSON, free-form details): stored as given.
    case 'union':
    case 'lazy':
    case 'unknown':
    case 'any':
      return mixed(required);
    default:
      throw new Error(`no mongoose type for the zod kind ${def.type} at ${at.key}`);
  }
}

/** A zod object's fields → a mongoose definition, less the fields the caller keeps apart. */
export function definitionOf(schema: z.ZodType, omit: readonly string[] = []): SchemaDefinition {
  const shape = defOf(schema).shape;
  if (!shape) throw new Error(`a ${defOf(schema).type} schema has no fields to define`);
  return Object.fromEntries(Object.entries(shape).filter(([k]) => !omit.includes(k)).map(([k, v]) => [k, fieldOf(v, { key: k, element: false })]));
}
