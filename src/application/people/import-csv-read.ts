import { parse, type CsvError } from 'csv-parse/sync';
import { columnFor, CSV_COLUMNS, MAX_IMPORT_ROWS, type ImportKind } from './import-csv-columns.js';
import type { ImportIssue } from './import-csv-issues.js';
import type { CsvRow, CsvSheet } from './import-csv-sheet.js';

interface Parsed {
  record: string[];
  info: { lines: number };
  raw: string;
}

/** Tabs when the header has them (a paste from a spreadsheet), commas otherwise. */
function delimiterOf(text: string): ',' | '\t' {
  const header = text.split('\n').find((l) => l.trim() !== '') ?? '';
  const tabs = header.split('\t').length - 1;
  const commas = header.split(',').length - 1;
  return tabs > 0 && tabs >= commas ? '\t' : ',';
}

/**
 * csv-parse reports the line a record ends on; a quoted cell may span lines, and `raw` also holds
 * the blank lines skipped before the record. The line it starts on is what the user looks for.
 */
function startLine(p: Parsed): number {
  const body = p.raw.replace(/^(?:[ \t]*\n)+/, '').replace(/\n$/, '');
  return p.info.lines - (body.split('\n').length - 1);
}

function csvProblem(e: CsvError): string {
  switch (e.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quote (") is never closed; check the quotes on this line and the ones above';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
    case 'INVALID_OPENING_QUOTE':
      return 'a quote (") is misplaced; put quotes around the whole cell and double any quote inside it';
    default:
      return `cannot read this line as CSV (${e.code})`;
  }
}

function parseRecords(text: string): { records: Parsed[] } | { issue: ImportIssue } {
  try {
    const records = parse(text, {
      delimiter: delimiterOf(text),
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: true,
      info: true,
      raw: true,
    }) as unknown as Parsed[];
    return { records };
  } catch (e) {
    const err = e as CsvError;
    if (typeof err.code !== 'string') throw e;
    return { issue: { line: typeof err.lines === 'number' ? err.lines : 1, message: csvProblem(err) } };
  }
}

/** The header row → column key per position; unknown, repeated and missing columns are issues. */
function readHeader(kind: ImportKind, header: Parsed, issues: ImportIssue[]): { keys: (string | undefined)[]; headers: Map<string, string> } {
  const line = startLine(header);
  const headers = new Map<string, string>();
  const names = CSV_COLUMNS[kind].map((c) => c.key).join(', ');
  const keys = header.record.map((text) => {
    const cell = text.trim();
    if (cell === '') return undefined;
    const column = columnFor(kind, cell);
    if (!column) {
      issues.push({ line, column: cell, message: `unknown column '${cell}'; the ${kind} columns are ${names}` });
      return undefined;
    }
    if (headers.has(column.key)) {
      issues.push({ line, column: cell, message: `column ${column.key} appears twice (also as '${headers.get(column.key)}')` });
      return undefined;
    }
    headers.set(column.key, cell);
    return column.key;
  });
  for (const c of CSV_COLUMNS[kind]) {
    if (c.required && !headers.has(c.key)) issues.push({ line, column: c.key, message: `the required column ${c.key} (${c.zh}) is missing` });
  }
  return { keys, headers };
}

/**
 * Reads an import file: header row first, comma- or tab-separated, BOM and blank lines ignored,
 * cells trimmed. Without a sheet, the issues stopped the file from being read at all (a broken
 * header, too many rows, unreadable CSV); with one, they are rows with too many cells, and the
 * rows' values are for the caller to check.
 */
export function readCsv(kind: ImportKind, text: string): { sheet?: CsvSheet; issues: ImportIssue[] } {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const parsed = parseRecords(normalised);
  if ('issue' in parsed) return { issues: [parsed.issue] };
  const [header, ...body] = parsed.records.filter((p) => p.record.some((c) => c.trim() !== ''));
  if (!header) {
    const names = CSV_COLUMNS[kind].filter((c) => c.required).map((c) => c.key).join(',');
    return { issues: [{ line: 1, message: `the file is empty; its first line must be a header such as ${names}` }] };
  }
  const issues: ImportIssue[] = [];
  const { keys, headers } = readHeader(kind, header, issues);
  if (issues.length > 0) return { issues };
  if (body.length === 0) return { issues: [{ line: startLine(header), message: 'there are no rows below the header' }] };
  if (body.length > MAX_IMPORT_ROWS) {
    return {
      issues: [{ line: startLine(body[MAX_IMPORT_ROWS]!), message: `the file has ${body.length} rows; import at most ${MAX_IMPORT_ROWS} rows at a time` }],
    };
  }
  const rows: CsvRow[] = [];
  for (const p of body) {
    const line = startLine(p);
    const extra = p.record.slice(keys.length).filter((c) => c.trim() !== '');
    if (extra.length > 0) {
      issues.push({ line, message: `this line has ${keys.length + extra.length} cells but the header has ${keys.length} columns` });
    }
    const cells = new Map<string, string>();
    keys.forEach((key, i) => {
      if (key) cells.set(key, (p.record[i] ?? '').trim());
    });
    rows.push({ line, cells });
  }
  return { sheet: { headers, rows }, issues };
}
