import mongoose, { type Schema, type SchemaType } from 'mongoose';
import { afterAll, describe, expect, it } from 'vitest';
import { buildModels } from '../../src/adapters/mongo/models.js';
import { COLLECTION_NAMES } from '../../src/domain/records.js';

/**
 * The structure of every mongoose model, normalised to plain JSON and compared with a snapshot:
 * each path with its type, whether it is required (always, or only while missing), its enum
 * values, ranges, patterns, defaults and the messages of its own validators; nested schemas and
 * array element types; the schema options and the indexes. No MongoDB server runs in the test
 * environment, so this is what proves that the models stay the same shape when the way they are
 * written changes (the store contract suite runs against Mongo only with MONGODB_URI).
 */

const conn = mongoose.createConnection();
const models = buildModels(conn);
afterAll(() => conn.close());

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const OPTION_KEYS = ['min', 'max', 'minlength', 'maxlength', 'default'] as const;

function describeType(st: SchemaType): Json {
  const o = st.options as Record<string, unknown>;
  const out: Record<string, Json> = { instance: st.instance };
  if (o.required !== undefined) out.required = typeof o.required === 'function' ? 'while missing' : Boolean(o.required);
  for (const k of OPTION_KEYS) if (o[k] !== undefined) out[k] = o[k] as Json;
  if (o.match instanceof RegExp) out.match = o.match.source;
  const enumValues = (st as unknown as { enumValues?: unknown[] }).enumValues;
  if (Array.isArray(enumValues) && enumValues.length > 0) out.enum = enumValues as Json[];
  // Built-in validators are captured by the options above; our own are identified by their message.
  const own = st.validators.filter((v) => v.type === 'user defined').map((v) => String(v.message));
  if (own.length > 0) out.validators = own;
  const nested = (st as unknown as { schema?: Schema }).schema;
  if (nested) out.schema = describeSchema(nested);
  const element = (st as unknown as { embeddedSchemaType?: SchemaType }).embeddedSchemaType;
  if (element && !nested) out.element = describeType(element);
  const mapOf = (st as unknown as { $__schemaType?: SchemaType }).$__schemaType;
  if (st.instance === 'Map' && mapOf) out.of = describeType(mapOf);
  return out;
}

function describeSchema(schema: Schema): Json {
  const paths: Record<string, Json> = {};
  schema.eachPath((path, st) => {
    paths[path] = describeType(st);
  });
  const opts = schema.options as unknown as Record<string, unknown>;
  const options: Record<string, Json> = {};
  for (const k of ['collection', 'versionKey', 'id', '_id', 'minimize', 'autoIndex', 'autoCreate', 'bufferCommands', 'strict', 'timestamps'] as const) {
    if (opts[k] !== undefined) options[k] = opts[k] as Json;
  }
  return { paths, options, indexes: schema.indexes() as unknown as Json };
}

describe('mongoose models, structurally', () => {
  it.each(COLLECTION_NAMES.map((c) => [c]))('%s keeps its structure', (name) => {
    expect(describeSchema(models[name].schema)).toMatchSnapshot();
  });
});
