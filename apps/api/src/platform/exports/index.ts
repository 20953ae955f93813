// Tabular exports (CSV, XLSX, PDF) for any list endpoint.
export { EXPORT_ROW_CAP, PDF_ROW_CAP, rowCapFor, type ExportColumn, type ExportFormat, type ExportValue } from './columns.js';
export { toCsv } from './csv.js';
export { collectPages, type PageFetcher } from './paging.js';
export { toPdf } from './pdf.js';
export { exportContentType, exportFileName, exportFormatSchema, renderExport, sendExport, type ExportData } from './send.js';
export { exportRoute, type ExportableList } from './exportable.js';
export { toXlsx } from './xlsx.js';
