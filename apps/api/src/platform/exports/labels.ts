import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
// Fonts and the no-URL access policy are set once where pdfmake is first configured.
import './pdf.js';

export interface Label {
  /** What the QR code encodes. */
  qr: string;
  /** The big line under the code (an asset tag) and smaller lines beneath it. */
  title: string;
  lines: string[];
}

const PER_ROW = 3;

/** A printable A4 sheet of QR labels, three across, each cell kept whole on one page. */
export async function toLabelSheetPdf(title: string, labels: readonly Label[]): Promise<Buffer> {
  const cells: Content[] = labels.map((l) => ({
    stack: [
      { qr: l.qr, fit: 120, eccLevel: 'M', alignment: 'center', margin: [0, 4, 0, 4] },
      { text: l.title, bold: true, fontSize: 11, alignment: 'center' },
      ...l.lines.filter(Boolean).map((t): Content => ({ text: t, fontSize: 8, alignment: 'center', color: '#333333' })),
    ],
    unbreakable: true,
    margin: [4, 6, 4, 10],
  }));
  const rows: Content[][] = [];
  for (let i = 0; i < cells.length; i += PER_ROW) {
    const row = cells.slice(i, i + PER_ROW);
    while (row.length < PER_ROW) row.push({ text: '' });
    rows.push(row);
  }
  const doc: TDocumentDefinitions = {
    info: { title },
    pageSize: 'A4',
    pageMargins: [24, 24, 24, 24],
    defaultStyle: { font: 'Helvetica', fontSize: 9 },
    content: [{ table: { widths: ['33.33%', '33.33%', '33.34%'], body: rows, dontBreakRows: true }, layout: 'noBorders' }],
  };
  return pdfmake.createPdf(doc).getBuffer();
}
