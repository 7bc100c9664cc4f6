import mongoose, { Schema, type SchemaType } from 'mongoose';
import { z } from 'zod';
import { afterAll, describe, expect, it } from 'vitest';
import { definitionOf, fieldOf } from '../../src/adapters/mongo/zod-to-mongoose.js';
import { LocalDateField, PeriodKeyField, Timestamp } from '../../src/domain/model/fields.js';

/**
 * The converter from zod to mongoose, one zod kind at a time: the mongoose type each becomes, and
 * what a document validated by the resulting model accepts and refuses. Models are compiled on a
 * connection that never connects; `validate()` needs no server.
 */

const conn = mongoose.createConnection();
afterAll(() => conn.close());

let seq = 0;
/** A model with one field `f` (plus whatever else the zod object holds), converted from zod. */
function modelOf(shape: Record<string, z.ZodType>) {
  return conn.model(`m${++seq}`, new Schema(definitionOf(z.object(shape)), { _id: false, versionKey: false, minimize: false }));
}
const pathOf = (shape: Record<string, z.ZodType>, p = 'f'): SchemaType => modelOf(shape).schema.path(p);
/** The paths mongoose's validation names, [] when valid. */
async function errorsOf(shape: Record<string, z.ZodType>, doc: Record<string, unknown>): Promise<string[]> {
  const Model = modelOf(shape);
  return new Model(doc).validate().then(
    () => [],
    (e: mongoose.Error.ValidationError) => Object.keys(e.errors),
  );
}

