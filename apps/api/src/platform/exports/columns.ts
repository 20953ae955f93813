/** A value an export cell can hold; dates are written as ISO 8601 (UTC) text in CSV and PDF. */
export type ExportValue = string | number | boolean | Date | null | undefined;

/** One column of an export: its heading and how to read it from a row. */
export interface ExportColumn<T> {
  header: string;
  value: (row: T) => ExportValue;
  /** Relative width in the PDF table (default 1). */
  width?: number;
  /** Indent levels of the cell in the PDF (an indented BOM's part number). */
  indent?: (row: T) => number;
}

export const EXPORT_FORMATS = ['csv', 'xlsx', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The most rows any export writes: beyond this a report, not a download, is the right tool. */
export const EXPORT_ROW_CAP = 10_000;

/**
 * PDFs stop earlier: pdfmake lays out on the event loop, and 10,000 rows took about 20 s here
 * (1,000 about 2 s), while nobody prints more than a few dozen pages of a list.
 */
export const PDF_ROW_CAP = 1_000;

export const rowCapFor = (format: ExportFormat) => (format === 'pdf' ? PDF_ROW_CAP : EXPORT_ROW_CAP);

export function cellText(value: ExportValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  return String(value);
}
