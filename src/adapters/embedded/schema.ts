import type Database from 'better-sqlite3';

/**
 * The embedded store's schema and its migrations.
 *
 * Each collection is a table holding the validated record as JSON (`doc`) plus STORED generated
 * columns for the fields that are filtered, kept unique or aggregated on, each indexed. Reading a
 * record is one JSON.parse; aggregating reads only the generated columns.
 *
 * Migrations are frozen once released: a later change appends a migration (new generated columns
 * can be added as VIRTUAL with ALTER TABLE, and indexed). `PRAGMA user_version` records the last
 * one applied. The test `embedded-schema.test.ts` checks every field the registry can query has a
 * column, so a registry change without a migration fails.
 */

export const snake = (field: string): string => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
export const tableName = (collection: string): string => snake(collection);

interface TableDef {
  /** Fields exposed as generated columns. */
  columns: string[];
  /** Plain indexes: each entry a list of fields. */
  indexes: string[][];
  /** Unique indexes. */
  unique: string[][];
  /** Array fields indexed and unique across the table through a side table `<table>__<field>`. */
  uniqueArrays?: string[];
  /** Nested fields exposed as STORED generated columns too: column name → JSON path ('$.scorecard.total'). */
  paths?: Record<string, string>;
}

function tableDdl(collection: string, def: TableDef): string {
  const t = tableName(collection);
  const cols = [
    ...['requestId', ...def.columns].map((f) => `  "${snake(f)}" ANY GENERATED ALWAYS AS (json_extract(doc, '$.${f}')) STORED`),
    ...Object.entries(def.paths ?? {}).map(([c, p]) => `  "${c}" ANY GENERATED ALWAYS AS (json_extract(doc, '${p}')) STORED`),
  ];
  const stmts = [
    `CREATE TABLE "${t}" (\n  id TEXT PRIMARY KEY NOT NULL,\n  doc TEXT NOT NULL CHECK (json_valid(doc)),\n${cols.join(',\n')}\n) STRICT;`,
    `CREATE UNIQUE INDEX "${t}__request_id" ON "${t}"(request_id) WHERE request_id IS NOT NULL;`,
  ];
  for (const idx of def.indexes) {
    stmts.push(`CREATE INDEX "${t}__${idx.map(snake).join('__')}" ON "${t}"(${idx.map((f) => `"${snake(f)}"`).join(', ')});`);
  }
  def.unique.forEach((u, i) => {
    stmts.push(`CREATE UNIQUE INDEX "${t}__unique${i}" ON "${t}"(${u.map((f) => `"${snake(f)}"`).join(', ')});`);
  });
  for (const arr of def.uniqueArrays ?? []) {
    const side = `${t}__${snake(arr)}`;
    stmts.push(
      `CREATE TABLE "${side}" (value TEXT PRIMARY KEY NOT NULL, id TEXT NOT NULL REFERENCES "${t}"(id) ON DELETE CASCADE) STRICT;`,
      `CREATE INDEX "${side}__id" ON "${side}"(id);`,
    );
  }
  return stmts.join('\n');
}

