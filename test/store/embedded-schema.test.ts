import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { columnsOf, migrate, MIGRATIONS, snake, tableName } from '../../src/adapters/embedded/schema.js';
import { COLLECTION_NAMES, COLLECTIONS } from '../../src/domain/records.js';

/**
 * The registry says what can be queried, kept unique and referenced; the SQLite schema must have a
 * generated column for each, or a registry change shipped without a migration would only fail at
 * run time (a query on a missing column, a uniqueness nobody enforces).
 */
describe('embedded schema covers the registry', () => {
  let db: Database.Database;
  beforeEach(() => {
    db = new Database(':memory:');
    migrate(db);
  });
  afterEach(() => db.close());

  it('is at the latest migration', () => {
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.version);
    expect(migrate(db)).toBe(0);
  });

  it.each(COLLECTION_NAMES)('%s has a column for every indexed, unique and reference field', (name) => {
    const spec = COLLECTIONS[name];
    const fields = new Set<string>([...spec.indexed, ...spec.unique.flat(), ...Object.keys(spec.refs), 'requestId']);
    const columns = columnsOf(db, name);
    expect([...fields].filter((f) => !columns.has(snake(f)))).toEqual([]);
  });

  it.each(COLLECTION_NAMES)('%s enforces each unique key with a unique index', (name) => {
    const indexes = db.prepare(`SELECT name FROM pragma_index_list(?) WHERE "unique" = 1`).all(tableName(name)) as { name: string }[];
    const keys = indexes.map((i) => (db.prepare(`SELECT name FROM pragma_index_info(?)`).all(i.name) as { name: string }[]).map((c) => c.name).join(','));
    for (const u of COLLECTIONS[name].unique) expect(keys).toContain(u.map(snake).join(','));
    expect(keys).toContain('request_id');
  });

  it('has a side table for every unique array field', () => {
    for (const name of COLLECTION_NAMES) {
      for (const field of COLLECTIONS[name].uniqueArrays) {
        expect(columnsOf(db, `${name}__${snake(field)}`)).toEqual(new Set(['value', 'id']));
      }
    }
  });
});

describe('upgrading a database of the first release', () => {
  it('applies only the newer migrations and keeps the data', () => {
    const db = new Database(':memory:');
    try {
      db.exec(MIGRATIONS[0]!.up);
      db.pragma('user_version = 1');
      db.prepare(`INSERT INTO people (id, doc) VALUES ('p1', '{"id":"p1","name":"Ann"}')`).run();
      expect(migrate(db)).toBe(MIGRATIONS.length - 1);
      expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.version);
      expect(columnsOf(db, 'appeals').has('period_key')).toBe(true);
      expect(columnsOf(db, 'lateEntries').has('manager_id')).toBe(true);
      expect(db.prepare('SELECT count(*) AS n FROM people').get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  });
});

describe('migration 7: published figures as stored columns', () => {
  it('rebuilds results with every record, the same unique keys and indexes, and the figures filled in', () => {
    const db = new Database(':memory:');
    try {
      for (const m of MIGRATIONS.filter((x) => x.version <= 6)) db.exec(m.up);
      db.pragma('user_version = 6');
      const doc = (id: string, version: number, total: number, extra: object = {}) =>
        JSON.stringify({ id, periodKey: '2026-Q3', repId: 'ann', version, scorecard: { total, grade: 'B', noData: false }, publishedBy: 'hr', ...extra });
      const insert = db.prepare('INSERT INTO results (id, doc) VALUES (?, ?)');
      insert.run('r1', doc('r1', 1, 80.5, { requestId: 'req-1' }));
      insert.run('r2', doc('r2', 2, 83.25));
      const before = db.prepare('SELECT name FROM pragma_index_list(?) ORDER BY name').all('results');

      expect(migrate(db)).toBe(MIGRATIONS.length - 6);
      expect(db.prepare('SELECT id, doc, version, scorecard_total, scorecard_grade, scorecard_no_data FROM results ORDER BY id').all()).toEqual([
        { id: 'r1', doc: doc('r1', 1, 80.5, { requestId: 'req-1' }), version: 1, scorecard_total: 80.5, scorecard_grade: 'B', scorecard_no_data: 0 },
        { id: 'r2', doc: doc('r2', 2, 83.25), version: 2, scorecard_total: 83.25, scorecard_grade: 'B', scorecard_no_data: 0 },
      ]);
      // Every index of before, plus the figures; the unique keys still refuse a duplicate.
      expect(db.prepare('SELECT name FROM pragma_index_list(?) ORDER BY name').all('results')).toEqual(
        [...before, { name: 'results__figures' }].sort((a, b) => String((a as { name: string }).name).localeCompare((b as { name: string }).name)),
      );
      expect(() => insert.run('r3', doc('r3', 2, 90))).toThrow(/UNIQUE/);
      expect(() => insert.run('r4', doc('r4', 3, 90, { requestId: 'req-1' }))).toThrow(/UNIQUE/);
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'results__before%'").all()).toEqual([]);
    } finally {
      db.close();
    }
  });
});