describe('zod kind → mongoose type', () => {
  it('string → String, with its lengths and pattern', async () => {
    const f = z.string().min(2).max(5).regex(/^[a-z]+$/);
    const p = pathOf({ f });
    expect(p.instance).toBe('String');
    expect(p.options).toMatchObject({ required: true, minlength: 2, maxlength: 5, match: /^[a-z]+$/ });
    expect(await errorsOf({ f }, { f: 'abc' })).toEqual([]);
    for (const bad of ['a', 'abcdef', 'AB1', undefined]) expect(await errorsOf({ f }, { f: bad })).toEqual(['f']);
  });

  it('a required string that may be empty is required only while missing', async () => {
    const f = z.string().max(10);
    expect(pathOf({ f }).instance).toBe('String');
    expect(await errorsOf({ f }, { f: '' })).toEqual([]);
    expect(await errorsOf({ f }, {})).toEqual(['f']);
  });

  it('an ISO timestamp stays a String, never cast to Date', () => {
    expect(pathOf({ f: Timestamp }).instance).toBe('String');
    expect(pathOf({ f: z.iso.datetime() }).options).toMatchObject({ type: String, required: true });
  });

  it('dates and period keys refined in zod code become patterns', async () => {
    expect(pathOf({ f: LocalDateField }).options.match).toBeInstanceOf(RegExp);
    expect(await errorsOf({ f: LocalDateField }, { f: '2026-02-03' })).toEqual([]);
    expect(await errorsOf({ f: LocalDateField }, { f: '3 Feb' })).toEqual(['f']);
    expect(await errorsOf({ f: PeriodKeyField }, { f: '2026-Q5' })).toEqual(['f']);
  });

  it('number → Number, with inclusive and strict bounds, whole numbers and refinements', async () => {
    const f = z.number().int().min(1).max(5);
    expect(pathOf({ f }).instance).toBe('Number');
    expect(pathOf({ f }).options).toMatchObject({ required: true, min: 1, max: 5 });
    expect(await errorsOf({ f }, { f: 5 })).toEqual([]);
    for (const bad of [0, 6, 2.5]) expect(await errorsOf({ f }, { f: bad })).toEqual(['f']);
    const g = z.number().positive().lt(10).refine((v) => v !== 3, 'not three');
    expect(await errorsOf({ f: g }, { f: 9.5 })).toEqual([]);
    for (const bad of [0, 10, 3]) expect(await errorsOf({ f: g }, { f: bad })).toEqual(['f']);
  });

  it('boolean and literal true → Boolean', () => {
    expect(pathOf({ f: z.boolean() }).instance).toBe('Boolean');
    expect(pathOf({ f: z.literal(true).optional() }).instance).toBe('Boolean');
    expect(pathOf({ f: z.literal(true).optional() }).isRequired).toBeFalsy();
  });

  it('date → Date', () => {
    expect(pathOf({ f: z.date() }).instance).toBe('Date');
  });

  it('enum → String with its values; a nullable enum also allows null', async () => {
    const f = z.enum(['a', 'b']);
    expect(pathOf({ f }).options).toMatchObject({ type: String, required: true, enum: ['a', 'b'] });
    expect(await errorsOf({ f }, { f: 'c' })).toEqual(['f']);
    const n = z.enum(['a', 'b']).nullable();
    expect(pathOf({ f: n }).options.enum).toEqual(['a', 'b', null]);
    expect(await errorsOf({ f: n }, { f: null })).toEqual([]);
    expect(await errorsOf({ f: n }, { f: 'c' })).toEqual(['f']);
  });

  it('optional → not required; default → required (zod fills it in); nullable → not required', () => {
    expect(pathOf({ f: z.string().min(1).optional() }).isRequired).toBeFalsy();
    expect(pathOf({ f: z.boolean().default(true) }).isRequired).toBe(true);
    expect(pathOf({ f: z.number().nullable() }).isRequired).toBeFalsy();
  });

  it('array → Array of its element, with length rules; an optional array stays absent', async () => {
    const f = z.array(z.string().min(1)).min(1, 'needs a name').max(2);
    const p = pathOf({ f }) as SchemaType & { embeddedSchemaType: SchemaType };
    expect(p.instance).toBe('Array');
    expect(p.embeddedSchemaType.instance).toBe('String');
    expect(p.validators.map((v) => v.message)).toEqual(['{PATH} needs a name', '{PATH} has more than 2 entries']);
    expect(await errorsOf({ f }, { f: [] })).toEqual(['f']);
    expect(await errorsOf({ f }, { f: ['a', 'b', 'c'] })).toEqual(['f']);
    const Model = modelOf({ f: z.array(z.number()).optional() });
    expect(new Model({}).toObject()).toEqual({});
  });

  it('nested object → a sub-schema without _id; arrays of objects → document arrays', async () => {
    const f = z.object({ a: z.number(), b: z.object({ c: z.enum(['x']) }) });
    const p = pathOf({ f }) as SchemaType & { schema: Schema };
    expect(p.instance).toBe('Embedded');
    expect(p.schema.path('a').instance).toBe('Number');
    expect(p.schema.path('b.c').instance).toBe('String');
    expect(await errorsOf({ f }, { f: { a: 1, b: { c: 'y' } } })).toEqual(['f.b.c']);
    const arr = pathOf({ f: z.array(z.object({ a: z.number() })) }) as SchemaType & { schema: Schema };
    expect(arr.instance).toBe('Array');
    expect(arr.schema.path('a').instance).toBe('Number');
    const Model = modelOf({ f: z.array(z.object({ a: z.number() })) });
    expect(new Model({ f: [{ a: 1 }] }).toObject()).toEqual({ f: [{ a: 1 }] });
  });

  it('record of scalars → Map of that type; record of anything else → Mixed', () => {
    const m = pathOf({ f: z.record(z.string(), z.number()) }) as SchemaType & { $__schemaType: SchemaType };
    expect(m.instance).toBe('Map');
    expect(m.$__schemaType.instance).toBe('Number');
    expect(pathOf({ f: z.record(z.string(), z.unknown()) }).instance).toBe('Mixed');
  });

  it('unions, JSON and unknown → Mixed', () => {
    expect(pathOf({ f: z.discriminatedUnion('k', [z.object({ k: z.literal('a') }), z.object({ k: z.literal('b') })]) }).instance).toBe('Mixed');
    expect(pathOf({ f: z.json() }).instance).toBe('Mixed');
    expect(pathOf({ f: z.unknown() }).instance).toBe('Mixed');
  });

  it('a kind it does not know stops the build instead of becoming Mixed', () => {
    expect(() => fieldOf(z.bigint(), { key: 'f', element: false })).toThrow(/bigint at f/);
    expect(() => definitionOf(z.string())).toThrow(/no fields/);
  });
});
