import ExcelJS from 'exceljs';
import type { ExportTable } from './table.js';

/** Excel's limits on a worksheet name: 31 characters, none of : \ / ? * [ ]. */
const sheetName = (name: string): string => name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet1';

/**
 * The table as an XLSX workbook (exceljs): a bold, frozen header row and column widths that fit the
 * header. Text cells are typed strings, never formulas, so nothing a user typed is evaluated and
 * no apostrophe escape is needed (unlike CSV).
 */
export async function toXlsx(table: ExportTable): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Appraisal bot';
  const sheet = workbook.addWorksheet(sheetName(table.sheet), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.header).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map((c) => (c === null ? null : c)));
  table.header.forEach((label, i) => {
    // Chinese characters are about twice as wide as Latin ones.
    const width = [...label].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(10, width + 2));
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
