import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fromDocument, toDocument, toFilter, toSort } from '../../src/adapters/mongo/documents.js';
import { duplicateKey, mapMongoError } from '../../src/adapters/mongo/errors.js';
import { openMongoStore } from '../../src/adapters/mongo/mongo-store.js';
import { AppError } from '../../src/domain/errors.js';
import { expectAppError } from './contract/harness.js';

/** The MongoDB adapter's translations, which need no server: documents, filters, errors. */

const named = (name: string, extra: Record<string, unknown> = {}): Error => Object.assign(new Error(name), { name, ...extra });

describe('documents', () => {
  it('store the id as _id and give back exactly the record', () => {
    const record = { id: 'acc-1', name: 'Acme', tags: [] };
    expect(toDocument(record)).toEqual({ _id: 'acc-1', name: 'Acme', tags: [] });
    expect(fromDocument({ _id: 'acc-1', name: 'Acme', tags: [], __v: 0 })).toEqual(record);
  });

  it('translate filters: equality, ranges, lists, id', () => {
    expect(toFilter('activities', { repId: 'r', date: { gte: '2026-01-01', lte: '2026-03-31' }, id: { in: ['a', 'b'] } })).toEqual({
      repId: 'r',
      date: { $gte: '2026-01-01', $lte: '2026-03-31' },
      _id: { $in: ['a', 'b'] },
    });
    expect(toFilter('people', { active: false })).toEqual({ active: false });
    expect(toFilter('activities', { date: { gte: '2026-04-01' } })).toEqual({ date: { $gte: '2026-04-01' } });
    // Repeating the partial index's filter lets a requestId lookup use its unique index.
    expect(toFilter('deals', { requestId: 'r-1' })).toEqual({ requestId: { $eq: 'r-1', $type: 'string' } });
    expect(toFilter('deals', { requestId: { in: ['r-1'] } })).toEqual({ requestId: { $in: ['r-1'], $type: 'string' } });
  });

  it('sort with ties broken by id, as the embedded store does', () => {
    expect(toSort('activities', { field: 'date', dir: 'desc' })).toEqual({ date: -1, _id: 1 });
    expect(toSort('activities', { field: 'id', dir: 'desc' })).toEqual({ _id: -1 });
  });

  it('refuse fields the registry does not index', () => {
    expect(() => toFilter('activities', { purpose: 'x' })).toThrow(/activities.purpose is not a queryable field/);
    expect(() => toSort('deals', { field: 'amountBase', dir: 'asc' })).toThrow(/deals.amountBase/);
  });
});

describe('error mapping', () => {
  it('maps a duplicate key to CONFLICT naming the fields', () => {
    const e = mapMongoError(named('MongoServerError', { code: 11000, keyPattern: { fromId: 1, toId: 1, periodKey: 1 }, keyValue: { fromId: 'a' } }), 'peerReviews');
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({ code: 'CONFLICT', params: { collection: 'peerReviews', fields: ['fromId', 'toId', 'periodKey'] } });
    expect((e as AppError).issues.map((i) => i.path)).toEqual(['fromId', 'toId', 'periodKey']);
    expect(mapMongoError(named('MongoServerError', { code: 11000, keyPattern: { _id: 1 } }), 'deals')).toMatchObject({ code: 'CONFLICT', params: { fields: ['id'] } });
  });

  it('finds the duplicate in a bulk write, with the index of the failing document', () => {
    const bulk = named('MongoBulkWriteError', {
      code: 11000,
      writeErrors: [{ code: 11000, index: 2, errmsg: 'E11000 duplicate key error collection: t.people index: identities_1 dup key: { identities: "slack:U1" }' }],
    });
    expect(duplicateKey(bulk)).toEqual({ fields: ['identities'], index: 2 });
    expect(duplicateKey(named('MongoServerError', { code: 11000, message: 'E11000 index: requestId_1 dup key: { requestId: "r" }' }))?.fields).toEqual(['requestId']);
    expect(duplicateKey(named('MongoServerError', { code: 11000, message: 'E11000 index: _id_ dup key: { _id: "d" }' }))?.fields).toEqual(['_id']);
    expect(duplicateKey(named('MongoServerError', { code: 2 }))).toBeNull();
  });

  it('maps unreachable-server errors, and any error on a closed connection, to UNAVAILABLE', () => {
    for (const name of ['MongoServerSelectionError', 'MongooseServerSelectionError', 'MongoNetworkError', 'MongoNotConnectedError', 'MongoTopologyClosedError']) {
      expect(mapMongoError(named(name), 'people'), name).toMatchObject({ code: 'UNAVAILABLE' });
    }
    expect(mapMongoError(named('MongooseError'), 'people', false)).toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('maps a mongoose ValidationError to VALIDATION with field issues, and keeps unknown errors as they are', () => {
    const v = mapMongoError(named('ValidationError', { errors: { service: { path: 'service', message: 'too big' } } }), 'feedback');
    expect(v).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'service', message: 'too big' }] });
    const unknown = named('TypeError');
    expect(mapMongoError(unknown, 'people')).toBe(unknown);
    const known = new AppError('REFERENCE', 'x');
    expect(mapMongoError(known, 'people')).toBe(known);
  });
});

describe('openMongoStore without a server', () => {
  it('loads under plain Node ESM, where mongoose (CommonJS) has no named runtime exports', () => {
    // vitest's module interop hides `import { X } from 'mongoose'` mistakes that crash `npm start`.
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
    const script = "const m = await import('./src/adapters/mongo/mongo-store.ts'); if (typeof m.openMongoStore !== 'function') process.exit(2);";
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '--eval', script], { cwd: root, encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
  });

  it('fails with UNAVAILABLE, without the password in the message, when no server answers', async () => {
    const e = await expectAppError(openMongoStore({ uri: 'mongodb://kam:secret@127.0.0.1:1/kam', serverSelectionTimeoutMS: 300 }), 'UNAVAILABLE');
    expect(e.message).not.toContain('secret');
  });

  it('fails with CONFIG on a malformed URI', async () => {
    await expectAppError(openMongoStore({ uri: 'http://localhost/kam' }), 'CONFIG');
  });
});
