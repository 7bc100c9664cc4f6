import { toCsv } from './csv.js';
import { CSV_MIME, XLSX_MIME, type ExportFile, type ExportTable } from './table.js';
import { toXlsx } from './xlsx.js';

/** The same table as `<base>.csv` and `<base>.xlsx`, titled for the chat. */
export async function csvAndXlsx(base: string, title: string, table: ExportTable): Promise<ExportFile[]> {
  return [
    { name: `${base}.csv`, mimeType: CSV_MIME, content: toCsv(table), title: `${title} (CSV)` },
    { name: `${base}.xlsx`, mimeType: XLSX_MIME, content: await toXlsx(table), title: `${title} (XLSX)` },
  ];
}
