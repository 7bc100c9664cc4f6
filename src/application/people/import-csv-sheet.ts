/**
 * An import file as read: its rows of cells by column key. Its own file because both the reader
 * (import-csv-read.ts) and the issue log (import-csv-issues.ts) speak of rows, and the reader
 * reports issues: defined in either, the two would import each other.
 */

/** One data row: its line in the file and its cells by column key ('' when empty or cut short). */
export interface CsvRow {
  line: number;
  cells: ReadonlyMap<string, string>;
}

export interface CsvSheet {
  /** Column key → the header as written in the file (errors name the column the way the user wrote it). */
  headers: ReadonlyMap<string, string>;
  rows: CsvRow[];
}
