/**
 * A table to export: one header row of localised labels and rows of typed cells. Numbers stay
 * numbers (a spreadsheet sums them), text stays text, an empty value is null.
 */
export type Cell = string | number | null;

export interface ExportTable {
  /** The worksheet's name (XLSX). */
  sheet: string;
  header: string[];
  rows: Cell[][];
}

/** A file an export produces; the chat answer carries it and each platform uploads it. */
export interface ExportFile {
  name: string;
  mimeType: string;
  content: Uint8Array;
  title: string;
}

export const CSV_MIME = 'text/csv';
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Rounds a figure computed by summing (adjustment deltas) so 0.1 + 0.2 reads 0.3 in a sheet. */
export const round2 = (x: number): number => Math.round(x * 100) / 100;

/** A stored figure for a sheet: scores keep 2 decimals, actuals and targets 4 (a 95.23% ratio); null stays empty. */
export const rounded = (x: number | null | undefined, digits: 2 | 4): number | null => (x === null || x === undefined ? null : Math.round(x * 10 ** digits) / 10 ** digits);
