import writeXlsxFile, { type Row } from 'write-excel-file/node';
import { displayWidth } from '../../domain/text.js';
import type { ExportTable } from './table.js';

/** Excel's limits on a worksheet name: 31 characters, none of : \ / ? * [ ]. */
const sheetName = (name: string): string => name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31).trim() || 'Sheet1';

/**
 * The table as an XLSX workbook (write-excel-file: small, maintained, one dependency): a bold header
 * row that stays in view while scrolling, and columns as wide as their header. Text cells are typed
 * strings, never formulas (only an explicit 'Formula' type makes one), so nothing a user typed is
 * evaluated and no apostrophe escape is needed, unlike CSV.
 */
export async function toXlsx(table: ExportTable): Promise<Uint8Array> {
  const header: Row = table.header.map((label) => ({ value: label, type: String, fontWeight: 'bold' }));
  const rows: Row[] = table.rows.map((row) =>
    row.map((cell) => (cell === null ? null : typeof cell === 'number' ? { value: cell, type: Number } : { value: cell, type: String })),
  );
  const columns = table.header.map((label) => ({ width: Math.min(60, Math.max(10, displayWidth(label) + 2)) }));
  const buffer = await writeXlsxFile([header, ...rows], { sheet: sheetName(table.sheet), columns, stickyRowsCount: 1 }).toBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