/** Version 1: every collection of the first release. Frozen. */
const V1: Record<string, TableDef> = {
  people: { columns: ['teamId', 'managerId', 'active'], indexes: [['teamId'], ['managerId'], ['active']], unique: [], uniqueArrays: ['identities'] },
  teams: { columns: ['name', 'managerId'], indexes: [['managerId']], unique: [['name']] },
  accounts: { columns: ['nameKey', 'ownerId', 'tier', 'firstWonBy'], indexes: [['ownerId'], ['tier']], unique: [['nameKey']] },
  activities: {
    columns: ['repId', 'accountId', 'date', 'nextStepDate'],
    // (date, rep, account) covers the period aggregates; (rep, date) the rep's own history.
    indexes: [['date', 'repId', 'accountId'], ['repId', 'date'], ['accountId', 'date'], ['nextStepDate']],
    unique: [],
  },
  deals: {
    columns: ['repId', 'accountId', 'signedDate', 'dueDate', 'amountBase', 'units', 'firstWin'],
    indexes: [
      ['signedDate', 'repId', 'accountId', 'amountBase', 'units', 'firstWin'],
      ['dueDate', 'repId', 'amountBase'],
      ['repId', 'signedDate'],
      ['accountId'],
    ],
    unique: [],
  },
  payments: {
    columns: ['dealId', 'repId', 'dueDate', 'receivedDate', 'amountBase'],
    indexes: [['dueDate', 'repId', 'receivedDate', 'amountBase'], ['dealId', 'amountBase'], ['repId', 'receivedDate'], ['receivedDate']],
    unique: [],
  },
  feedback: {
    columns: ['repId', 'accountId', 'date', 'service', 'product'],
    indexes: [['date', 'repId', 'service', 'product'], ['repId', 'date'], ['accountId']],
    unique: [],
  },
  peerReviews: {
    columns: ['fromId', 'toId', 'periodKey', 'collaboration'],
    indexes: [['periodKey', 'toId', 'collaboration'], ['toId'], ['fromId']],
    unique: [['fromId', 'toId', 'periodKey']],
  },
  intel: { columns: ['repId', 'date'], indexes: [['date', 'repId'], ['repId']], unique: [] },
  templates: { columns: ['key', 'version'], indexes: [], unique: [['key', 'version']] },
  targets: {
    columns: ['periodKey', 'indicator', 'scope', 'scopeId'],
    indexes: [['scopeId']],
    unique: [['periodKey', 'indicator', 'scope', 'scopeId']],
  },
  cycles: { columns: ['periodKey', 'state'], indexes: [['state']], unique: [['periodKey']] },
  adjustments: { columns: ['periodKey', 'repId', 'byId'], indexes: [['periodKey', 'repId'], ['repId'], ['byId']], unique: [] },
  results: {
    columns: ['periodKey', 'repId', 'version', 'publishedBy'],
    indexes: [['repId'], ['publishedBy']],
    unique: [['periodKey', 'repId', 'version']],
  },
  interviews: { columns: ['periodKey', 'repId', 'managerId'], indexes: [['repId'], ['managerId']], unique: [['periodKey', 'repId']] },
  plans: { columns: ['periodKey', 'repId', 'managerId', 'state'], indexes: [['periodKey'], ['repId'], ['managerId'], ['state']], unique: [] },
  awards: { columns: ['periodKey', 'repId', 'state', 'grantedBy'], indexes: [['periodKey'], ['repId'], ['state'], ['grantedBy']], unique: [] },
  audit: { columns: ['actorId', 'action', 'subjectId', 'at'], indexes: [['actorId'], ['action'], ['subjectId'], ['at']], unique: [] },
  settings: { columns: [], indexes: [], unique: [] },
  processedEvents: { columns: ['receivedAt'], indexes: [['receivedAt']], unique: [] },
  outbox: {
    columns: ['key', 'state', 'job', 'runKey', 'platform', 'nextAttemptAt', 'notBefore', 'claimExpiresAt'],
    // (state, nextAttemptAt) serves the dispatcher's claim; (job, runKey) the operators' view.
    indexes: [['state', 'nextAttemptAt'], ['state', 'claimExpiresAt'], ['job', 'runKey'], ['platform'], ['nextAttemptAt']],
    unique: [['key']],
  },
  leases: { columns: ['owner', 'expiresAt'], indexes: [['expiresAt']], unique: [] },
};

/** Version 2: appeals against published results, late entries waiting for a manager. */
const V2: Record<string, TableDef> = {
  appeals: { columns: ['periodKey', 'repId', 'state', 'decidedBy'], indexes: [['periodKey', 'repId'], ['repId'], ['state']], unique: [] },
  lateEntries: {
    columns: ['periodKey', 'repId', 'managerId', 'state', 'decidedBy'],
    indexes: [['periodKey'], ['repId'], ['managerId', 'state'], ['state']],
    unique: [],
  },
};

