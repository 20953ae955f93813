import pdfmake from 'pdfmake';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { cellText, type ExportColumn } from './columns.js';

// The standard 14 PDF fonts are built into every reader, so no font file ships with the server.
// They cover Latin-1 (WinAnsi) only; characters outside it do not render.
const STANDARD_FONTS = { Helvetica: { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' } };
const FONT_NAMES = new Set(Object.values(STANDARD_FONTS.Helvetica));

pdfmake.setFonts(STANDARD_FONTS);
// Exports hold only our own text: never fetch URLs, and read no local file but the built-in fonts.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => FONT_NAMES.has(path));

/** A landscape A4 table with the title, optional header lines, the time it was made, and page numbers. */
export async function toPdf<T>(title: string, columns: readonly ExportColumn<T>[], rows: readonly T[], subtitle: readonly string[] = []): Promise<Buffer> {
  const header: TableCell[] = columns.map((c) => ({ text: c.header, bold: true, fillColor: '#eeeeee' }));
  const cell = (c: ExportColumn<T>, row: T): TableCell => ({ text: cellText(c.value(row)), ...(c.indent ? { margin: [c.indent(row) * 8, 0, 0, 0] as [number, number, number, number] } : {}) });
  const body: TableCell[][] = [header, ...rows.map((row) => columns.map((c) => cell(c, row)))];
  // Relative weights become percentages: pdfmake's star widths take no weights.
  const weights = columns.map((c) => c.width ?? 1);
  const sum = weights.reduce((a, b) => a + b, 0);
  const content: Content[] = [
    { text: title, fontSize: 14, bold: true, margin: [0, 0, 0, 4] },
    ...subtitle.map((line): Content => ({ text: line, fontSize: 9, margin: [0, 0, 0, 2] })),
    { text: `Generated ${new Date().toISOString()} - ${rows.length} rows`, fontSize: 8, color: '#666666', margin: [0, 0, 0, 8] },
    { table: { headerRows: 1, widths: weights.map((w) => `${((w / sum) * 100).toFixed(2)}%`), body }, layout: 'lightHorizontalLines' },
  ];
  const doc: TDocumentDefinitions = {
    info: { title },
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [24, 24, 24, 32],
    defaultStyle: { font: 'Helvetica', fontSize: 7 },
    footer: (page, pages) => ({ text: `${page} / ${pages}`, alignment: 'right', fontSize: 7, margin: [0, 8, 24, 0] }),
    content,
  };
  return pdfmake.createPdf(doc).getBuffer();
}
