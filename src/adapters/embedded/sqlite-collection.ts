import type Database from 'better-sqlite3';
import { AppError } from '../../domain/errors.js';
import {
  assertReferences,
  COLLECTIONS,
  COLLECTION_NAMES,
  type CollectionName,
  type RecordInput,
  type RecordOf,
  validateRecord,
} from '../../domain/records.js';
import type { Collection, FieldFilter, FindOptions, Inserted, Where } from '../../ports/store.js';
import { columnsOf, snake, tableName } from './schema.js';
import type { WriteGuard } from './write-guard.js';

type Row = { doc: string };
const parse = <T>(row: Row | undefined): T | null => (row ? (JSON.parse(row.doc) as T) : null);

/** SQLite stores booleans as 0/1 in generated columns. */
const bindable = (v: string | number | boolean): string | number => (typeof v === 'boolean' ? (v ? 1 : 0) : v);

/**
 * One collection on SQLite. better-sqlite3 is synchronous, so each write (validation aside) runs
 * inside one transaction: the request-id check, the reference checks and the insert are atomic.
 * Write transactions are IMMEDIATE: they take the write lock first, so a writer in another process
 * (a CLI job) makes them wait up to the busy timeout. A deferred one reads first and then, upgrading
 * to a write, gets SQLITE_BUSY at once without waiting.
 */
export class SqliteCollection<N extends CollectionName> implements Collection<N> {
  private readonly table: string;
  private readonly columns: Set<string>;
  private readonly stmts: {
    get: Database.Statement;
    byRequest: Database.Statement;
    insert: Database.Statement;
    upsert: Database.Statement;
    delete: Database.Statement;
  };
  private readonly arraySides: { field: string; insert: Database.Statement; clear: Database.Statement }[];

  constructor(
    private readonly db: Database.Database,
    private readonly name: N,
    private readonly exists: (coll: CollectionName, id: string) => boolean,
    private readonly writeGuard: WriteGuard,
  ) {
    this.table = tableName(name);
    this.columns = columnsOf(db, name);
    const t = `"${this.table}"`;
    this.stmts = {
      get: db.prepare(`SELECT doc FROM ${t} WHERE id = ?`),
      byRequest: db.prepare(`SELECT doc FROM ${t} WHERE request_id = ?`),
      insert: db.prepare(`INSERT INTO ${t} (id, doc) VALUES (?, ?)`),
      upsert: db.prepare(`INSERT INTO ${t} (id, doc) VALUES (?, ?) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc`),
      delete: db.prepare(`DELETE FROM ${t} WHERE id = ?`),
    };
    this.arraySides = COLLECTIONS[name].uniqueArrays.map((field) => {
      const side = `"${this.table}__${snake(field)}"`;
      return {
        field,
        insert: db.prepare(`INSERT INTO ${side} (value, id) VALUES (?, ?)`),
        clear: db.prepare(`DELETE FROM ${side} WHERE id = ?`),
      };
    });
  }

  /** Queries have few shapes (fields and operators, not values): prepare each once. */
  private readonly statements = new Map<string, Database.Statement>();
  private prepared(sql: string): Database.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      if (this.statements.size >= 500) this.statements.clear();
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  private guard<T>(fn: () => T): Promise<T> {
    try {
      return Promise.resolve(fn());
    } catch (e) {
      return Promise.reject(this.writeGuard.failed(e, this.name));
    }
  }

  /** A write: refused while the file cannot keep it, else one immediate transaction. */
  private write<T>(fn: () => T): T {
    this.writeGuard.assertWritable();
    return this.db.transaction(fn).immediate();
  }