/** Version 3: self-reviews, absences (leave and out-of-office). */
const V3: Record<string, TableDef> = {
  selfReviews: { columns: ['periodKey', 'repId'], indexes: [['repId']], unique: [['periodKey', 'repId']] },
  absences: { columns: ['personId', 'from', 'to', 'createdBy'], indexes: [['personId', 'from'], ['from', 'to'], ['createdBy']], unique: [] },
};

/** Version 5: one-time customer surveys. */
const V5: Record<string, TableDef> = {
  surveys: { columns: ['tokenHash', 'repId', 'accountId', 'createdBy', 'feedbackId'], indexes: [['repId'], ['accountId'], ['createdBy'], ['feedbackId']], unique: [['tokenHash']] },
};

/**
 * Version 7: a published result's total, grade and noData as stored columns, in an index with the
 * period, rep and version. A history of 5,000 reps over four published quarters (Store.publishedTotals)
 * read them with json_extract from each frozen scorecard: ~0.45 s of a monthly round's CPU, ~50 ms
 * from the index. SQLite cannot add a STORED column to a table, so the table is rebuilt with the
 * same columns and index names, plus these.
 */
const RESULTS_V7: TableDef = {
  ...V1.results!,
  paths: { scorecard_total: '$.scorecard.total', scorecard_grade: '$.scorecard.grade', scorecard_no_data: '$.scorecard.noData' },
};
const V7_UP = [
  ...['results__request_id', 'results__rep_id', 'results__published_by', 'results__unique0'].map((i) => `DROP INDEX "${i}";`),
  'ALTER TABLE "results" RENAME TO "results__before_v7";',
  tableDdl('results', RESULTS_V7),
  'CREATE INDEX "results__figures" ON "results"(period_key, rep_id, version, scorecard_total, scorecard_grade, scorecard_no_data);',
  'INSERT INTO "results"(id, doc) SELECT id, doc FROM "results__before_v7";',
  'DROP TABLE "results__before_v7";',
].join('\n');

export interface Migration {
  version: number;
  description: string;
  up: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'collections of the first release',
    up: Object.entries(V1)
      .map(([c, def]) => tableDdl(c, def))
      .join('\n'),
  },
  {
    version: 2,
    description: 'appeals and late entries',
    up: Object.entries(V2)
      .map(([c, def]) => tableDdl(c, def))
      .join('\n'),
  },
  {
    version: 3,
    description: 'self-reviews and absences',
    up: Object.entries(V3)
      .map(([c, def]) => tableDdl(c, def))
      .join('\n'),
  },
  {
    // Issue 16: tier-weighted visits look up each (rep, account) pair's tier; through this index
    // the lookup reads no table row (measured ~7 % of that query's CPU at 10,000 reps).
    version: 4,
    description: 'covering index for account tiers',
    up: 'CREATE INDEX "accounts__id__tier" ON "accounts"(id, tier);',
  },
  {
    version: 5,
    description: 'customer surveys',
    up: Object.entries(V5)
      .map(([c, def]) => tableDdl(c, def))
      .join('\n'),
  },
  {
    // Issue 16: coverage lists the owned accounts of the key-account tiers (tier, owner, id); through
    // the tier index alone each one read its table row for the owner (~80 ms CPU of the ~280 ms
    // coverage query at 100,000 accounts).
    version: 6,
    description: 'covering index for owned key accounts',
    up: 'CREATE INDEX "accounts__tier__owner_id__id" ON "accounts"(tier, owner_id, id);',
  },
  { version: 7, description: "published results' figures as stored, indexed columns", up: V7_UP },
];

/** Applies every migration newer than the database's `user_version`, each in its own transaction. */
export function migrate(db: Database.Database): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  let applied = 0;
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.up);
      db.pragma(`user_version = ${m.version}`);
    })();
    applied++;
  }
  return applied;
}

/** The generated columns a table has now (for the registry-coverage test and query building). */
export function columnsOf(db: Database.Database, collection: string): Set<string> {
  const rows = db.prepare(`SELECT name FROM pragma_table_xinfo(?)`).all(tableName(collection)) as { name: string }[];
  return new Set(rows.map((r) => r.name));
}
