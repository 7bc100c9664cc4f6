import type { CsvRow } from './import-csv-sheet.js';

/** One problem in an import file. `line` is 1-based and counts the header as line 1. */
export interface ImportIssue {
  line: number;
  /** The column as the file's header names it (or the missing column's key). */
  column?: string;
  message: string;
}

/** A cell parser: the value, or a message saying what is wrong and how to write it. */
export type Parsed<T> = { value: T } | { error: string };

/** Collects an import's issues, naming columns the way the file's header wrote them. */
export class IssueLog {
  readonly list: ImportIssue[];

  constructor(
    private readonly headers: ReadonlyMap<string, string>,
    initial: readonly ImportIssue[] = [],
  ) {
    this.list = [...initial];
  }

  add(line: number, column: string | undefined, message: string): void {
    this.list.push({ line, ...(column ? { column: this.headers.get(column) ?? column } : {}), message });
  }

  /** Every issue, by line (stable, so a row's issues stay in column order). */
  sorted(): ImportIssue[] {
    return [...this.list].sort((a, b) => a.line - b.line);
  }
}

/** The cells of one row, read through parsers; `ok` turns false at the row's first issue. */
export class RowCells {
  ok = true;

  constructor(
    readonly row: CsvRow,
    private readonly log: IssueLog,
  ) {}

  get line(): number {
    return this.row.line;
  }

  /** Whether the file has this column at all (an absent optional column keeps what is stored). */
  has(key: string): boolean {
    return this.row.cells.has(key);
  }

  fail(key: string | undefined, message: string): undefined {
    this.ok = false;
    this.log.add(this.row.line, key, message);
    return undefined;
  }

  /** An optional cell: undefined when the column is absent (or the cell is bad), null when empty. */
  read<T>(key: string, parse: (text: string) => Parsed<T>): T | null | undefined {
    const text = this.row.cells.get(key);
    if (text === undefined) return undefined;
    if (text === '') return null;
    const r = parse(text);
    return 'error' in r ? this.fail(key, r.error) : r.value;
  }

  /** A cell of a required column (the header check made sure the column is there): empty is an issue. */
  need<T>(key: string, parse: (text: string) => Parsed<T>): T | undefined {
    const v = this.read(key, parse);
    return v === null ? this.fail(key, 'must not be empty') : v;
  }
}
