import writeXlsxFile, { type Cell, type SheetData } from 'write-excel-file/node';
import type { ExportColumn, ExportValue } from './columns.js';

function xlsxCell(value: ExportValue): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return { value, format: 'yyyy-mm-dd hh:mm:ss' };
  // Strings are written as text cells, never as formulas, so a leading '=' stays inert here.
  return value;
}

/** One sheet with a bold header row, frozen so it stays visible while scrolling. */
export async function toXlsx<T>(columns: readonly ExportColumn<T>[], rows: readonly T[]): Promise<Buffer> {
  const data: SheetData = [
    columns.map((c) => ({ value: c.header, fontWeight: 'bold' as const })),
    ...rows.map((row) => columns.map((c) => xlsxCell(c.value(row)))),
  ];
  return writeXlsxFile(data, { stickyRowsCount: 1, columns: columns.map((c) => ({ width: 12 * (c.width ?? 1.5) })) }).toBuffer();
}
