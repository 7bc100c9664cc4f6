import type { Cell, ExportTable } from './table.js';

/**
 * RFC 4180 CSV for spreadsheets: UTF-8 with a byte-order mark (without it Excel reads UTF-8 as the
 * local code page and Chinese names turn to mojibake), CRLF line ends, fields quoted when needed.
 */
const BOM = '\uFEFF';

/**
 * Text that a spreadsheet would run as a formula (= + - @, also behind spaces, tabs or CRs that
 * some programs strip before looking) gets a leading apostrophe: a rep's name or a reason typed in
 * chat must never become a formula in HR's Excel (CSV injection, OWASP). Numbers are written as
 * numbers, so a negative adjustment stays a number.
 */
export function escapeFormula(text: string): string {
  return /^\s*[=+\-@]|^[\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * Quoted when the cell holds the separator of any common locale, not only ours: Excel set to a
 * German or French locale splits on ';' (and some tools on tab), and the half after the separator
 * of `x;=cmd|…` would otherwise be a cell of its own that starts with '=' (a DDE formula).
 */
const NEEDS_QUOTES = /[",;\t\r\n]|^\s|\s$/;

function field(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = escapeFormula(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(table: Pick<ExportTable, 'header' | 'rows'>): Uint8Array {
  const lines = [table.header, ...table.rows].map((row) => row.map(field).join(','));
  return new TextEncoder().encode(BOM + lines.join('\r\n') + '\r\n');
}
