import { cellText, type ExportColumn, type ExportValue } from './columns.js';

// Cells a spreadsheet would run as a formula (OWASP "CSV injection"), also after tabs and CRs.
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: ExportValue): string {
  let text = cellText(value);
  // Only text is neutralised: a negative number is data, not a formula.
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote or line break. Starts
 * with a UTF-8 byte order mark, without which Excel reads non-ASCII names as mojibake.
 */
export function toCsv<T>(columns: readonly ExportColumn<T>[], rows: readonly T[]): Buffer {
  const lines = [columns.map((c) => csvCell(c.header)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