  private writeSides(record: Record<string, unknown>, replace: boolean): void {
    for (const side of this.arraySides) {
      if (replace) side.clear.run(record.id);
      for (const value of (record[side.field] as string[] | undefined) ?? []) {
        try {
          side.insert.run(value, record.id);
        } catch (e) {
          if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
            throw new AppError('CONFLICT', `${side.field} ${value} already belongs to another ${this.name} record`, {
              params: { collection: this.name, field: side.field, value },
              issues: [{ path: side.field, message: `${value} is already taken` }],
            });
          }
          throw e;
        }
      }
    }
  }

  /** Validates a record for this collection (outside any transaction). */
  validate(input: unknown): RecordOf<N> {
    return validateRecord(this.name, input);
  }

  /** Inserts a validated record; the caller holds the write transaction (a batch). */
  insertOne(record: RecordOf<N>): Inserted<RecordOf<N>> {
    const r = record as Record<string, unknown>;
    if (typeof r.requestId === 'string') {
      const prior = parse<RecordOf<N>>(this.stmts.byRequest.get(r.requestId) as Row | undefined);
      if (prior) return { record: prior, created: false };
    }
    assertReferences(this.name, r, this.exists);
    this.stmts.insert.run(r.id, JSON.stringify(record));
    this.writeSides(r, false);
    return { record, created: true };
  }

  /** Inserts or replaces a validated record; the caller holds the write transaction (a batch). */
  putOne(record: RecordOf<N>): RecordOf<N> {
    const r = record as Record<string, unknown>;
    assertReferences(this.name, r, this.exists);
    this.stmts.upsert.run(r.id, JSON.stringify(record));
    this.writeSides(r, true);
    return record;
  }

  insert(input: RecordInput<N>): Promise<Inserted<RecordOf<N>>> {
    return this.guard(() => {
      const record = validateRecord(this.name, input);
      return this.write(() => this.insertOne(record));
    });
  }

  put(input: RecordInput<N>): Promise<RecordOf<N>> {
    return this.guard(() => {
      const record = validateRecord(this.name, input);
      return this.write(() => this.putOne(record));
    });
  }

  insertMany(inputs: readonly RecordInput<N>[]): Promise<number> {
    return this.guard(() => {
      const records = inputs.map((i) => validateRecord(this.name, i));
      return this.write(() => {
        let n = 0;
        for (const r of records) if (this.insertOne(r).created) n++;
        return n;
      });
    });
  }

  get(id: string): Promise<RecordOf<N> | null> {
    return this.guard(() => parse<RecordOf<N>>(this.stmts.get.get(id) as Row | undefined));
  }

  /**
   * Only the registry's indexed fields (and the id and requestId) can be filtered and sorted on, as the port says;
   * the table has a few more generated columns (for aggregates and reference checks), but a query
   * on them would work here and fail on MongoDB.
   */
  private column(field: string): string {
    const col = field === 'id' ? 'id' : snake(field);
    const indexed = field === 'id' || field === 'requestId' || (COLLECTIONS[this.name].indexed as readonly string[]).includes(field);
    if (!indexed || !this.columns.has(col)) throw new Error(`${this.name}.${field} is not a queryable field`);
    return `"${col}"`;
  }

  private whereSql(where: Where): { sql: string; params: (string | number)[] } {
    const clauses: string[] = [];
    const params: (string | number)[] = [];
    for (const [field, filter] of Object.entries(where) as [string, FieldFilter][]) {
      const col = this.column(field);
      if (typeof filter !== 'object') {
        clauses.push(`${col} = ?`);
        params.push(bindable(filter));
      } else if ('in' in filter) {
        clauses.push(`${col} IN (SELECT value FROM json_each(?))`);
        params.push(JSON.stringify(filter.in));
      } else {
        if (filter.gte !== undefined) {
          clauses.push(`${col} >= ?`);
          params.push(filter.gte);
        }
        if (filter.lte !== undefined) {
          clauses.push(`${col} <= ?`);
          params.push(filter.lte);
        }
      }
    }
    return { sql: clauses.length ? ` WHERE ${clauses.join(' AND ')}` : '', params };
  }

  find(where: Where = {}, options: FindOptions = {}): Promise<RecordOf<N>[]> {
    return this.guard(() => {
      const w = this.whereSql(where);
      let sql = `SELECT doc FROM "${this.table}"${w.sql}`;
      if (options.sort) sql += ` ORDER BY ${this.column(options.sort.field)} ${options.sort.dir === 'desc' ? 'DESC' : 'ASC'}, id`;
      if (options.limit !== undefined) sql += ` LIMIT ${Math.max(0, Math.floor(options.limit))}`;
      return (this.prepared(sql).all(...w.params) as Row[]).map((r) => JSON.parse(r.doc) as RecordOf<N>);
    });
  }

  count(where: Where = {}): Promise<number> {
    return this.guard(() => {
      const w = this.whereSql(where);
      return (this.prepared(`SELECT COUNT(*) AS n FROM "${this.table}"${w.sql}`).get(...w.params) as { n: number }).n;
    });
  }

  /** Refuses to delete a record that others still point at (a deal with payments, say). */
  delete(id: string): Promise<boolean> {
    return this.guard(() => this.write(() => this.deleteOne(id)));
  }

  /** Deletes a record nothing points at; the caller holds the write transaction (a batch). */
  deleteOne(id: string): boolean {
    for (const other of COLLECTION_NAMES) {
      for (const [field, target] of Object.entries(COLLECTIONS[other].refs)) {
        if (typeof target === 'string' && target !== this.name) continue;
        const sql = `SELECT doc FROM "${tableName(other)}" WHERE "${snake(field)}" = ?`;
        // When the target depends on the record (targets.scopeId → team or person), only rows
        // that really point at this collection count: a team and a person may share an id.
        const used =
          typeof target === 'string'
            ? this.db.prepare(`${sql} LIMIT 1`).get(id) !== undefined
            : (this.db.prepare(sql).all(id) as Row[]).some((r) => target(JSON.parse(r.doc) as Record<string, unknown>) === this.name);
        if (used) {
          throw new AppError('CONFLICT', `${this.name} ${id} is still referenced by ${other}.${field}`, {
            params: { collection: this.name, id, referencedBy: other, field },
          });
        }
      }
    }
    for (const side of this.arraySides) side.clear.run(id);
    return this.stmts.delete.run(id).changes > 0;
  }
}
